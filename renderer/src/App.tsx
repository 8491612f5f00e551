import { useEffect } from 'react';
import { AppHeader } from './components/AppHeader';
import { NoticeBanner } from './components/NoticeBanner';
import { PageTitle } from './components/PageTitle';
import { FormidlingScreen } from './screens/FormidlingScreen';
import { GennemgangScreen } from './screens/GennemgangScreen';
import { HandlingerScreen } from './screens/HandlingerScreen';
import { IndstillingerScreen } from './screens/IndstillingerScreen';
import { ResultaterScreen } from './screens/ResultaterScreen';
import { SagReviewScreen } from './screens/SagReviewScreen';
import { SagslisteScreen } from './screens/SagslisteScreen';
import { SkabelonListScreen } from './screens/SkabelonListScreen';
import { SkabelonScreen } from './screens/SkabelonScreen';
import { StikproeveScreen } from './screens/StikproeveScreen';
import { TilsynFormScreen } from './screens/TilsynFormScreen';
import { TilsynListScreen } from './screens/TilsynListScreen';
import { TilsynScreen } from './screens/TilsynScreen';
import { VersionScreen } from './screens/VersionScreen';
import { useApp } from './store';

export function App() {
  const route = useApp((s) => s.route);
  const syncRouteFromLocation = useApp((s) => s.syncRouteFromLocation);
  const loadInfo = useApp((s) => s.loadInfo);

  useEffect(() => {
    void loadInfo();
    window.addEventListener('hashchange', syncRouteFromLocation);
    return () => window.removeEventListener('hashchange', syncRouteFromLocation);
  }, [loadInfo, syncRouteFromLocation]);

  return (
    <>
      <a className="skip-link" href="#indhold">
        Gå til indhold
      </a>
      <AppHeader />
      <main id="indhold" className="app-main">
        <NoticeBanner />
        {route.name === 'list' && <TilsynListScreen />}
        {route.name === 'new' && <TilsynFormScreen key="new" />}
        {route.name === 'edit' && <TilsynFormScreen key={`edit-${route.id}`} editId={route.id} />}
        {route.name === 'tilsyn' && <TilsynScreen key={route.id} id={route.id} />}
        {route.name === 'sagsliste' && <SagslisteScreen key={route.id} id={route.id} />}
        {route.name === 'stikproeve' && <StikproeveScreen key={route.id} id={route.id} />}
        {route.name === 'gennemgang' && <GennemgangScreen key={route.id} id={route.id} />}
        {route.name === 'sag' && <SagReviewScreen key={route.sagId} id={route.id} sagId={route.sagId} />}
        {route.name === 'skabeloner' && <SkabelonListScreen />}
        {route.name === 'handlinger' && <HandlingerScreen />}
        {route.name === 'indstillinger' && <IndstillingerScreen />}
        {route.name === 'resultater' && <ResultaterScreen key={route.id} id={route.id} />}
        {route.name === 'formidling' && <FormidlingScreen key={route.id} id={route.id} />}
        {route.name === 'skabelon' && <SkabelonScreen key={route.id} id={route.id} />}
        {route.name === 'version' && (
          <VersionScreen key={route.versionId} skabelonId={route.skabelonId} versionId={route.versionId} />
        )}
        {route.name === 'notFound' && (
          <section>
            <PageTitle>Siden findes ikke</PageTitle>
            <p>
              <a href="#/">Gå til oversigten over tilsyn</a>
            </p>
          </section>
        )}
      </main>
    </>
  );
}
