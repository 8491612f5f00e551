import { aarshjulApi } from './aarshjul-api';
import { appApi } from './app-api';
import type { BackendContext } from './context';
import type { Handlers } from './dispatch';
import { eksportApi } from './eksport-api';
import { enhederApi } from './enheder-api';
import { gennemgangApi } from './gennemgang-api';
import { handlingerApi } from './handlinger-api';
import { indstillingerApi } from './indstillinger-api';
import { kalibreringApi } from './kalibrering-api';
import { kvalitetApi } from './kvalitet-api';
import { pakkeApi } from './pakke-api';
import { populationApi } from './population-api';
import { rapportApi } from './rapport-api';
import { refleksionApi } from './refleksion-api';
import { resultaterApi } from './resultater-api';
import { sagsoverblikApi } from './sagsoverblik-api';
import { selvevalueringApi } from './selvevaluering-api';
import { createServices } from './services';
import { sikkerhedskopiApi } from './sikkerhedskopi-api';
import { skabelonApi } from './skabelon-api';
import { stikproeveApi } from './stikproeve-api';
import { tilsynApi } from './tilsyn-api';

export type { BackendContext } from './context';

/**
 * The API methods for one open database. Each contract namespace has its file, <namespace>-api.ts, holding every
 * method of that namespace; all of them use the one set of services. No Electron here: it runs in plain Node.
 */
export function createHandlers(ctx: BackendContext): Handlers {
  const services = createServices(ctx);
  return {
    ...appApi(services),
    ...tilsynApi(services),
    ...skabelonApi(services),
    ...populationApi(services),
    ...stikproeveApi(services),
    ...gennemgangApi(services),
    ...kvalitetApi(services),
    ...kalibreringApi(services),
    ...enhederApi(services),
    ...aarshjulApi(services),
    ...sagsoverblikApi(services),
    ...pakkeApi(services),
    ...selvevalueringApi(services),
    ...handlingerApi(services),
    ...resultaterApi(services),
    ...indstillingerApi(services),
    ...rapportApi(services),
    ...refleksionApi(services),
    ...sikkerhedskopiApi(services),
    ...eksportApi(services),
  };
}
