import { useEffect } from 'react';
import { DEFERRED_CHECK_MS } from '../../shared/domain/backup';
import { AarshjulScreen } from './aarshjul/AarshjulScreen';
import { DAMAGED_EVENT } from './api';
import { AppHeader } from './components/AppHeader';
import { DamagedFileBanner, NoticeBanner } from './components/NoticeBanner';
import { PageTitle } from './components/PageTitle';
import { TaskProgress } from './components/TaskProgress';
import { ComparisonScreen } from './enheder/ComparisonScreen';
import { EnhederScreen } from './enheder/EnhederScreen';
import { FormidlingScreen } from './formidling/FormidlingScreen';
import { GennemgangScreen } from './gennemgang/GennemgangScreen';
import { SagReviewScreen } from './gennemgang/SagReviewScreen';
import { HandlingerScreen } from './handlinger/HandlingerScreen';
import { IndstillingerScreen } from './indstillinger/IndstillingerScreen';
import { BlindReviewScreen } from './kvalitet/BlindReviewScreen';
import { CalibrationScreen } from './kvalitet/CalibrationScreen';
import { ResultaterScreen } from './resultater/ResultaterScreen';
import { SagslisteScreen } from './sagsliste/SagslisteScreen';
import { SagsoverblikScreen } from './sagsoverblik/SagsoverblikScreen';
import { SelvevalueringScreen } from './selvevaluering/SelvevalueringScreen';
import { SkabelonListScreen } from './skabeloner/SkabelonListScreen';
import { SkabelonScreen } from './skabeloner/SkabelonScreen';
import { VersionScreen } from './skabeloner/VersionScreen';
import { StikproeveScreen } from './stikproeve/StikproeveScreen';
import { useApp } from './store';
import { TilsynFormScreen } from './tilsyn/TilsynFormScreen';
import { TilsynListScreen } from './tilsyn/TilsynListScreen';
import { TilsynScreen } from './tilsyn/TilsynScreen';

export function App() {
  const route = useApp((s) => s.route);
  const syncRouteFromLocation = useApp((s) => s.syncRouteFromLocation);
  const loadInfo = useApp((s) => s.loadInfo);

  useEffect(() => {
    void loadInfo();
    // A file found as the app left it is checked just after the start: asked again once that check has run.
    const again = setTimeout(() => void loadInfo(), DEFERRED_CHECK_MS + 500);
    const onDamaged = () => void loadInfo();
    window.addEventListener('hashchange', syncRouteFromLocation);
    window.addEventListener(DAMAGED_EVENT, onDamaged);
    return () => {
      clearTimeout(again);
      window.removeEventListener('hashchange', syncRouteFromLocation);
      window.removeEventListener(DAMAGED_EVENT, onDamaged);
    };
  }, [loadInfo, syncRouteFromLocation]);

  return (
    <>
      <a className="skip-link" href="#indhold">
        Gå til indhold
      </a>
      <AppHeader />
      <main id="indhold" className="app-main">
        <DamagedFileBanner />
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
        {route.name === 'enheder' && <EnhederScreen />}
        {route.name === 'sammenlign' && <ComparisonScreen key={route.id} id={route.id} />}
        {route.name === 'aarshjul' && <AarshjulScreen />}
        {route.name === 'sagsoverblik' && <SagsoverblikScreen enhedId={route.enhedId} />}
        {route.name === 'indstillinger' && <IndstillingerScreen />}
        {route.name === 'resultater' && <ResultaterScreen key={route.id} id={route.id} />}
        {route.name === 'formidling' && <FormidlingScreen key={route.id} id={route.id} />}
        {route.name === 'skabelon' && <SkabelonScreen key={route.id} id={route.id} />}
        {route.name === 'version' && (
          <VersionScreen key={route.versionId} skabelonId={route.skabelonId} versionId={route.versionId} />
        )}
        {route.name === 'selvevaluering' && <SelvevalueringScreen key={route.id} id={route.id} />}
        {route.name === 'kvalitet' && <BlindReviewScreen key={route.id} tilsynId={route.id} />}
        {route.name === 'kalibrering' && <CalibrationScreen key={route.id ?? 0} id={route.id} />}
        {route.name === 'notFound' && (
          <section>
            <PageTitle>Siden findes ikke</PageTitle>
            <p>
              <a href="#/">Gå til oversigten over tilsyn</a>
            </p>
          </section>
        )}
      </main>
      <TaskProgress />
    </>
  );
}
