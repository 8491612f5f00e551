import { monthBarsSvg, svgDataUrl } from '../../../shared/charts';
import { formatDanishDate, formatMonth, MONTH_SHORT } from '../../../shared/domain/dates';
import { capitalFirst, formatCount, formatDecimal, formatShare } from '../../../shared/domain/format';
import { COUNTING_LABELS, type MonthView, trendInWords } from '../../../shared/domain/sagsoverblik';

const dash = (n: number | null | undefined) => (n === null || n === undefined ? '–' : formatCount(n));

/** Month labels for the charts: »jan« with the year under January. */
const chartLabels = (view: MonthView) =>
  view.months.map((m, i) => {
    const [y, mm] = m.maaned.split('-');
    const short = MONTH_SHORT[Number(mm) - 1] ?? mm ?? '';
    return i === 0 || mm === '01' ? `${short}\n${y}` : short;
  });

/** Month by month: sager at the month's start, tilgang and afgang to the next month's list, caseload per caseworker. */
export function MonthSection({ view, year }: { view: MonthView; year: number }) {
  const word = COUNTING_LABELS[view.counting];
  const labels = chartLabels(view);
  const anyList = view.months.some((m) => m.liste);
  const stock = monthBarsSvg({
    title: `${capitalFirst(word)} ved månedens start`,
    labels,
    series: [{ name: word }],
    // A month counted in sager (its list has no person id) is left out of a chart of personer.
    values: [view.months.map((m) => (m.counting === view.counting ? m.bestand : null))],
    emptyTexts: view.months.map((m) => (m.liste && m.counting !== view.counting ? 'talt i sager' : null)),
    width: 1100,
    height: 240,
  });
  const flow = monthBarsSvg({
    title: 'Tilgang og afgang i måneden',
    labels,
    series: [{ name: 'Tilgang' }, { name: 'Afgang', hatched: true }],
    values: [view.months.map((m) => m.tilgang), view.months.map((m) => m.afgang)],
    width: 560,
    height: 240,
  });
  const perCaseworker = monthBarsSvg({
    title: `${capitalFirst(word)} pr. sagsbehandler, gennemsnit`,
    labels,
    series: [{ name: 'gennemsnit' }],
    values: [view.months.map((m) => (m.load?.gennemsnit === null || !m.load ? null : Math.round(m.load.gennemsnit)))],
    target: view.maal === null ? null : { value: view.maal, label: `Måltal ${view.maal}` },
    width: 560,
    height: 240,
  });
  return (
    <section className="card month-section" aria-labelledby="maaneder-titel">
      <h2 className="h4" id="maaneder-titel">
        Måned for måned {year}
      </h2>
      {view.trend && <p className="font-lead trend-sentence">{trendInWords(view.trend, view.counting)}</p>}
      {!anyList ? (
        <p className="empty-state">
          Ingen sagslister fra {year}. Importér enhedens sagsliste hver måned, fx den 1., så tallene kommer frem her.
        </p>
      ) : (
        <div className="month-charts">
          <img src={svgDataUrl(stock)} alt={`${word} ved månedens start i ${year}`} />
          <img src={svgDataUrl(flow)} alt={`Tilgang og afgang i ${year}`} />
          <img src={svgDataUrl(perCaseworker)} alt={`Gennemsnit pr. sagsbehandler i ${year}`} />
        </div>
      )}
      <div className="table-scroll">
        <table className="table table--compact data-table month-table">
          <caption className="sr-only">Sagsoverblik måned for måned</caption>
          <thead>
            <tr>
              <th scope="col">Måned</th>
              <th scope="col" className="num">
                {capitalFirst(word)} ved start
              </th>
              <th scope="col" className="num">
                Tilgang
              </th>
              <th scope="col" className="num">
                Heraf kommet igen
              </th>
              <th scope="col" className="num">
                Afgang
              </th>
              <th scope="col" className="num">
                Sagsbehandlere
              </th>
              <th scope="col" className="num">
                Uden sagsbehandler
              </th>
              <th scope="col" className="num">
                Gns. pr. sagsbehandler
              </th>
              <th scope="col" className="num">
                Over måltal
              </th>
            </tr>
          </thead>
          <tbody>
            {view.months.map((m) => (
              <tr key={m.maaned} className={m.liste ? undefined : 'row-muted'}>
                <th scope="row">
                  {formatMonth(m.maaned)}
                  <span className="month-list-date">
                    {m.liste ? `liste fra ${formatDanishDate(m.liste.dato)}` : 'ingen liste'}
                  </span>
                </th>
                <td className="num">
                  {dash(m.bestand)}
                  {m.liste && m.counting !== view.counting && <span className="muted"> sager</span>}
                </td>
                <td className="num">{dash(m.tilgang)}</td>
                <td className="num">{dash(m.kommetIgen)}</td>
                <td className="num">{dash(m.afgang)}</td>
                <td className="num">{dash(m.sagsbehandlere)}</td>
                <td className="num">{dash(m.udenSagsbehandler)}</td>
                <td className="num">{formatDecimal(m.load?.gennemsnit)}</td>
                <td className="num">
                  {m.load && view.maal !== null && m.load.andelOverMaal !== null
                    ? `${formatCount(m.load.overMaal)} (${formatShare(m.load.andelOverMaal)})`
                    : '–'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="form-hint">
        Tilgang og afgang tælles mellem månedens liste og næste måneds: det, der både kom og gik imellem, ses ikke.
        »Kommet igen« har været i en tidligere liste.{' '}
        {view.countedBySager > 0 &&
          `${view.countedBySager === 1 ? 'Én måned' : `${view.countedBySager} måneder`} er talt i sager (markeret), fordi listen ikke har en kolonne med personens id; mellem en sådan måned og en talt i personer tælles ingen tilgang og afgang.`}
      </p>
    </section>
  );
}
