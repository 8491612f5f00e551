import { useEffect } from 'react';
import { fileName, shortPath } from '../display';
import { menuOf } from '../routes';
import { useApp } from '../store';

/** The app's name, and which database file is open: leaders may keep one file per team. */
export function AppHeader() {
  const info = useApp((s) => s.info);
  const infoError = useApp((s) => s.infoError);
  const menu = useApp((s) => menuOf(s.route));
  // A caseworker answering her selvevaluering, or a second reviewer reviewing blind, sees only that: no menu, no
  // other file.
  const route = useApp((s) => s.route.name);
  const selfOnly = route === 'selvevaluering' || route === 'kvalitet';

  const pageTitle = useApp((s) => s.pageTitle);
  // The window (and the task bar) names the screen first, then the program and the file: »Runde · 4. Gennemgang –
  // Tilsyn – leder.db«.
  useEffect(() => {
    document.title = [pageTitle, 'Tilsyn', info ? fileName(info.databasePath) : ''].filter(Boolean).join(' – ');
  }, [info, pageTitle]);

  return (
    <header className="app-header">
      <div className="app-header-inner">
        {selfOnly ? (
          <span className="app-brand">
            {/* A pakke answered in one's own file is a selvevaluering or a second review: both answer to a leader. */}
            <Brand sub={route === 'kvalitet' ? 'Anden gennemgang' : 'Svar til en leder'} />
          </span>
        ) : (
          <a className="app-brand" href="#/">
            <Brand sub="Ledelsestilsyn og sagsgennemgang" />
          </a>
        )}
        {selfOnly ? null : (
          <nav className="app-nav" aria-label="Hovedmenu">
            <a href="#/" aria-current={menu === 'tilsyn' ? 'page' : undefined}>
              Tilsyn
            </a>
            <a href="#/aarshjul" aria-current={menu === 'aarshjul' ? 'page' : undefined}>
              Årshjul
            </a>
            <a href="#/sagsoverblik" aria-current={menu === 'sagsoverblik' ? 'page' : undefined}>
              Sagsoverblik
            </a>
            <a href="#/enheder" aria-current={menu === 'enheder' ? 'page' : undefined}>
              Enheder
            </a>
            <a href="#/handlinger" aria-current={menu === 'handlinger' ? 'page' : undefined}>
              Handlinger
            </a>
            <a href="#/skabeloner" aria-current={menu === 'skabeloner' ? 'page' : undefined}>
              Skabeloner
            </a>
            <a href="#/indstillinger" aria-current={menu === 'indstillinger' ? 'page' : undefined}>
              Indstillinger
            </a>
          </nav>
        )}
        <div className="app-dbfile" data-testid="database-path">
          {info && !selfOnly && (
            <>
              <span className="app-dbfile-label">Database</span>
              <span className="app-dbfile-path" title={info.databasePath}>
                {shortPath(info.databasePath)}
              </span>
              {info.mode === 'browser' && <span className="app-mode">Browsertilstand</span>}
              <a className="app-dbfile-switch" href="#/indstillinger">
                Skift<span className="sr-only"> databasefil</span>
              </a>
            </>
          )}
          {infoError && <span className="app-dbfile-error">{infoError}</span>}
        </div>
      </div>
    </header>
  );
}

/** The icon and the name, with what this window is for. */
function Brand({ sub }: { sub: string }) {
  return (
    <>
      <img src="./icon.svg" alt="" width="32" height="32" />
      <span>
        <span className="app-brand-name">Tilsyn</span>
        <span className="app-brand-sub">{sub}</span>
      </span>
    </>
  );
}
