import { useMemo } from 'react';
import { formatDanishDate } from '../../../shared/domain/dates';
import { formatCount } from '../../../shared/domain/format';
import type { PopulationSag } from '../../../shared/domain/sample';
import type { DateField } from '../../../shared/domain/template';
import { EditSagRow } from './EditSagRow';
import type { SagFacts } from './useSagslisteData';

const SHOWN = 200;

/** The population's sager, searchable; before the draw each can be corrected in place. */
export function PopulationTable(props: {
  sager: PopulationSag[];
  dateFields: DateField[];
  sampleDrawn: boolean;
  onUpdateSag(id: number, facts: SagFacts): Promise<PopulationSag>;
  /** Kept by the screen, so a search survives a look at the import and back. */
  search: [string, (search: string) => void];
  editing: [number | undefined, (id: number | undefined) => void];
}) {
  const { sager, dateFields, sampleDrawn } = props;
  const [search, setSearch] = props.search;
  const [editing, setEditing] = props.editing;
  const filtered = useMemo(() => {
    const q = search.trim().toLocaleLowerCase('da');
    return q
      ? sager.filter((s) =>
          [s.sagsnummer, s.sagstype, s.sagsbehandler, s.team].some((v) => v.toLocaleLowerCase('da').includes(q)),
        )
      : sager;
  }, [sager, search]);
  const labelOf = (key: string) => dateFields.find((f) => f.key === key)?.label ?? key;

  return (
    <>
      <h2>Sager på sagslisten</h2>
      <div className="form-group">
        <label className="form-label" htmlFor="sag-search">
          Søg
        </label>
        <input id="sag-search" className="form-input" value={search} onChange={(e) => setSearch(e.target.value)} />
        <span className="form-hint">
          Viser {Math.min(SHOWN, filtered.length)} af {formatCount(filtered.length)} sager
        </span>
      </div>
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
          {filtered.slice(0, SHOWN).map((s) =>
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
    </>
  );
}
