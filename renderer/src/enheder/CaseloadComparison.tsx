import { formatDanishDate } from '../../../shared/domain/dates';
import { formatCount, formatDecimal, formatShare } from '../../../shared/domain/format';
import { type CaseloadAggregate, COUNTING_LABELS } from '../../../shared/domain/sagsoverblik';
import { routeHref } from '../routes';

/**
 * The enheder's sagsoverblik side by side for the year (issue #19): each one's newest list, its caseload against its
 * måltal, and the year's change. Without names; a caseload over fewer caseworkers than the smallest group is left out.
 */
export function CaseloadComparison({ enheder, year }: { enheder: CaseloadAggregate[]; year: number }) {
  if (enheder.length === 0) return null;
  return (
    <section className="comparison" aria-labelledby="sammenlign-sagsoverblik">
      <h2 id="sammenlign-sagsoverblik">Sagsoverblik {year}</h2>
      <div className="table-scroll">
        <table className="table table--compact data-table">
          <thead>
            <tr>
              <th scope="col">Enhed</th>
              <th scope="col">Nyeste liste</th>
              <th scope="col" className="num">
                Ved nyeste liste
              </th>
              <th scope="col" className="num">
                Sagsbehandlere
              </th>
              <th scope="col" className="num">
                Gns. pr. sagsbehandler
              </th>
              <th scope="col" className="num">
                Måltal
              </th>
              <th scope="col" className="num">
                Over måltal
              </th>
              <th scope="col">Udvikling i året</th>
            </tr>
          </thead>
          <tbody>
            {enheder.map((e) => {
              const last = e.months[e.months.length - 1];
              if (!last) return null;
              const change = e.trend ? e.trend.bestandTil - e.trend.bestandFra : null;
              if (last.skjult)
                return (
                  <tr key={e.enhedId}>
                    <th scope="row">
                      <a href={routeHref({ name: 'sagsoverblik', enhedId: e.enhedId })}>{e.enhed}</a>
                    </th>
                    <td>{formatDanishDate(last.dato)}</td>
                    <td colSpan={6}>Færre sagsbehandlere end den mindste gruppe: tallene vises ikke.</td>
                  </tr>
                );
              return (
                <tr key={e.enhedId}>
                  <th scope="row">
                    <a href={routeHref({ name: 'sagsoverblik', enhedId: e.enhedId })}>{e.enhed}</a>
                  </th>
                  <td>{formatDanishDate(last.dato)}</td>
                  <td className="num">
                    {formatCount(last.bestand ?? 0)} {COUNTING_LABELS[last.counting]}
                  </td>
                  <td className="num">{formatCount(last.sagsbehandlere ?? 0)}</td>
                  <td className="num">
                    {last.udenSagsbehandlere ? 'Ingen på listen' : formatDecimal(last.gennemsnit)}
                  </td>
                  <td className="num">{e.maal ?? '–'}</td>
                  <td className="num">
                    {last.udenSagsbehandlere || e.maal === null ? '–' : formatShare(last.andelOverMaal)}
                  </td>
                  <td>
                    {e.trend && change !== null
                      ? `${change > 0 ? '+' : change < 0 ? '−' : '±'}${formatCount(Math.abs(change))} siden ${formatDanishDate(e.months[0]?.dato ?? '')}`
                      : '–'}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
