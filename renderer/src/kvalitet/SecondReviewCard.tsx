import { useEffect, useState } from 'react';
import { agreementInWords } from '../../../shared/domain/agreement';
import { formatDanishDateTime } from '../../../shared/domain/dates';
import { formatPercent } from '../../../shared/domain/format';
import type { ReviewSagSummary } from '../../../shared/domain/review';
import type { SecondDisagreement, SecondReviewView } from '../../../shared/domain/second-review';
import { isLocked, type TilsynSummary } from '../../../shared/domain/tilsyn';
import { api } from '../api';
import { Alert } from '../components/Alert';
import { Choice } from '../components/Choice';
import { TextField } from '../components/TextField';
import { messageOf } from '../errors';
import { routeHref } from '../routes';
import { SecondReviewPakke } from './SecondReviewPakke';
import { SecondReviewSetup } from './SecondReviewSetup';
import { SignOffPanel } from './SignOffPanel';
import './kvalitet.css';

/**
 * Kvalitetssikring on Gennemgang (issue #16): set up a second review, open it for the second reviewer, see how alike
 * the two judged, and settle each disagreement with a final answer and a reason.
 */
export function SecondReviewCard(props: { tilsyn: TilsynSummary; sager: ReviewSagSummary[]; onLogged(): void }) {
  const { tilsyn, sager, onLogged } = props;
  const [view, setViewState] = useState<SecondReviewView | null>();
  const setView = (v: SecondReviewView | null) => {
    setViewState(v);
    onLogged();
  };
  const [error, setError] = useState<string>();
  useEffect(() => {
    api.call('kvalitet.get', { tilsynId: tilsyn.id }).then(setViewState, (err) => setError(messageOf(err)));
  }, [tilsyn.id]);
  const locked = isLocked(tilsyn);
  if (view === undefined && !error) return null;
  return (
    <section className="card second-review" aria-labelledby="kvalitet-titel">
      <h2 className="h4" id="kvalitet-titel">
        Kvalitetssikring
      </h2>
      {error && (
        <Alert kind="error">
          <p className="alert-text">{error}</p>
        </Alert>
      )}
      <h3 className="h5">Anden gennemgang</h3>
      {view === null && !locked && <SecondReviewSetup tilsynId={tilsyn.id} sager={sager} onSetUp={setView} />}
      {view === null && locked && <p className="muted">Ingen sager blev gennemgået af to.</p>}
      {view && <SecondReviewResult tilsynId={tilsyn.id} view={view} locked={locked} onChanged={setView} />}
      <SignOffPanel tilsynId={tilsyn.id} locked={locked} sent={tilsyn.sendt !== null} onLogged={onLogged} />
    </section>
  );
}

