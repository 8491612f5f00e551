import { formatDanishDate } from '../../../shared/domain/dates';
import { formatCount } from '../../../shared/domain/format';
import { PAGE_SIZE, type PopulationPage, type PopulationSag } from '../../../shared/domain/sample';
import type { DateField } from '../../../shared/domain/template';
import { PageButtons } from '../components/PageButtons';
import { EditSagRow } from './EditSagRow';
import type { SagFacts } from './useSagslisteData';

/** The population's sager a page at a time, searchable; before the draw each can be corrected in place. */
export function PopulationTable(props: {
  /** Undefined while the first page loads. */
  page: PopulationPage | undefined;
  /** The first sag shown (0-based), and the way to another page. */
  from: number;
  onFrom(from: number): void;
  dateFields: DateField[];
  sampleDrawn: boolean;
  onUpdateSag(id: number, facts: SagFacts): Promise<PopulationSag>;
  /** Kept by the screen, so a search survives a look at the import and back. */
  search: [string, (search: string) => void];
  editing: [number | undefined, (id: number | undefined) => void];
}) {
  const { page, from, dateFields, sampleDrawn } = props;
  const [search, setSearch] = props.search;
  const [editing, setEditing] = props.editing;
  const sager = page?.sager ?? [];
  const found = page?.fundet ?? 0;
  const shownTo = Math.min(from + sager.length, found);
  const labelOf = (key: string) => dateFields.find((f) => f.key === key)?.label ?? key;

  return (
    <>
      <h2>Sager på sagslisten</h2>
      <div className="form-group">
        <label className="form-label" htmlFor="sag-search">
          Søg
        </label>
        <input id="sag-search" className="form-input" value={search} onChange={(e) => setSearch(e.target.value)} />
        <span className="form-hint" aria-live="polite">
          {!page
            ? 'Henter sagerne …'
            : found === 0
              ? search.trim()
                ? `Ingen af listens ${formatCount(page.total)} sager passer på søgningen`
                : 'Listen har ingen sager'
              : `Viser ${formatCount(from + 1)}–${formatCount(shownTo)} af ${formatCount(found)} sager${found < page.total ? ` (af ${formatCount(page.total)} på listen)` : ''}`}
        </span>
      </div>
      <PageButtons from={from} found={found} size={PAGE_SIZE} onFrom={props.onFrom} />
      <table className="table table--compact data-table">
        <thead>
          <tr>
            <th scope="col">Række</th>
            <th scope="col">Sagsnummer</th>
            <th scope="col">Sagstype</th>
            <th scope="col">Sagsbehandler</th>
            <th scope="col">Team</th>
            <th scope="col">Datoer</th>
            {!sampleDrawn && (
              <th scope="col">
                <span className="sr-only">Ret</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {sager.map((s) =>
            editing === s.id ? (
              <EditSagRow
                key={s.id}
                sag={s}
                dateFields={dateFields}
                onSave={(facts) => props.onUpdateSag(s.id, facts)}
                onDone={() => setEditing(undefined)}
              />
            ) : (
              <tr key={s.id}>
                <td>{s.manual ? 'Manuel' : s.fileRow}</td>
                <td>{s.sagsnummer}</td>
                <td>{s.sagstype}</td>
                <td>{s.sagsbehandler}</td>
                <td>{s.team}</td>
                <td className="small">
                  {Object.entries(s.dates)
                    .map(([k, v]) => `${labelOf(k)}: ${formatDanishDate(v)}`)
                    .join(' · ')}
                </td>
                {!sampleDrawn && (
                  <td>
                    <button type="button" className="link-button" onClick={() => setEditing(s.id)}>
                      Ret<span className="sr-only"> sag {s.sagsnummer}</span>
                    </button>
                  </td>
                )}
              </tr>
            ),
          )}
        </tbody>
      </table>
      <PageButtons from={from} found={found} size={PAGE_SIZE} onFrom={props.onFrom} />
    </>
  );
}
