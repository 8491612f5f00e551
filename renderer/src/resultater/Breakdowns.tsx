import { useState } from 'react';
import { formatShare } from '../../../shared/domain/format';
import type { TilsynResults } from '../../../shared/domain/results';

const DIMENSIONS = [
  ['sagsbehandler', 'Sagsbehandler'],
  ['team', 'Team'],
  ['sagstype', 'Sagstype'],
] as const;

/** Results per sagsbehandler, team or sagstype: for the leader's own use, never in the committee report. */
export function Breakdowns({ results }: { results: TilsynResults }) {
  const [dimension, setDimension] = useState<(typeof DIMENSIONS)[number][0]>('sagsbehandler');
  const rows = results.breakdowns[dimension];
  return (
    <section className="review-block" aria-labelledby="fordeling">
      <h2 id="fordeling">Fordeling til ledelsens eget brug</h2>
      <p className="form-hint">
        Indgår ikke i rapporten til udvalget. Brug det til at se, hvor der er brug for sparring, ikke til at rangordne
        medarbejdere: tallene bygger på få sager.
      </p>
      <div className="form-group">
        <label className="form-label" htmlFor="fordeling-dimension">
          Fordel efter
        </label>
        <select
          id="fordeling-dimension"
          className="form-select"
          value={dimension}
          onChange={(e) => setDimension(e.target.value as typeof dimension)}
        >
          {DIMENSIONS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <table className="table table--compact data-table">
        <thead>
          <tr>
            <th scope="col">{DIMENSIONS.find(([v]) => v === dimension)?.[1]}</th>
            <th scope="col" className="num">
              Sager
            </th>
            <th scope="col" className="num">
              Svar opfyldt
            </th>
            <th scope="col" className="num">
              Andel
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.group}>
              <td>{r.group}</td>
              <td className="num">{r.sager}</td>
              <td className="num">
                {r.met} af {r.applicable}
              </td>
              <td className="num">{formatShare(r.share)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
