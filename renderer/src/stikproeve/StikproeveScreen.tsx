import { useCallback, useEffect, useRef, useState } from 'react';
import { formatDanishDate, formatDanishDateTime } from '../../../shared/domain/dates';
import { SAMPLING_METHOD_LABELS, type SampleSpecInput, STRATA_FIELD_LABELS } from '../../../shared/domain/sampling';
import {
  EXCLUSION_REASON_LABELS,
  EXCLUSION_REASONS,
  type ExclusionReason,
  type PopulationSummary,
  type SampledSag,
  type SampleRecord,
} from '../../../shared/domain/stikproeve';
import type { TilsynSummary } from '../../../shared/domain/tilsyn';
import { api } from '../api';
import { Alert } from '../components/Alert';
import { Select } from '../components/Select';
import { TilsynLayout } from '../components/TilsynLayout';
import { routeHref } from '../routes';
import { SampleForm } from '../stikproeve/SampleForm';
import { StrataTable } from '../stikproeve/StrataTable';
import { messageOf } from '../store';

export function StikproeveScreen({ id }: { id: number }) {
  return (
    <TilsynLayout id={id} step="stikproeve">
      {(tilsyn, reload) => <Stikproeve tilsyn={tilsyn} onChanged={reload} />}
    </TilsynLayout>
  );
}

