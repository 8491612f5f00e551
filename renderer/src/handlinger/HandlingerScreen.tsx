import { useState } from 'react';
import { formatDanishDate } from '../../../shared/domain/dates';
import {
  ACTION_STATUS_LABELS,
  ACTION_STATUSES,
  type ActionListItem,
  type ActionStatus,
} from '../../../shared/domain/findings';
import { Alert } from '../components/Alert';
import { Choice } from '../components/Choice';
import { PageTitle } from '../components/PageTitle';
import { routeHref } from '../routes';
import './handlinger.css';
import { useHandlingerData } from './useHandlingerData';

const isOpen = (a: ActionListItem) => a.status === 'aaben' || a.status === 'i_gang';

/** Every handling across tilsyn, so the next round can follow up; overdue ones are marked. */
export function HandlingerScreen() {
  const { actions, error, setStatus } = useHandlingerData();
  const [showAll, setShowAll] = useState(false);

  const open = actions?.filter(isOpen) ?? [];
  const overdue = open.filter((a) => a.overdue).length;
  const shown = showAll ? (actions ?? []) : open;

  return (
    <section>
      <PageTitle>Handlinger</PageTitle>
      <p className="font-lead">
        Det, der skal rettes i de gennemgåede sager, og ledelsens planer for krav under måltal (skrevet under 5.
        Resultater), på tværs af tilsyn. Følg op, til hver handling er udført; næste rapport til udvalget viser, hvor
        langt planerne er.
      </p>
      {error && (
        <Alert kind="error">
          <p className="alert-text">{error}</p>
        </Alert>
      )}
      {!actions ? (
        <p>Henter handlingerne …</p>
      ) : (
        <>
          <p data-testid="handlinger-summary">
            <strong>
              {open.length === 0
                ? 'Ingen åbne handlinger'
                : open.length === 1
                  ? 'Én åben handling'
                  : `${open.length} åbne handlinger`}
            </strong>
            {overdue > 0 && (
              <>
                , heraf <strong className="text-overdue">{overdue} med overskredet frist</strong>
              </>
            )}
            .
          </p>
          <Choice type="checkbox" id="vis-alle" checked={showAll} onChange={setShowAll}>
            Vis også udførte handlinger og dem, der ikke kan udføres
          </Choice>
          {shown.length === 0 ? (
            <p className="muted">Ingen handlinger at vise.</p>
          ) : (
            <table className="table table--compact data-table actions-table">
              <thead>
                <tr>
                  <th scope="col">Frist</th>
                  <th scope="col">Handling</th>
                  <th scope="col">Ansvarlig</th>
                  <th scope="col">Sag eller krav</th>
                  <th scope="col">Tilsyn</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((a) => (
                  <tr key={`${a.origin}-${a.id}`} className={a.overdue ? 'overdue' : undefined}>
                    <td className="nowrap">
                      {a.frist ? formatDanishDate(a.frist) : <span className="muted">Ingen frist</span>}
                      {a.overdue && <span className="tag-overdue">Overskredet</span>}
                    </td>
                    <td className="prewrap">{a.text}</td>
                    <td>{a.ansvarlig || '–'}</td>
                    <td>
                      {a.sagId !== null ? (
                        <>
                          <a href={routeHref({ name: 'sag', id: a.tilsynId, sagId: a.sagId })}>{a.sagsnummer}</a>
                          {a.sagsbehandler && <div className="muted">{a.sagsbehandler}</div>}
                        </>
                      ) : (
                        <>
                          <a href={routeHref({ name: 'resultater', id: a.tilsynId })}>Plan for krav {a.krav?.number}</a>
                          <div className="muted">{a.krav?.text}</div>
                        </>
                      )}
                    </td>
                    <td>
                      <a href={routeHref({ name: 'gennemgang', id: a.tilsynId })}>{a.tilsynTitel}</a>
                    </td>
                    <td>
                      <label className="sr-only" htmlFor={`status-${a.origin}-${a.id}`}>
                        {a.sagId !== null
                          ? `Status for handlingen i sag ${a.sagsnummer}`
                          : `Status for planen for krav ${a.krav?.number} i ${a.tilsynTitel}`}
                      </label>
                      <select
                        id={`status-${a.origin}-${a.id}`}
                        className="form-select"
                        value={a.status}
                        onChange={(e) => setStatus(a, e.target.value as ActionStatus)}
                      >
                        {ACTION_STATUSES.map((s) => (
                          <option key={s} value={s}>
                            {ACTION_STATUS_LABELS[s]}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