function SecondReviewResult(props: {
  tilsynId: number;
  view: SecondReviewView;
  locked: boolean;
  onChanged(view: SecondReviewView): void;
}) {
  const { view } = props;
  const how = view.seed === null ? 'valgt af lederen' : `trukket tilfældigt med startværdi ${view.seed}`;
  const judged = view.byQuestion.filter((q) => q.agreement.n > 0);
  return (
    <>
      <p>
        {view.bedoemmer} gennemgår {view.sager.length} af {view.eligible} sager anden gang ({how}; sat op{' '}
        {formatDanishDateTime(view.oprettet)} af {view.oprettetAf}).{' '}
        <strong>
          {view.sager.filter((s) => s.faerdig).length} af {view.sager.length} færdige.
        </strong>
      </p>
      {!props.locked && (
        <>
          <p>
            <a className="button button-secondary" href={routeHref({ name: 'kvalitet', id: props.tilsynId })}>
              Åbn den anden gennemgang
            </a>{' '}
            <span className="form-hint">
              Gennemgår {view.bedoemmer} sagerne her i filen: skærmen viser kun sagerne og spørgsmålene, ikke dine svar.
            </span>
          </p>
          <SecondReviewPakke tilsynId={props.tilsynId} bedoemmer={view.bedoemmer} onRead={props.onChanged} />
        </>
      )}
      <p className="second-overall">
        <strong>Enighed:</strong> {agreementInWords(view.overall)}
      </p>
      {judged.length > 0 && (
        <details>
          <summary>Enighed spørgsmål for spørgsmål</summary>
          <table className="table table--compact data-table">
            <thead>
              <tr>
                <th scope="col">Spørgsmål</th>
                <th scope="col">Bedømt af begge</th>
                <th scope="col">Enige</th>
                <th scope="col">Kappa</th>
                <th scope="col">Læsning</th>
              </tr>
            </thead>
            <tbody>
              {judged.map((q) => (
                <tr key={q.key}>
                  <th scope="row">
                    {q.number} {q.text}
                  </th>
                  <td>{q.agreement.n}</td>
                  <td>{q.agreement.percent === null ? '–' : formatPercent(q.agreement.percent * 100)}</td>
                  <td>{q.agreement.kappa === null ? '–' : q.agreement.kappa.toFixed(2).replace('.', ',')}</td>
                  <td>{q.agreement.reading}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
      {view.disagreements.length > 0 && (
        <>
          <h3 className="h5">
            Forskellige vurderinger{view.open > 0 ? ` (${view.open} mangler en afgørelse)` : ', alle afgjort'}
          </h3>
          <ul className="nobullet-list second-disagreements">
            {view.disagreements.map((d) => (
              <Disagreement
                key={`${d.sagId}-${d.key}`}
                tilsynId={props.tilsynId}
                d={d}
                bedoemmer={view.bedoemmer}
                locked={props.locked}
                onModerated={props.onChanged}
              />
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/** One disagreement side by side, with its final answer, or the form that settles it. */
function Disagreement(props: {
  tilsynId: number;
  d: SecondDisagreement;
  bedoemmer: string;
  locked: boolean;
  onModerated(view: SecondReviewView): void;
}) {
  const { d } = props;
  const [value, setValue] = useState<string>();
  const [begrundelse, setBegrundelse] = useState('');
  const [navn, setNavn] = useState('');
  const [error, setError] = useState<string>();
  const id = `moderer-${d.sagId}-${d.key}`;
  async function save() {
    setError(undefined);
    try {
      props.onModerated(
        await api.call('kvalitet.moderer', { sagId: d.sagId, key: d.key, value: value ?? '', begrundelse, navn }),
      );
    } catch (err) {
      setError(messageOf(err));
    }
  }
  return (
    <li className="second-disagreement">
      <p>
        <a href={routeHref({ name: 'sag', id: props.tilsynId, sagId: d.sagId })}>Sag {d.sagsnummer}</a>: {d.question}
      </p>
      <p className="muted">
        Første gennemgang: <strong>{d.firstLabel}</strong> · {props.bedoemmer}: <strong>{d.secondLabel}</strong>
      </p>
      {d.moderated ? (
        <p>
          Afgjort: <strong>{d.moderated.label}</strong> – {d.moderated.begrundelse}{' '}
          <span className="muted">
            ({d.moderated.hvem}, {formatDanishDateTime(d.moderated.tid)})
          </span>
        </p>
      ) : props.locked ? (
        <p className="muted">Ikke afgjort, før tilsynet blev afsluttet.</p>
      ) : (
        <fieldset className="second-moderation">
          <legend className="form-label">Det endelige svar</legend>
          {error && (
            <Alert kind="error">
              <p className="alert-text">{error}</p>
            </Alert>
          )}
          <Choice
            type="radio"
            name={id}
            id={`${id}-foerste`}
            checked={value === d.first}
            onChange={() => setValue(d.first)}
          >
            {d.firstLabel} (første gennemgang)
          </Choice>
          <Choice
            type="radio"
            name={id}
            id={`${id}-anden`}
            checked={value === d.second}
            onChange={() => setValue(d.second)}
          >
            {d.secondLabel} ({props.bedoemmer})
          </Choice>
          <TextField
            id={`${id}-begrundelse`}
            label="Begrundelse"
            rows={2}
            value={begrundelse}
            onChange={setBegrundelse}
          />
          <TextField id={`${id}-navn`} label="Dit navn" value={navn} onChange={setNavn} />
          <div className="button-row">
            <button type="button" className="button button-secondary" disabled={!value} onClick={() => void save()}>
              Gem det endelige svar
            </button>
          </div>
        </fieldset>
      )}
    </li>
  );
}
