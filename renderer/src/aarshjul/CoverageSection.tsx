import { useState } from 'react';
import {
  type CoveragePart,
  type CoverageRow,
  QUOTA_PERIOD_LABELS,
  QUOTA_PERIODS,
  type QuotaPeriod,
} from '../../../shared/domain/coverage';
import { todayIso } from '../../../shared/domain/dates';
import { formatCountOf } from '../../../shared/domain/format';
import { api } from '../api';
import { Alert } from '../components/Alert';
import { Select } from '../components/Select';
import { useLoad } from '../hooks/useLoad';

/**
 * Coverage of an enhed over the year (seed 002: every caseworker and case type covered over time): færdige sager
 * per caseworker and sagstype in each month, quarter or the year, against a quota, and who had none.
 */
export function CoverageSection({ enhedId, year }: { enhedId: number; year: number }) {
  const [antal, setAntal] = useState(1);
  const [per, setPer] = useState<QuotaPeriod>('kvartal');
  const { data, error } = useLoad(
    () => api.call('aarshjul.daekning', { enhedId, aar: year, kvote: { antal, per } }),
    [enhedId, year, antal, per],
  );
  return (
    <section className="card coverage" aria-labelledby="daekning-titel">
      <h2 className="h4" id="daekning-titel">
        Dækning {year}
      </h2>
      <p className="form-hint">
        Færdiggennemgåede sager pr. sagsbehandler og sagstype i enheden og enhederne under den, talt i den periode,
        rundens periode slutter i; »i gang« er udtrukne sager, der endnu ikke er færdige. Sagsbehandlere og sagstyper
        kommer fra enhedens sagslister.
      </p>
      <div className="round-plan-fields">
        <Select
          id="kvote-antal"
          label="Kvote: sager pr. sagsbehandler"
          value={String(antal)}
          options={[1, 2, 3, 4, 5].map((n): [string, string] => [String(n), String(n)])}
          onChange={(v) => setAntal(Number(v))}
        />
        <Select
          id="kvote-per"
          label="pr."
          value={per}
          options={QUOTA_PERIODS.map((p) => [p, QUOTA_PERIOD_LABELS[p]])}
          onChange={(v) => setPer(v as QuotaPeriod)}
        />
      </div>
      {error && (
        <Alert kind="error">
          <p className="alert-text">{error}</p>
        </Alert>
      )}
      {data && (
        <>
          {data.notReviewed.caseworkers.length > 0 && (
            <p className="text-overdue">
              Ingen sag gennemgået i {year}: {data.notReviewed.caseworkers.join(', ')}.
            </p>
          )}
          {data.roundsWithoutSager > 0 && (
            <p className="form-hint">
              {formatCountOf(data.roundsWithoutSager, 'runde', 'runder')} i {year} har ikke sagerne i denne fil
              (sagsdata er slettet, eller runden er læst ind fra en pakke). Deres resultater står under Resultater, men
              deres sager tælles ikke med her.
            </p>
          )}
          <CoverageTable title="Sagsbehandler" rows={data.caseworkers} parts={data.parts} quota={data.quota} />
          {data.sagstyper.length > 0 && <CoverageTable title="Sagstype" rows={data.sagstyper} parts={data.parts} />}
        </>
      )}
    </section>
  );
}

/** Counts per part; with a quota, each part that has begun is marked met or not (a part still to come is not). */
function CoverageTable(props: { title: string; rows: CoverageRow[]; parts: CoveragePart[]; quota?: number }) {
  const today = todayIso();
  const { quota } = props;
  const mark = (c: number, part: CoveragePart | undefined) =>
    quota === undefined || !part || part.fra > today ? '' : c >= quota ? ' quota-met' : ' quota-missing';
  if (props.rows.length === 0) return <p className="muted">Ingen sagslister i enheden i året endnu.</p>;
  return (
    <table className="table table--compact data-table coverage-table">
      <thead>
        <tr>
          <th scope="col">{props.title}</th>
          {props.parts.map((p) => (
            <th scope="col" className="num" key={p.navn}>
              {p.navn}
            </th>
          ))}
          <th scope="col" className="num">
            I alt
          </th>
          {quota !== undefined && (
            <th scope="col" className="num">
              Kvote nået
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => (
          <tr key={r.navn}>
            <th scope="row">{r.navn}</th>
            {r.counts.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: one cell per part, in the parts' order
              <td key={i} className={`num${mark(c, props.parts[i])}`}>
                {c}
                {(r.pending[i] ?? 0) > 0 && <span className="muted"> (+{r.pending[i]} i gang)</span>}
              </td>
            ))}
            <td className="num">{r.total}</td>
            {quota !== undefined && (
              <td className="num">
                {r.met} af {r.counts.length}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
