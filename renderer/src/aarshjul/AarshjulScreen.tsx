import { useState } from 'react';
import { ROUND_KIND_LABELS, ROUND_STATE_LABELS, sampleRuleInWords } from '../../../shared/domain/aarshjul';
import { formatDanishPeriod, todayIso } from '../../../shared/domain/dates';
import { flattenTree, unitTree } from '../../../shared/domain/enhed';
import { REVIEW_FORM_LABELS } from '../../../shared/domain/tilsyn';
import { Alert } from '../components/Alert';
import { PageTitle } from '../components/PageTitle';
import { Select } from '../components/Select';
import { YearNav } from '../components/YearNav';
import { routeHref } from '../routes';
import { useApp } from '../store';
import './aarshjul.css';
import { CoverageSection } from './CoverageSection';
import { PeriodReportCard } from './PeriodReportCard';
import { RoundPlanForm } from './RoundPlanForm';
import { useAarshjulData } from './useAarshjulData';
import { YearGrid } from './YearGrid';

/** The årshjul: the year's planned rounds per enhed, where each stands today, and starting a planned one. */
export function AarshjulScreen() {
  const today = todayIso();
  const navigate = useApp((s) => s.navigate);
  const [year, setYear] = useState(Number(today.slice(0, 4)));
  const [enhedId, setEnhedId] = useState('');
  const [selected, setSelected] = useState<number | null>(null);
  const [message, setMessage] = useState<string>();
  const data = useAarshjulData(year, enhedId ? Number(enhedId) : null);
  const { rounds, units, error } = data;
  const round = rounds?.find((r) => r.id === selected);
  const late = rounds?.filter((r) => r.state === 'overskredet').length ?? 0;

  return (
    <section>
      <PageTitle>Årshjul {year}</PageTitle>
      <p className="font-lead">
        Årets runder pr. enhed: løbende, tematiserede og centrale. Start en planlagt runde, så oprettes tilsynet ud fra
        planen.
      </p>
      {(error || message) && (
        <Alert kind="error">
          <p className="alert-text">{error ?? message}</p>
        </Alert>
      )}
      <div className="year-controls">
        <YearNav year={year} onChange={setYear} />
        <Select
          id="aarshjul-enhed"
          label="Enhed"
          value={enhedId}
          options={[
            ['', 'Alle enheder'],
            ...flattenTree(unitTree(units ?? [])).map((n): [string, string] => [String(n.id), n.path]),
          ]}
          onChange={setEnhedId}
        />
      </div>
      {late > 0 && (
        <p className="text-overdue">
          <strong>{late === 1 ? 'Én runde' : `${late} runder`} er overskredet</strong>: perioden er slut, uden at
          tilsynet er afsluttet.
        </p>
      )}
      {!rounds ? (
        <p>Henter årshjulet …</p>
      ) : rounds.length === 0 ? (
        <p className="empty-state">
          Der er ingen planlagte runder i {year}. Planlæg dem nedenfor; tilsyn oprettet uden for årshjulet vises ikke
          her.
        </p>
      ) : (
        <YearGrid year={year} rounds={rounds} today={today} selected={selected} onSelect={setSelected} />
      )}
      {round && (
        <div className="card round-detail" aria-live="polite">
          <h2 className="h4">{round.titel}</h2>
          <p>
            {round.uplanlagt
              ? `Tilsyn oprettet uden for årshjulet · ${round.enhed} · ${formatDanishPeriod(round.fra, round.til)} · `
              : `${ROUND_KIND_LABELS[round.art]} runde · ${round.enhed} · ${formatDanishPeriod(round.fra, round.til)} · ${REVIEW_FORM_LABELS[round.form]} · ${sampleRuleInWords(round.stikproeve)} · ansvarlig ${round.ansvarlig} · `}
            <strong>{ROUND_STATE_LABELS[round.state]}</strong>
          </p>
          <div className="button-row">
            {round.tilsynId === null ? (
              <>
                <button
                  type="button"
                  className="button button-primary"
                  onClick={async () => {
                    const result = await data.start(round.id);
                    if (result.ok)
                      navigate(
                        { name: 'tilsyn', id: result.tilsynId },
                        { kind: 'success', text: `Tilsynet »${round.titel}« er oprettet ud fra årshjulet.` },
                      );
                    else setMessage(result.message);
                  }}
                >
                  Start runden
                </button>
                <button
                  type="button"
                  className="button button-tertiary"
                  onClick={async () => {
                    const result = await data.remove(round.id);
                    if (result.ok) setSelected(null);
                    else setMessage(result.message);
                  }}
                >
                  Slet runden
                </button>
              </>
            ) : (
              <a className="button button-secondary" href={routeHref({ name: 'tilsyn', id: round.tilsynId })}>
                Gå til tilsynet
              </a>
            )}
          </div>
        </div>
      )}
      {enhedId ? (
        <>
          <CoverageSection enhedId={Number(enhedId)} year={year} />
          <PeriodReportCard key={`${enhedId}-${year}`} enhedId={Number(enhedId)} year={year} />
        </>
      ) : (
        <p className="muted coverage">Vælg en enhed for at se, hvilke sagsbehandlere og sagstyper der er dækket.</p>
      )}
      {units && <RoundPlanForm year={year} units={units} data={data} />}
    </section>
  );
}
