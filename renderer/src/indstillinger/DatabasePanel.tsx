import { useState } from 'react';
import { formatDanishDateTime } from '../../../shared/domain/dates';
import { Alert } from '../components/Alert';
import { useApp } from '../store';
import { useDatabaseFiles } from './useIndstillingerData';

/** Which database file is open, the files opened before, and opening another (e.g. the team's on a shared drive). */
export function DatabasePanel() {
  const { list, error, open, choose } = useDatabaseFiles();
  const [path, setPath] = useState('');
  const desktop = useApp((s) => s.info?.mode === 'electron');
  const typed = (
    <div className="form-row aligned-row">
      <div className="form-group">
        <label className="form-label" htmlFor="database-sti">
          {desktop ? 'Skriv stien til filen' : 'Åbn en anden fil, eller opret en ny'}
        </label>
        <span className="form-hint">
          Hele stien, fx /Volumes/Faelles/Tilsyn/team-nord.db eller S:\Tilsyn\team-nord.db
        </span>
        <input
          id="database-sti"
          className="form-input input-wide"
          value={path}
          onChange={(e) => setPath(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && path.trim() && open(path.trim())}
        />
      </div>
      <button
        type="button"
        className="button button-secondary"
        disabled={!path.trim()}
        onClick={() => open(path.trim())}
      >
        Åbn filen
      </button>
    </div>
  );

  return (
    <section className="review-block" aria-labelledby="databasefil">
      <h2 id="databasefil">Databasefil</h2>
      <p>
        Åben nu: <code>{list?.current ?? '…'}</code>
      </p>
      <p className="muted">
        Et team kan have sin egen fil, fx på et fællesdrev. En fil kan kun være åben i én kopi af Tilsyn ad gangen.
      </p>
      {error && (
        <Alert kind="error">
          <p className="alert-text">{error}</p>
        </Alert>
      )}
      {list && list.recent.length > 0 && (
        <>
          <h3 className="h5">Åbnet før</h3>
          <ul className="nobullet-list recent-files">
            {list.recent.map((r) => (
              <li key={r.path}>
                <code>{r.path}</code> <span className="muted">{formatDanishDateTime(r.lastOpened)}</span>{' '}
                {r.exists ? (
                  <button type="button" className="link-button" onClick={() => open(r.path)}>
                    Åbn<span className="sr-only"> {r.path}</span>
                  </button>
                ) : (
                  <span className="muted">(findes ikke længere)</span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {desktop ? (
        <>
          <div className="button-row">
            <button type="button" className="button button-secondary" onClick={() => void choose('database')}>
              Åbn en anden fil …
            </button>
            <button type="button" className="button button-secondary" onClick={() => void choose('ny_database')}>
              Opret en ny fil …
            </button>
          </div>
          <details className="advanced">
            <summary>Avanceret: skriv stien</summary>
            {typed}
          </details>
        </>
      ) : (
        typed
      )}
    </section>
  );
}
