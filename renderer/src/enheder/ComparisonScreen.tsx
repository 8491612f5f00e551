import { useState } from 'react';
import { type Agreement, agreementInWords } from '../../../shared/domain/agreement';
import type { ComparisonCell, ComparisonFamily } from '../../../shared/domain/comparison';
import { todayIso } from '../../../shared/domain/dates';
import { formatPercent } from '../../../shared/domain/format';
import type { Share } from '../../../shared/domain/results';
import { api } from '../api';
import { Alert } from '../components/Alert';
import { PageTitle } from '../components/PageTitle';
import { YearNav } from '../components/YearNav';
import { messageOf } from '../errors';
import { downloadGeneratedFile } from '../files';
import { useLoad } from '../hooks/useLoad';
import { shareText } from '../resultater/shareText';
import { routeHref } from '../routes';
import { isCancelled, tracked } from '../tasks';
import { CaseloadComparison } from './CaseloadComparison';
import { CoverageComparison } from './CoverageComparison';
import { QUARTERS, QuarterHeads } from './QuarterHeads';

/**
 * The department's view (issue #14): the enheder under one side by side for a year, each with its latest round per
 * template, krav by krav. For the leader of the afdeling: management information with n, not a public report.
 */
export function ComparisonScreen({ id }: { id: number }) {
  const [year, setYear] = useState(Number(todayIso().slice(0, 4)));
  const { data, error } = useLoad(() => api.call('enheder.sammenlign', { enhedId: id, aar: year }), [id, year]);
  const units = useLoad(() => api.call('enheder.list', { medSagslister: false }), []);
  const name = units.data?.find((u) => u.id === id)?.navn ?? '';
  return (
    <section>
      <nav className="breadcrumbs" aria-label="Brødkrummesti">
        <a href={routeHref({ name: 'enheder' })}>Enheder</a> <span aria-hidden="true">›</span> <span>{name}</span>
      </nav>
      <PageTitle>{name ? `${name} side om side, ${year}` : 'Enheder side om side'}</PageTitle>
      <p className="font-lead">
        Hver enheds seneste runde i året med skabelonen, krav for krav. Til ledelsen: tallene står med antal sager, og
        under 10 sager er de usikre.
      </p>
      <div className="year-controls">
        <YearNav year={year} onChange={setYear} />
        <AreaReportButton enhedId={id} year={year} />
      </div>
      {error && (
        <Alert kind="error">
          <p className="alert-text">{error}</p>
        </Alert>
      )}
      {data && <CaseloadComparison enheder={data.caseload} year={year} />}
      {data && <CoverageComparison coverage={data.coverage} year={year} />}
      {data && data.families.length === 0 && (
        <p className="empty-state">
          Ingen af enhederne har en runde med færdiggennemgåede sager, der slutter i {year}.
        </p>
      )}
      {data?.families.map((f, i) => (
        <FamilyTable key={`${f.familyId}:${f.tema ?? ''}`} family={f} index={i} />
      ))}
    </section>
  );
}

/** The department's report to the committee for the year: the enheder's afsluttede rounds added up, as a PDF. */
function AreaReportButton({ enhedId, year }: { enhedId: number; year: number }) {
  const [state, setState] = useState<{ busy?: boolean; error?: string }>({});
  async function fetch() {
    setState({ busy: true });
    try {
      const input = { enhedId, fra: `${year}-01-01`, til: `${year}-12-31` };
      downloadGeneratedFile(await tracked('Laver perioderapporten', (id) => api.track('rapport.periode', input, id)));
      setState({});
    } catch (err) {
      setState(isCancelled(err) ? {} : { error: messageOf(err) });
    }
  }
  return (
    <div className="area-report">
      <button type="button" className="button button-secondary" disabled={state.busy} onClick={() => void fetch()}>
        {state.busy ? 'Laver rapporten …' : `Samlet rapport til udvalget ${year} (PDF)`}
      </button>
      {state.error && (
        <Alert kind="error">
          <p className="alert-text">{state.error}</p>
        </Alert>
      )}
    </div>
  );
}

