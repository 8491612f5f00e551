import type { StratumSummary } from '../../../shared/domain/sampling';

export function StrataTable({ strata }: { strata: StratumSummary[] }) {
  return (
    <table className="table table--compact data-table strata-table">
      <thead>
        <tr>
          <th scope="col">Gruppe</th>
          <th scope="col">Sager på sagslisten</th>
          <th scope="col">Udvælges</th>
          <th scope="col">Reserver</th>
        </tr>
      </thead>
      <tbody>
        {strata.map((s) => (
          <tr key={s.name} className={s.population < s.requested ? 'row-warning' : undefined}>
            <td>{s.name}</td>
            <td>{s.population}</td>
            <td>
              {s.drawn}
              {s.drawn < s.requested && ` (ønsket ${s.requested})`}
            </td>
            <td>{s.spares}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
