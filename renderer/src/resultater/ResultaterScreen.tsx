import { useEffect, useState } from 'react';
import { measureBarsSvg, trendSvg } from '../../../shared/charts';
import { formatShare } from '../../../shared/domain/format';
import type { ResultsView } from '../../../shared/domain/reports';
import type { MeasureResult, TrendPoint } from '../../../shared/domain/results';
import type { TilsynSummary } from '../../../shared/domain/tilsyn';
import { api } from '../api';
import { Alert } from '../components/Alert';
import { Choice } from '../components/Choice';
import { TilsynLayout } from '../components/TilsynLayout';
import { svgDataUrl } from '../files';
import { AssessmentEditor } from '../resultater/AssessmentEditor';
import { Breakdowns } from '../resultater/Breakdowns';
import { SummaryEditor } from '../resultater/SummaryEditor';
import { routeHref } from '../routes';
import { messageOf } from '../store';

export function ResultaterScreen({ id }: { id: number }) {
  return (
    <TilsynLayout id={id} step="resultater">
      {(tilsyn) => <Results tilsyn={tilsyn} />}
    </TilsynLayout>
  );
}

/** "12 af 15 (80 %)", with a warning mark when n is small. */
export function shareText(m: { met: number; applicable: number; share: number | null; smallN: boolean }): string {
  if (m.applicable === 0) return 'Ikke relevant i nogen sag';
  return `${m.met} af ${m.applicable} (${formatShare(m.share)})`;
}

/** A round's short name for charts: the title, or the quarter of its period. */
function roundLabel(p: TrendPoint): string {
  return p.titel.length <= 24 ? p.titel : `${p.periodeTil.slice(0, 4)} ${p.titel.slice(0, 18)}…`;
}

/** The tilsyn's results per measure against the måltal, their development, and ledelsens vurdering and plan. */
function Results({ tilsyn }: { tilsyn: TilsynSummary }) {
  const [view, setView] = useState<ResultsView>();
  const [error, setError] = useState<string>();
  const [trendKey, setTrendKey] = useState('*');

  useEffect(() => {
    api.call('resultater.get', { tilsynId: tilsyn.id }).then(setView, (err) => setError(messageOf(err)));
  }, [tilsyn.id]);

  if (error)
    return (
      <Alert kind="error">
        <p className="alert-text">{error}</p>
      </Alert>
    );
  if (!view) return <p>Beregner resultaterne …</p>;
  const { results } = view;
  if (results.sager === 0)
    return (
      <Alert kind="info" heading="Ingen resultater endnu">
        <p className="alert-text">
          Resultaterne beregnes af gennemgangens svar.{' '}
          <a href={routeHref({ name: 'gennemgang', id: tilsyn.id })}>Gå til gennemgangen</a>.
        </p>
      </Alert>
    );

  // Questions that never applied (rules, or only "ikke relevant" answers) say nothing about quality: left out.
  const measured = results.measures.filter((m) => m.applicable > 0);
  const shown = results.measures.filter((m) => m.applicable > 0 || m.counts.ubesvaret > 0);
  const hidden = results.measures.length - shown.length;
  const sections = [...new Set(shown.map((m) => m.sectionKey))];
  const trend = view.trends[trendKey] ?? [];
  const trendMeasure = results.measures.find((m) => m.key === trendKey);
  const withHistory = results.measures.filter((m) => (view.trends[m.key]?.length ?? 0) >= 2);

  return (
    <div className="results">
      {results.faerdige < results.sager && (
        <Alert kind="warning">
          <p className="alert-text">
            {results.sager - results.faerdige} af {results.sager} sager er ikke færdiggennemgået. Resultaterne kan ændre
            sig, til alle sager er færdige.
          </p>
        </Alert>
      )}
      <div className="result-cards">
        <ResultCard label="Alle spørgsmål" share={results.overall} />
        {results.categories
          .filter((c) => c.applicable > 0)
          .map((c) => (
            <ResultCard key={c.key} label={c.label} share={c} />
          ))}
      </div>
      <p className="muted">
        Andel opfyldt af de sager, hvor spørgsmålet var relevant. »Delvist« tæller som ikke opfyldt; »Ikke relevant«
        tæller ikke med. {results.sager} sager i stikprøven.
      </p>
      <Choice
        type="checkbox"
        id="baseline"
        checked={view.baseline}
        onChange={(baseline) =>
          api.call('tilsyn.baseline', { tilsynId: tilsyn.id, baseline }).then(
            () => setView({ ...view, baseline }),
            (err) => setError(messageOf(err)),
          )
        }
        hint="Senere runder med samme skabelon sammenlignes med denne måling."
      >
        Dette tilsyn er en baseline-måling
      </Choice>

      <h2>Resultater mod måltal</h2>
      <figure className="chart">
        <img
          src={svgDataUrl(
            measureBarsSvg(
              measured.map((m) => ({
                label: `${m.number} ${m.text}`,
                share: m.share,
                target: m.target,
                n: m.applicable,
              })),
              { width: 900 },
            ),
          )}
          alt={`Andel opfyldt for ${measured.length} spørgsmål med måltal. Tallene står i tabellen nedenfor.`}
        />
      </figure>

      {sections.map((key) => {
        const ms = shown.filter((m) => m.sectionKey === key);
        const section = results.sections.find((s) => s.key === key);
        return (
          <section key={key} className="result-section" aria-labelledby={`resultat-${key}`}>
            <h3 id={`resultat-${key}`}>
              {ms[0]?.number.split('.')[0]}. {section?.label}{' '}
              <span className="muted">{section && section.applicable > 0 ? shareText(section) : ''}</span>
            </h3>
            <table className="table table--compact data-table result-table">
              <thead>
                <tr>
                  <th scope="col">Nr.</th>
                  <th scope="col">Spørgsmål</th>
                  <th scope="col" className="num">
                    Opfyldt
                  </th>
                  <th scope="col" className="num">
                    Delvist
                  </th>
                  <th scope="col" className="num">
                    Ikke opfyldt
                  </th>
                  <th scope="col" className="num">
                    Ikke relevant
                  </th>
                  <th scope="col">Resultat</th>
                  <th scope="col" className="num">
                    Måltal
                  </th>
                </tr>
              </thead>
              <tbody>
                {ms.map((m) => (
                  <MeasureRow
                    key={m.key}
                    measure={m}
                    tilsynId={tilsyn.id}
                    locked={tilsyn.status === 'afsluttet'}
                    assessment={view.assessments.find((a) => a.key === m.key)}
                  />
                ))}
              </tbody>
            </table>
          </section>
        );
      })}

      {hidden > 0 && (
        <p className="muted">
          {hidden === 1 ? 'Ét spørgsmål' : `${hidden} spørgsmål`} var ikke relevant i nogen af sagerne og vises ikke.
        </p>
      )}

      <h2>Udvikling</h2>
      {(view.trends['*']?.length ?? 0) < 2 ? (
        <p className="muted">
          Der er ingen tidligere tilsyn med samme skabelon endnu. Når næste runde er gennemført, vises udviklingen her.
        </p>
      ) : (
        <>
          <div className="form-group">
            <label className="form-label" htmlFor="udvikling-maal">
              Vis udviklingen for
            </label>
            <select
              id="udvikling-maal"
              className="form-select input-wide"
              value={trendKey}
              onChange={(e) => setTrendKey(e.target.value)}
            >
              <option value="*">Alle spørgsmål samlet</option>
              {withHistory.map((m) => (
                <option key={m.key} value={m.key}>
                  {m.number} {m.text}
                </option>
              ))}
            </select>
          </div>
          <figure className="chart">
            <img
              src={svgDataUrl(
                trendSvg(
                  trend.map((p) => ({
                    label: roundLabel(p),
                    share: p.share ?? 0,
                    n: p.applicable,
                    baseline: p.baseline,
                  })),
                  { width: 900, height: 320, target: trendMeasure?.target ?? null },
                ),
              )}
              alt={`Udviklingen over ${trend.length} runder: ${trend.map((p) => `${p.titel} ${formatShare(p.share)}`).join(', ')}`}
            />
          </figure>
        </>
      )}

      <SummaryEditor tilsynId={tilsyn.id} stored={view.sammenfatning} disabled={tilsyn.status === 'afsluttet'} />
      <Breakdowns results={results} />
    </div>
  );
}