function FamilyTable({ family, index }: { family: ComparisonFamily; index: number }) {
  // With one enhed the area is that enhed: no column of its own.
  const area = family.columns.length > 1;
  return (
    <section className="comparison" aria-labelledby={`sammenlign-${index}`}>
      <h2 id={`sammenlign-${index}`}>
        {family.skabelon}
        {family.tema && <span className="comparison-theme"> – tema: {family.tema}</span>}
      </h2>
      <div className="table-scroll">
        <table className="table table--compact data-table comparison-table">
          <thead>
            <tr>
              <th scope="col">Krav</th>
              {family.columns.map((c) => (
                <th scope="col" key={c.tilsynId}>
                  {c.enhed}
                  <div className="muted">
                    <a href={routeHref({ name: 'resultater', id: c.tilsynId })}>{c.titel}</a>
                    {c.afsluttet ? '' : ' (i gang)'}
                  </div>
                </th>
              ))}
              {area && (
                <th scope="col" className="comparison-area">
                  Hele området
                  <div className="muted">enhedernes seneste runder lagt sammen</div>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            <tr className="comparison-overall">
              <th scope="row">Alle krav samlet</th>
              {family.columns.map((c) => (
                <td key={c.tilsynId}>{shareText(c.overall)}</td>
              ))}
              {area && <td className="comparison-area">{shareText(family.area.overall)}</td>}
            </tr>
            {family.rows.map((r, row) => (
              <tr key={r.key}>
                <th scope="row">
                  {r.number} {r.text}
                </th>
                {r.cells.map((cell, i) => (
                  <td key={family.columns[i]?.tilsynId ?? i} className={cell?.belowTarget ? 'below-target' : undefined}>
                    {cell ? shareText(cell) : '–'}
                    {cell?.belowTarget && <span className="tag-overdue">Under</span>}
                  </td>
                ))}
                {area && <AreaCell cell={family.area.rows[row]} />}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Development family={family} />
    </section>
  );
}

const shareOrDash = (share: Share | null | undefined) => (share ? shareText(share) : '–');

/** The area's krav: under its måltal when every enhed was measured by the same one. */
function AreaCell({
  cell,
  className = 'comparison-area',
}: {
  cell: ComparisonCell | null | undefined;
  className?: string;
}) {
  return (
    <td className={[className, cell?.belowTarget ? 'below-target' : ''].filter(Boolean).join(' ') || undefined}>
      {shareOrDash(cell)}
      {cell?.belowTarget && <span className="tag-overdue">Under</span>}
      {cell && cell.target !== null && <div className="muted">måltal {formatPercent(cell.target)}</div>}
    </td>
  );
}

/** Every round of the year with the template, all krav samlet, by the quarter its period ends in. */
function Development({ family }: { family: ComparisonFamily }) {
  const { enheder, area } = family.development;
  return (
    <>
      <h3 className="h4">Udviklingen i året, alle krav samlet</h3>
      <p className="form-hint">
        Alle årets runder med skabelonen, talt i det kvartal, runden slutter i. Har en enhed flere runder i et kvartal,
        er de lagt sammen.
      </p>
      <div className="table-scroll">
        <table className="table table--compact data-table comparison-table">
          <thead>
            <tr>
              <th scope="col">Enhed</th>
              <QuarterHeads />
            </tr>
          </thead>
          <tbody>
            {enheder.map((e) => (
              <tr key={e.enhedId}>
                <th scope="row">{e.enhed}</th>
                {e.quarters.map((share, i) => (
                  <td key={QUARTERS[i]}>{shareOrDash(share)}</td>
                ))}
              </tr>
            ))}
            {enheder.length > 1 && (
              <tr className="comparison-overall">
                <th scope="row">Hele området</th>
                {area.map((share, i) => (
                  <td key={QUARTERS[i]}>{shareOrDash(share)}</td>
                ))}
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <KravDevelopment family={family} />
      <QuestionAgreementTable family={family} />
    </>
  );
}

/** How alike two reviewers judged each question in the year's second reviews, least alike first (issue #16). */
function QuestionAgreementTable({ family }: { family: ComparisonFamily }) {
  if (family.agreement.length === 0) return null;
  const pct = (a: Agreement | null) => (a?.percent == null ? '–' : `${formatPercent(a.percent * 100)} (${a.n})`);
  return (
    <details className="krav-development">
      <summary>
        <h3 className="h4">Enighed mellem to bedømmere, spørgsmål for spørgsmål</h3>
      </summary>
      <p className="form-hint">
        Årets anden gennemgange: hvor ens to bedømmere vurderede hvert spørgsmål, de mindst enige først. Et spørgsmål,
        der læses forskelligt, kan have brug for en skarpere hjælpetekst.
      </p>
      <div className="table-scroll">
        <table className="table table--compact data-table comparison-table">
          <thead>
            <tr>
              <th scope="col">Spørgsmål</th>
              <th scope="col">Året</th>
              <QuarterHeads />
            </tr>
          </thead>
          <tbody>
            {family.agreement.map((q) => (
              <tr key={q.key}>
                <th scope="row">{q.text}</th>
                <td>{agreementInWords(q.overall)}</td>
                {q.quarters.map((a, i) => (
                  <td key={QUARTERS[i]}>{pct(a)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

/** The whole area krav by krav through the year, each quarter against the måltal the enheder were measured by. */
function KravDevelopment({ family }: { family: ComparisonFamily }) {
  const { krav, enheder } = family.development;
  // With one enhed the area is that enhed, whose own development is under its rounds' Resultater.
  if (krav.length === 0 || enheder.length < 2) return null;
  return (
    <details className="krav-development">
      <summary>
        <h3 className="h4">Udviklingen krav for krav, hele området</h3>
      </summary>
      <p className="form-hint">
        Alle enhedernes runder i kvartalet lagt sammen. Måltallet står, når alle runderne i kvartalet blev målt mod det
        samme (en enheds trin med dato eller skabelonens måltal); har enhederne forskellige måltal, står der intet.
      </p>
      <div className="table-scroll">
        <table className="table table--compact data-table comparison-table">
          <thead>
            <tr>
              <th scope="col">Krav</th>
              <QuarterHeads />
            </tr>
          </thead>
          <tbody>
            {krav.map((k) => (
              <tr key={k.key}>
                <th scope="row">
                  {k.number} {k.text}
                </th>
                {k.quarters.map((cell, i) => (
                  <AreaCell key={QUARTERS[i]} cell={cell} className="" />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
