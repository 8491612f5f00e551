import { isLongMethod, METHOD_NAMES, type MethodName } from '../../shared/api/contract';
import { aarshjulApi } from './aarshjul-api';
import { appApi } from './app-api';
import type { BackendContext } from './context';
import type { Handler, Handlers } from './dispatch';
import { eksportApi } from './eksport-api';
import { enhederApi } from './enheder-api';
import { gennemgangApi } from './gennemgang-api';
import { handlingerApi } from './handlinger-api';
import { indstillingerApi } from './indstillinger-api';
import { kalibreringApi } from './kalibrering-api';
import { kvalitetApi } from './kvalitet-api';
import { opgaveApi } from './opgave-api';
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
import { createTasks, type Task, type Tasks, untracked } from './tasks';
import { tilsynApi } from './tilsyn-api';

export type { BackendContext } from './context';

/**
 * The API methods for one open database. Each contract namespace has its file, <namespace>-api.ts, holding every
 * method of that namespace; all of them use the one set of services. No Electron here: it runs in plain Node.
 */
export function createHandlers(ctx: BackendContext): Handlers {
  const services = createServices(ctx);
  const tasks = ctx.tasks ?? createTasks();
  return withTasks(tasks, {
    ...opgaveApi(tasks),
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
  });
}

type Written = { [M in MethodName]: Handler<M> };

/**
 * The namespace files' handlers as the transports call them: a long method runs as a task (followed and cancelled by
 * its id), any other with a task that reports to nobody. A call without an id is followed by nobody either.
 */
function withTasks(tasks: Tasks, written: Written): Handlers {
  const entries = METHOD_NAMES.map((method) => {
    const handler = written[method] as (input: unknown, task: Task) => unknown;
    const called = isLongMethod(method)
      ? (input: unknown, taskId?: string) => tasks.run(taskId, (task) => handler(input, task))
      : (input: unknown) => handler(input, untracked);
    return [method, called] as const;
  });
  return Object.fromEntries(entries) as unknown as Handlers;
}