function Stikproeve({ tilsyn, onChanged }: { tilsyn: TilsynSummary; onChanged(): void }) {
  const [population, setPopulation] = useState<PopulationSummary | null>();
  const [record, setRecord] = useState<SampleRecord | null>();
  const [dateLabels, setDateLabels] = useState<Record<string, string>>({});
  const [redrawing, setRedrawing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();

  const load = useCallback(async () => {
    try {
      const [p, r, v] = await Promise.all([
        api.call('population.get', { tilsynId: tilsyn.id }),
        api.call('stikproeve.get', { tilsynId: tilsyn.id }),
        api.call('skabelon.version', { versionId: tilsyn.skabelonVersionId }),
      ]);
      setPopulation(p);
      setRecord(r);
      setDateLabels(Object.fromEntries((v.content.dateFields ?? []).map((f) => [f.key, f.label])));
    } catch (err) {
      setError(messageOf(err));
    }
  }, [tilsyn.id, tilsyn.skabelonVersionId]);
  useEffect(() => {
    void load();
  }, [load]);

  async function draw(spec: SampleSpecInput, drawnBy: string) {
    setBusy(true);
    setError(undefined);
    try {
      setRecord(await api.call('stikproeve.draw', { tilsynId: tilsyn.id, spec, drawnBy }));
      setRedrawing(false);
      setNotice('Stikprøven er trukket og gemt med sin dokumentation.');
      onChanged();
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  async function exclude(sag: SampledSag, reason: ExclusionReason, note: string) {
    setError(undefined);
    try {
      const result = await api.call('stikproeve.exclude', { sagId: sag.id, reason, note });
      setRecord(result.record);
      setNotice(
        result.replacement
          ? `Sag ${sag.sagsnummer} udgår. Reserven ${result.replacement} fra samme gruppe er kommet ind i stedet.`
          : `Sag ${sag.sagsnummer} udgår. Der er ingen reserver tilbage i gruppen »${sag.stratum}«.`,
      );
      onChanged();
    } catch (err) {
      setError(messageOf(err));
    }
  }

  if (population === undefined || record === undefined)
    return error ? (
      <Alert kind="error">
        <p className="alert-text">{error}</p>
      </Alert>
    ) : (
      <p>Henter stikprøven …</p>
    );
  if (!population || population.rowCount === 0) {
    return (
      <Alert kind="info" heading="Importér sagslisten først">
        <p className="alert-text">
          Stikprøven trækkes fra sagslisten.{' '}
          <a href={routeHref({ name: 'sagsliste', id: tilsyn.id })}>Gå til sagslisten</a>.
        </p>
      </Alert>
    );
  }

  return (
    <>
      {notice && (
        <Alert kind="success" onClose={() => setNotice(undefined)}>
          <p className="alert-text">{notice}</p>
        </Alert>
      )}
      {error && (
        <Alert kind="error" onClose={() => setError(undefined)}>
          <p className="alert-text">{error}</p>
        </Alert>
      )}
      {(!record || redrawing) && (
        <SampleForm
          tilsynId={tilsyn.id}
          population={population}
          dateLabels={dateLabels}
          busy={busy}
          onDraw={draw}
          onCancel={record ? () => setRedrawing(false) : undefined}
        />
      )}
      {record && !redrawing && (
        <SampleView record={record} dateLabels={dateLabels} onExclude={exclude} onRedraw={() => setRedrawing(true)} />
      )}
    </>
  );
}

function SampleView(props: {
  record: SampleRecord;
  dateLabels: Record<string, string>;
  onExclude(sag: SampledSag, reason: ExclusionReason, note: string): void;
  onRedraw(): void;
}) {
  const { record } = props;
  const selected = record.sager.filter((s) => s.role === 'udvalgt');
  const spares = record.sager.filter((s) => s.role === 'reserve' && s.status !== 'udgaaet');
  const reviewStarted = record.sager.some((s) => s.status === 'i_gang' || s.status === 'faerdig');
  const { spec } = record;
  const filters = [
    spec.filters.sagstyper.length ? `sagstyper: ${spec.filters.sagstyper.join(', ')}` : '',
    spec.filters.teams.length ? `teams: ${spec.filters.teams.join(', ')}` : '',
    spec.filters.dateKey
      ? `${props.dateLabels[spec.filters.dateKey] ?? spec.filters.dateKey} ${spec.filters.dateFrom ? `fra ${formatDanishDate(spec.filters.dateFrom)}` : ''} ${spec.filters.dateTo ? `til ${formatDanishDate(spec.filters.dateTo)}` : ''}`
      : '',
    spec.avoidRecentlyReviewed ? 'sager gennemgået de seneste 12 måneder er udeladt' : '',
    spec.preferUnreviewed ? 'sagsbehandlere og sagstyper, der ikke er set for nylig, foretrækkes' : '',
  ].filter(Boolean);

  return (
    <>
      <div className="card sample-record">
        <h2>Stikprøvens dokumentation</h2>
        <dl className="facts">
          <dt>Metode</dt>
          <dd>
            {SAMPLING_METHOD_LABELS[record.method]}
            {spec.strataBy && ` efter ${STRATA_FIELD_LABELS[spec.strataBy]}`}
            {record.method === 'stratificeret' &&
              (spec.allocation === 'proportional'
                ? `, ${spec.size} sager fordelt forholdsmæssigt`
                : `, ${spec.perStratum} pr. gruppe`)}
            {record.method !== 'stratificeret' && `, ${spec.size} sager`}, {spec.spares} reserver
            {record.method === 'stratificeret' ? ' pr. gruppe' : ''}
          </dd>
          <dt>Population</dt>
          <dd>
            {record.populationCount.toLocaleString('da-DK')} sager; {record.afterFilters.toLocaleString('da-DK')} efter
            filtre
            <span className="form-hint">
              Fingeraftryk <code title={record.populationHash}>{record.populationHash.slice(0, 16)}</code>
            </span>
          </dd>
          <dt>Filtre</dt>
          <dd>{filters.length ? filters.join('; ') : 'Ingen'}</dd>
          <dt>Frø</dt>
          <dd>
            <strong>{record.seed}</strong>
          </dd>
          <dt>Trukket</dt>
          <dd>
            {formatDanishDateTime(record.drawnAt)} af {record.drawnBy}
          </dd>
        </dl>
        {record.warnings.map((w) => (
          <p key={w} className="form-error-message">
            {w}
          </p>
        ))}
        <StrataTable strata={record.strata} />
        {!reviewStarted && (
          <button type="button" className="button button-tertiary" onClick={props.onRedraw}>
            Træk stikprøven igen
          </button>
        )}
      </div>

      <h2>Udvalgte sager ({selected.filter((s) => s.status !== 'udgaaet').length})</h2>
      <SagTable sager={selected} onExclude={props.onExclude} />
      <h2>Reserver ({spares.length})</h2>
      <p className="muted">Udgår en sag, kommer den første reserve fra samme gruppe ind i stedet.</p>
      <SagTable sager={spares} />
    </>
  );
}

function SagTable({
  sager,
  onExclude,
}: {
  sager: SampledSag[];
  onExclude?: (sag: SampledSag, reason: ExclusionReason, note: string) => void;
}) {
  const [excluding, setExcluding] = useState<number>();
  return (
    <table className="table table--compact data-table">
      <thead>
        <tr>
          <th scope="col">Gruppe</th>
          <th scope="col">Nr.</th>
          <th scope="col">Sagsnummer</th>
          <th scope="col">Sagstype</th>
          <th scope="col">Sagsbehandler</th>
          <th scope="col">Team</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {sager.map((s) => (
          <tr key={s.id} className={s.status === 'udgaaet' ? 'row-excluded' : undefined}>
            <td>{s.stratum}</td>
            <td>{s.order}</td>
            <td>
              {s.sagsnummer}
              {s.replaces && <span className="form-hint">Reserve for {s.replaces}</span>}
            </td>
            <td>{s.sagstype}</td>
            <td>{s.sagsbehandler}</td>
            <td>{s.team}</td>
            <td>
              {s.status === 'udgaaet' && s.exclusion ? (
                <>
                  Udgået: {EXCLUSION_REASON_LABELS[s.exclusion.reason]}
                  {s.exclusion.note && <span className="form-hint">{s.exclusion.note}</span>}
                </>
              ) : onExclude && excluding === s.id ? (
                <ExcludeForm
                  sag={s}
                  onCancel={() => setExcluding(undefined)}
                  onSubmit={(reason, note) => {
                    setExcluding(undefined);
                    onExclude(s, reason, note);
                  }}
                />
              ) : onExclude && s.status === 'ikke_startet' ? (
                <button type="button" className="link-button" onClick={() => setExcluding(s.id)}>
                  Udgår …<span className="sr-only"> sag {s.sagsnummer}</span>
                </button>
              ) : (
                { ikke_startet: 'Ikke startet', i_gang: 'I gang', faerdig: 'Færdig', udgaaet: 'Udgået' }[s.status]
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ExcludeForm(props: {
  sag: SampledSag;
  onSubmit(reason: ExclusionReason, note: string): void;
  onCancel(): void;
}) {
  const [reason, setReason] = useState<ExclusionReason>('lukket_foer_perioden');
  const [note, setNote] = useState('');
  const root = useRef<HTMLDivElement>(null);
  // Keyboard users land in the form that replaced the button they pressed.
  useEffect(() => {
    root.current?.querySelector('select')?.focus();
  }, []);
  const needsNote = reason === 'anden' && !note.trim();
  return (
    <div className="exclude-form" ref={root}>
      <Select
        id={`exclude-reason-${props.sag.id}`}
        label="Årsag"
        value={reason}
        options={EXCLUSION_REASONS.map((r) => [r, EXCLUSION_REASON_LABELS[r]])}
        onChange={(v) => setReason(v as ExclusionReason)}
      />
      <div className="form-group">
        <label className="form-label" htmlFor={`exclude-note-${props.sag.id}`}>
          Bemærkning {reason !== 'anden' && <span className="optional">(valgfri)</span>}
        </label>
        <input
          id={`exclude-note-${props.sag.id}`}
          className="form-input"
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      <div className="button-row">
        <button
          type="button"
          className="button button-primary"
          disabled={needsNote}
          onClick={() => props.onSubmit(reason, note)}
        >
          Lad sagen udgå<span className="sr-only"> (sag {props.sag.sagsnummer})</span>
        </button>
        <button type="button" className="button button-tertiary" onClick={props.onCancel}>
          Annullér
        </button>
      </div>
    </div>
  );
}
