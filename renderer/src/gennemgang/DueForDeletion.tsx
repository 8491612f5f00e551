import { useState } from 'react';
import { formatDanishDate, formatDanishPeriod } from '../../../shared/domain/dates';
import { Alert } from '../components/Alert';
import { Select } from '../components/Select';
import { routeHref } from '../routes';
import { useDueForDeletionData } from './useGennemgangData';

const MONTH_CHOICES: [string, string][] = [
  ['6', '6 måneder'],
  ['12', '1 år'],
  ['24', '2 år'],
  ['36', '3 år'],
  ['60', '5 år'],
];

/** The afsluttede tilsyn that still hold case-level data and whose period ended more than the chosen time ago. */
export function DueForDeletion({ currentId }: { currentId?: number }) {
  const [months, setMonths] = useState('24');
  const { due, error } = useDueForDeletionData(Number(months));

  return (
    <details className="retention-due">
      <summary>Hvilke afsluttede tilsyn har stadig sagsniveau-data?</summary>
      <Select
        id="slet-maaneder"
        label="Perioden sluttede for mere end"
        value={months}
        options={MONTH_CHOICES}
        onChange={setMonths}
      />
      {error && (
        <Alert kind="error">
          <p className="alert-text">{error}</p>
        </Alert>
      )}
      {due &&
        (due.length === 0 ? (
          <p>Ingen afsluttede tilsyn med sagsniveau-data er så gamle.</p>
        ) : (
          <table className="table table--compact data-table">
            <thead>
              <tr>
                <th scope="col">Tilsyn</th>
                <th scope="col">Periode</th>
                <th scope="col">Afsluttet</th>
                <th scope="col" className="num">
                  Måneder siden
                </th>
              </tr>
            </thead>
            <tbody>
              {due.map((d) => (
                <tr key={d.tilsynId}>
                  <td>
                    {d.tilsynId === currentId ? (
                      <strong>{d.titel} (dette tilsyn)</strong>
                    ) : (
                      <a href={routeHref({ name: 'gennemgang', id: d.tilsynId })}>{d.titel}</a>
                    )}
                  </td>
                  <td>{formatDanishPeriod(d.periodeFra, d.periodeTil)}</td>
                  <td>{d.afsluttetDato ? formatDanishDate(d.afsluttetDato) : '–'}</td>
                  <td className="num">{d.maanederSiden}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </details>
  );
}
