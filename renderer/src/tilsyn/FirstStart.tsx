import { useState } from 'react';
import { Alert } from '../components/Alert';
import { routeHref } from '../routes';
import { openExample } from './useTilsynData';

/** Where the leader's »vis ikke igen« is kept: on this computer, for every file she opens. */
const DISMISSED = 'tilsyn.vejledning-skjult';

const dismissed = () => {
  try {
    return window.localStorage.getItem(DISMISSED) === '1';
  } catch {
    return false;
  }
};

/**
 * The empty file's first screen (issue #17): what a tilsyn is made of, and two ways on: the first tilsyn from a
 * shipped template, or an example with made-up sager to look around in first. Dismissed for good, it is the plain
 * empty list.
 */
export function FirstStart() {
  const [hidden, setHidden] = useState(dismissed);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  if (hidden)
    return (
      <div className="empty-state">
        <h2>Der er ingen tilsyn endnu</h2>
        <p>
          Opret det første tilsyn: giv det en titel og en periode, og beskriv formålet og fokus. Derefter importerer du
          sagslisten og trækker stikprøven.
        </p>
      </div>
    );
  return (
    <section className="card first-start" aria-labelledby="kom-i-gang">
      <h2 id="kom-i-gang">Kom i gang</h2>
      <ol className="first-start-steps">
        <li>
          <strong>Opret et tilsyn</strong> ud fra en af de medfølgende skabeloner (Barnets Lov, beskæftigelse) eller
          jeres egen: formål, fokus, periode og tilsynsform.
        </li>
        <li>
          <strong>Importér sagslisten</strong> fra fagsystemet (CSV eller Excel), og træk en dokumenteret stikprøve.
        </li>
        <li>
          <strong>Gennemgå sagerne</strong> spørgsmål for spørgsmål, og lav rapporten til udvalget og notaterne til
          sagsbehandlerne.
        </li>
      </ol>
      {error && (
        <Alert kind="error">
          <p className="alert-text">{error}</p>
        </Alert>
      )}
      <div className="button-row">
        <a className="button button-primary" href={routeHref({ name: 'new' })}>
          Opret det første tilsyn
        </a>
        <button
          type="button"
          className="button button-secondary"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            setError(await openExample());
            setBusy(false);
          }}
        >
          {busy ? 'Laver eksemplet …' : 'Se et eksempel med opdigtede sager'}
        </button>
      </div>
      <p className="form-hint">
        Eksemplet ligger i sin egen fil, så intet af det tæller med i dine egne tilsyn. Du kommer tilbage til din fil
        under Indstillinger › Databasefil.
      </p>
      <button
        type="button"
        className="link-button"
        onClick={() => {
          try {
            window.localStorage.setItem(DISMISSED, '1');
          } catch {
            // Storage may be off: the guide goes for now, and comes back next time.
          }
          setHidden(true);
        }}
      >
        Vis ikke denne vejledning igen
      </button>
    </section>
  );
}
