import {
  contract,
  isLongMethod,
  isMethodName,
  type MethodName,
  type MethodResult,
  type ParsedInput,
} from '../../shared/api/contract';
import { ApiError, type Envelope, validationError } from '../../shared/api/errors';
import { PROTO_KEY_MESSAGE, protoKeyPath } from '../../shared/api/proto-key';
import { type CprProblem, cprProblems, cprProblemsInBoxes, cprRefusal } from '../../shared/domain/cpr-guard';
import { taskIdSchema } from '../../shared/domain/progress';
import { answerBoxes } from '../../shared/domain/review';
import { toApiError } from './errors';
import type { Task } from './tasks';

/**
 * One handler per contract method, as the transports call it; the mapped type makes a missing method a compile
 * error. A long method (contract `long`) is given the id of its task when the call carried one.
 */
export type Handlers = {
  [M in MethodName]: (input: ParsedInput<M>, taskId?: string) => MethodResult<M> | Promise<MethodResult<M>>;
};

/** A method as its namespace file writes it: with the task it reports its progress to (electron/backend/tasks.ts). */
export type Handler<M extends MethodName> = (
  input: ParsedInput<M>,
  task: Task,
) => MethodResult<M> | Promise<MethodResult<M>>;

/** A contract namespace: 'tilsyn' for 'tilsyn.afslut'. */
export type Namespace = MethodName extends infer M ? (M extends `${infer N}.${string}` ? N : never) : never;

/**
 * Exactly the handlers of one namespace: a method of another namespace, or a missing one, is a compile error.
 * Each electron/backend/<namespace>-api.ts returns one of these.
 */
export type NamespaceHandlers<N extends Namespace> = {
  [M in Extract<MethodName, `${N}.${string}`>]: Handler<M>;
};

export interface DispatchOptions {
  /** Called with unexpected errors (not ApiErrors), for logging. */
  onUnexpectedError?: (method: string, err: unknown) => void;
}

/**
 * The single entry point for every transport: checks the method name, validates the raw input
 * against the contract's schema, runs the handler and wraps the outcome in an envelope.
 */
export async function dispatch(
  handlers: Handlers,
  method: unknown,
  rawInput: unknown,
  options: DispatchOptions = {},
): Promise<Envelope<unknown>> {
  if (!isMethodName(method)) {
    return { ok: false, error: { code: 'UNKNOWN_METHOD', message: 'Ukendt funktion i Tilsyn.' } };
  }
  try {
    const { input, taskId } = takeTaskId(method, rawInput ?? {});
    const proto = protoKeyPath(input);
    if (proto)
      return {
        ok: false,
        error: new ApiError('VALIDATION', PROTO_KEY_MESSAGE, { [proto]: PROTO_KEY_MESSAGE }).toBody(),
      };
    const parsed = contract[method].input.safeParse(input);
    if (!parsed.success) return { ok: false, error: validationError(parsed.error).toBody() };
    const refused = refuseCpr(method, parsed.data);
    if (refused) return { ok: false, error: refused.toBody() };
    const handler = handlers[method] as (input: unknown, taskId?: string) => unknown;
    return { ok: true, value: await handler(parsed.data, taskId) };
  } catch (err) {
    if (!(err instanceof ApiError)) options.onUnexpectedError?.(method, err);
    return { ok: false, error: toApiError(err).toBody() };
  }
}

/**
 * A long method's call may carry `opgaveId` beside its input (shared/api/client.ts `track`): taken off before the
 * input's schema sees it, and checked like any input. Any other method's input keeps it, and its schema refuses it.
 */
function takeTaskId(method: MethodName, raw: unknown): { input: unknown; taskId?: string } {
  if (!isLongMethod(method) || typeof raw !== 'object' || raw === null || !('opgaveId' in raw)) return { input: raw };
  const { opgaveId, ...input } = raw as { opgaveId: unknown };
  const id = taskIdSchema.safeParse(opgaveId);
  if (!id.success) throw new ApiError('VALIDATION', 'Opgavens id er ugyldigt. Genindlæs siden, og prøv igen.');
  return { input, taskId: id.data };
}

/** How »Fjern det, før …« ends for a method that saves nothing (a search). */
const NOT_SAVING: Partial<Record<MethodName, string>> = { 'population.side': 'der søges' };

/** How »Fjern det, før …« ends, per namespace. */
const SAVING: Partial<Record<Namespace, string>> = {
  skabelon: 'skabelonen gemmes',
  population: 'sagen gemmes',
  stikproeve: 'stikprøven gemmes',
  tilsyn: 'tilsynet gemmes',
};

/**
 * The one CPR check of the API: after the schema (which masks the free texts), any string of the parsed input that
 * still holds a CPR-like number, or whose neighbours together hold one, refuses the call. A new field is covered
 * without a word; only a method's declared file fields are left to their importer.
 */
function refuseCpr(method: MethodName, input: unknown): ApiError | undefined {
  const files = contract[method].fileFields ?? [];
  const problems = cprProblems(input, (path) => path.length === 1 && files.includes(String(path[0])));
  if (problems.length === 0) return undefined;
  const namespace = method.slice(0, method.indexOf('.')) as Namespace;
  const { message, fieldErrors } = cprRefusal(problems, NOT_SAVING[method] ?? SAVING[namespace] ?? 'der gemmes');
  return new ApiError('VALIDATION', message, fieldErrors);
}

/**
 * The same check on a record as it will be stored after a change to some of its fields (an answer's note now, its
 * reason later): read as a whole, so a number split between a field saved before and one saved now is refused too.
 * Call it inside the change's transaction; the throw undoes the change.
 */
export function refuseCprInRecord(record: object): void {
  refuseProblems(cprProblems(record));
}

/**
 * The same check on an answer as it will be stored: its boxes as the review shows them, the frist override's reason
 * (stored in an object of its own) among them, read as one form (cprProblemsInBoxes).
 */
export function refuseCprInAnswer(answer: Parameters<typeof answerBoxes>[0]): void {
  refuseProblems(cprProblemsInBoxes(answerBoxes(answer)));
}

function refuseProblems(problems: CprProblem[]): void {
  if (problems.length === 0) return;
  const { message, fieldErrors } = cprRefusal(problems, 'der gemmes');
  throw new ApiError('VALIDATION', message, fieldErrors);
}