function ResultCard({
  label,
  share,
}: {
  label: string;
  share: { met: number; applicable: number; share: number | null; smallN: boolean };
}) {
  return (
    <div className="result-card">
      <p className="result-card-label">{label}</p>
      <p className="result-card-value">{formatShare(share.share)}</p>
      <p className="muted">
        {share.met} af {share.applicable} svar opfyldt
      </p>
    </div>
  );
}

function MeasureRow(props: {
  measure: MeasureResult;
  tilsynId: number;
  locked: boolean;
  assessment: ResultsView['assessments'][number] | undefined;
}) {
  const m = props.measure;
  const hasAssessment = Boolean(props.assessment?.vurdering || props.assessment?.plan);
  const [open, setOpen] = useState(hasAssessment);
  return (
    <>
      <tr className={m.belowTarget ? 'below-target' : undefined}>
        <td>{m.number}</td>
        <td>
          {m.text}
          <div>
            <button
              type="button"
              className={`link-button${m.belowTarget && !hasAssessment ? ' strong' : ''}`}
              aria-expanded={open}
              onClick={() => setOpen(!open)}
            >
              {open ? 'Skjul' : hasAssessment ? 'Vis' : 'Skriv'} ledelsens vurdering og plan
              <span className="sr-only"> for spørgsmål {m.number}</span>
            </button>
          </div>
        </td>
        <td className="num">{m.counts.opfyldt}</td>
        <td className="num">{m.counts.delvist}</td>
        <td className="num">{m.counts.ikke_opfyldt}</td>
        <td className="num">{m.counts.udeladt}</td>
        <td className="nowrap">
          {shareText(m)}
          {m.smallN && (
            <span className="tag-small-n" title="Under 10 sager: én sag flytter resultatet meget">
              få sager
            </span>
          )}
          {m.counts.ubesvaret > 0 && <div className="muted">{m.counts.ubesvaret} mangler svar</div>}
        </td>
        <td className="num nowrap">
          {m.target === null ? '–' : `${m.target} %`}
          {m.belowTarget && <span className="tag-overdue">Under</span>}
        </td>
      </tr>
      {open && (
        <tr className="assessment-row">
          <td />
          <td colSpan={7}>
            <AssessmentEditor tilsynId={props.tilsynId} measure={m} stored={props.assessment} disabled={props.locked} />
          </td>
        </tr>
      )}
    </>
  );
}
