import { formatDanishDateTime } from '../../../shared/domain/dates';
import { useChangeLogData } from './useGennemgangData';

/** The tilsyn's log: locking, reopening, sending the report and every change after a reopening. */
export function ChangeLog({ tilsynId, version }: { tilsynId: number; version: string }) {
  const entries = useChangeLogData(tilsynId, version);
  if (entries.length === 0) return null;
  return (
    <section className="review-block" aria-labelledby="aendringslog">
      <h2 id="aendringslog">Ændringslog</h2>
      <p className="form-hint">
        Afslutning, genåbning, afsendelse til udvalget, kvalitetssikringen og hver ændring efter en genåbning: hvem,
        hvornår, før og efter, og hvorfor.
      </p>
      <table className="table table--compact data-table change-log">
        <thead>
          <tr>
            <th scope="col">Tidspunkt</th>
            <th scope="col">Hvem</th>
            <th scope="col">Sag</th>
            <th scope="col">Hvad</th>
            <th scope="col">Før</th>
            <th scope="col">Efter</th>
            <th scope="col">Hvorfor</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} className={`log-${e.kind}`}>
              <td className="nowrap">{formatDanishDateTime(e.at)}</td>
              <td>{e.who || '–'}</td>
              <td className="nowrap">{e.sagsnummer ?? '–'}</td>
              <td>{e.what}</td>
              <td>{e.oldValue ?? '–'}</td>
              <td>{e.newValue ?? '–'}</td>
              <td>{e.why || '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
