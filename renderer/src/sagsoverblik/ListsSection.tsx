import { useState } from 'react';
import { formatDanishDate, formatDanishDateTime, todayIso } from '../../../shared/domain/dates';
import { formatCount } from '../../../shared/domain/format';
import type { ListInfo } from '../../../shared/domain/sagsoverblik';
import { Alert } from '../components/Alert';
import { TextField } from '../components/TextField';
import { useAction, useFormAction } from '../hooks/useAction';
import { routeHref } from '../routes';
import { PopulationImport } from '../sagsliste/PopulationImport';
import type { useSagsoverblikData } from './useSagsoverblikData';

/** The enhed's kept sagslister, newest first: where each came from, its size, and importing one for the overview. */
export function ListsSection(props: {
  lists: ListInfo[];
  data: ReturnType<typeof useSagsoverblikData>;
  selected: number | null;
  onSelect(id: number): void;
}) {
  const { data } = props;
  const [importing, setImporting] = useState(false);
  const { error, setError, run } = useAction();
  const newest = [...props.lists].reverse();
  return (
    <section className="card lists-section" aria-labelledby="lister-titel">
      <h2 className="h4" id="lister-titel">
        Sagslister
      </h2>
      <p className="form-hint">
        Hver sagsliste, der importeres til et af enhedens tilsyn, tæller med. Importér også listen her hver måned, fx
        den 1., uden at starte et tilsyn. Kun sagsnummer, sagsbehandler, team, sagstype og personens id (som en
        uigenkendelig nøgle) gemmes.
      </p>
      {error && (
        <Alert kind="error" onClose={() => setError(undefined)}>
          <p className="alert-text">{error}</p>
        </Alert>
      )}
      {importing ? (
        <PopulationImport
          data={data.importer}
          askListDate="required"
          title="Importér en sagsliste til sagsoverblikket"
          intro="Vælg enhedens sagsliste fra fagsystemet som CSV- eller Excel-fil (.xlsx)."
          onCancel={() => setImporting(false)}
          onImported={() => setImporting(false)}
        />
      ) : (
        <div className="button-row">
          <button type="button" className="button button-primary" onClick={() => setImporting(true)}>
            Importér en sagsliste
          </button>
        </div>
      )}
      {newest.length === 0 ? (
        <p className="empty-state">Enheden har ingen sagslister endnu.</p>
      ) : (
        <div className="table-scroll">
          <table className="table table--compact data-table">
            <thead>
              <tr>
                <th scope="col">Dato</th>
                <th scope="col">Fil</th>
                <th scope="col">Fra</th>
                <th scope="col" className="num">
                  Sager
                </th>
                <th scope="col" className="num">
                  Personer
                </th>
                <th scope="col" className="num">
                  Sagsbehandlere
                </th>
                <th scope="col">
                  <span className="sr-only">Handlinger</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {newest.map((l) => (
                <tr key={l.id} aria-current={l.id === props.selected ? 'true' : undefined}>
                  <th scope="row">{formatDanishDate(l.dato)}</th>
                  <td className="cell-file">{l.kildeFil}</td>
                  <td>
                    {l.tilsyn ? (
                      <a href={routeHref({ name: 'tilsyn', id: l.tilsyn.id })}>{l.tilsyn.titel}</a>
                    ) : (
                      'Importeret her'
                    )}
                    {l.sagerSlettet && (
                      <span className="muted">
                        {' '}
                        · sager slettet {formatDanishDateTime(l.sagerSlettet)}, tallene er gemt
                      </span>
                    )}
                  </td>
                  <td className="num">{formatCount(l.sager)}</td>
                  <td className="num">{l.personer === null ? '–' : formatCount(l.personer)}</td>
                  <td className="num">{formatCount(l.sagsbehandlere)}</td>
                  <td className="cell-actions">
                    <button type="button" className="button button-tertiary" onClick={() => props.onSelect(l.id)}>
                      Se sager pr. sagsbehandler
                      <span className="sr-only"> i listen fra {formatDanishDate(l.dato)}</span>
                    </button>
                    {!l.tilsyn && (
                      <button
                        type="button"
                        className="button button-tertiary"
                        onClick={() => {
                          if (window.confirm(`Slet sagslisten fra ${formatDanishDate(l.dato)} fra sagsoverblikket?`))
                            void run(() => data.remove(l.id));
                        }}
                      >
                        Slet<span className="sr-only"> listen fra {formatDanishDate(l.dato)}</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {newest.some((l) => !l.sagerSlettet) && <RetentionForm data={data} lists={props.lists} />}
    </section>
  );
}

/** Retention: the sager of lists before a day are deleted; the figures (no names) stay for the months and trends. */
function RetentionForm({ data, lists }: { data: ReturnType<typeof useSagsoverblikData>; lists: ListInfo[] }) {
  const [foer, setFoer] = useState('');
  const [navn, setNavn] = useState('');
  const [done, setDone] = useState<string>();
  const { errors, error, busy, run } = useFormAction();
  return (
    <details className="retention-details">
      <summary>Slet sagerne i gamle lister</summary>
      <p className="form-hint">
        Sagsnumre og sagsbehandlere i lister fra før datoen slettes. Antal, tilgang, afgang og fordelingen pr.
        sagsbehandler (uden navne) gemmes, så måneder og udvikling stadig kan ses.
      </p>
      {error && (
        <Alert kind="error">
          <p className="alert-text">{error}</p>
        </Alert>
      )}
      {done && (
        <Alert kind="success">
          <p className="alert-text">{done}</p>
        </Alert>
      )}
      <div className="overview-settings-fields">
        <TextField
          id="slet-foer"
          type="date"
          label="Lister fra før"
          value={foer}
          max={todayIso()}
          error={errors.foer}
          onChange={setFoer}
        />
        <TextField id="slet-navn" label="Dit navn" value={navn} error={errors.navn} onChange={setNavn} />
      </div>
      <button
        type="button"
        className="button button-secondary"
        disabled={busy}
        onClick={() =>
          run(async () => {
            // The newest list keeps its sager (the backend's rule): what goes is said before it goes.
            const due = lists.slice(0, -1).filter((l) => foer && l.dato < foer && !l.sagerSlettet);
            const sager = due.reduce((n, l) => n + l.sager, 0);
            const question = `Sagerne i ${due.length === 1 ? 'én liste' : `${due.length} lister`} fra før ${formatDanishDate(foer)} (${formatCount(sager)} sager) slettes. Tallene gemmes. Vil du slette dem?`;
            if (due.length > 0 && !window.confirm(question)) return;
            const r = await data.deleteSager(foer, navn);
            setDone(
              (r.lists === 0
                ? 'Ingen lister fra før datoen havde sager.'
                : `Sagerne i ${r.lists === 1 ? 'én liste' : `${r.lists} lister`} er slettet (${formatCount(r.sager)} sager). Tallene er gemt.`) +
                (r.nyesteBeholdt
                  ? ' Den nyeste liste beholder sine sager, så næste listes tilgang og afgang kan tælles.'
                  : ''),
            );
          })
        }
      >
        Slet sagerne
      </button>
    </details>
  );
}
