import { useState } from 'react';
import { closeBlockers } from '../../../shared/domain/closing';
import type { ReviewSagSummary } from '../../../shared/domain/review';
import { isLocked, SAG_STATUS_LABELS, type TilsynSummary } from '../../../shared/domain/tilsyn';
import { Alert } from '../components/Alert';
import { routeHref } from '../routes';
import { TilsynLayout } from '../tilsyn/TilsynLayout';
import { ChangeLog } from './ChangeLog';
import { CloseTilsyn } from './CloseTilsyn';
import './gennemgang.css';
import { SecondReviewCard } from '../kvalitet/SecondReviewCard';
import { RetentionPanel } from './RetentionPanel';
import { SelfEvaluationBundles } from './SelfEvaluationBundles';
import { useSagListData } from './useGennemgangData';

export function GennemgangScreen({ id }: { id: number }) {
  return (
    <TilsynLayout id={id} step="gennemgang">
      {(tilsyn, reload) => <SagList tilsyn={tilsyn} onTilsynChanged={reload} />}
    </TilsynLayout>
  );
}

/** The sampled sager with their review status; each opens the review of that sag. */
function SagList({ tilsyn, onTilsynChanged }: { tilsyn: TilsynSummary; onTilsynChanged(): void }) {
  const { sager, error, deleted } = useSagListData(tilsyn);
  // A step of the kvalitetssikring is logged: the change log reads again.
  const [logged, setLogged] = useState(0);

  if (error)
    return (
      <Alert kind="error">
        <p className="alert-text">{error}</p>
      </Alert>
    );
  if (!sager || deleted === undefined) return <p>Henter sagerne …</p>;
  if (sager.length === 0) {
    return (
      <Alert kind="info" heading="Træk stikprøven først">
        <p className="alert-text">
          Gennemgangen starter, når stikprøven er trukket.{' '}
          <a href={routeHref({ name: 'stikproeve', id: tilsyn.id })}>Gå til stikprøven</a>.
        </p>
      </Alert>
    );
  }
  const active = sager.filter((s) => s.status !== 'udgaaet');
  const done = active.filter((s) => s.status === 'faerdig').length;
  // The panels keep their places whether or not the case-level data is deleted, so the deletion's result stays shown.
  return (
    <>
      {tilsyn.form === 'selvevaluering_foerst' && !isLocked(tilsyn) && (
        <SelfEvaluationBundles tilsyn={tilsyn} onAnswers={onTilsynChanged} />
      )}
      {deleted ? (
        <p className="font-lead">
          {done} af {active.length} sager blev gennemgået. Sagsniveau-data er slettet, så de enkelte sager kan ikke
          længere åbnes; resultaterne findes under Resultater.
        </p>
      ) : (
        <>
          <SagTable
            tilsyn={tilsyn}
            sager={sager}
            done={done}
            active={active.length}
            onTilsynChanged={onTilsynChanged}
          />
          <SecondReviewCard tilsyn={tilsyn} sager={sager} onLogged={() => setLogged((n) => n + 1)} />
        </>
      )}
      <ChangeLog tilsynId={tilsyn.id} version={`${tilsyn.status}-${tilsyn.aendret}-${logged}`} />
      {isLocked(tilsyn) && <RetentionPanel tilsyn={tilsyn} onChanged={onTilsynChanged} />}
    </>
  );
}

function SagTable({
  tilsyn,
  sager,
  done,
  active,
  onTilsynChanged,
}: {
  tilsyn: TilsynSummary;
  sager: ReviewSagSummary[];
  done: number;
  active: number;
  onTilsynChanged(): void;
}) {
  return (
    <>
      <p className="font-lead">
        {done} af {active} sager er færdige. Hvert svar gemmes, i det øjeblik du giver det.
      </p>
      <table className="table table--compact data-table">
        <thead>
          <tr>
            <th scope="col">Sagsnummer</th>
            <th scope="col">Sagstype</th>
            <th scope="col">Sagsbehandler</th>
            <th scope="col">Gruppe</th>
            <th scope="col">Status</th>
            <th scope="col">Besvaret</th>
          </tr>
        </thead>
        <tbody>
          {sager.map((s) => (
            <tr key={s.id} className={s.status === 'udgaaet' ? 'row-excluded' : undefined}>
              <td>
                {s.status === 'udgaaet' ? (
                  s.sagsnummer
                ) : (
                  <a href={routeHref({ name: 'sag', id: tilsyn.id, sagId: s.id })}>{s.sagsnummer}</a>
                )}
              </td>
              <td>{s.sagstype}</td>
              <td>{s.sagsbehandler}</td>
              <td>{s.stratum}</td>
              <td>
                <span className={`status-badge sag-${s.status}`}>{SAG_STATUS_LABELS[s.status]}</span>
              </td>
              <td>{s.status === 'udgaaet' ? '–' : `${s.progress.answered} af ${s.progress.applicable}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <CloseTilsyn tilsyn={tilsyn} unfinished={closeBlockers(sager)} onChanged={onTilsynChanged} />
    </>
  );
}
