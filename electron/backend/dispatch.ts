import {
  contract,
  isMethodName,
  type MethodName,
  type MethodResult,
  type ParsedInput,
} from '../../shared/api/contract';
import { ApiError, type Envelope, validationError } from '../../shared/api/errors';
import { toApiError } from './errors';

/** One handler per contract method; the mapped type makes a missing method a compile error. */
export type Handlers = {
  [M in MethodName]: (input: ParsedInput<M>) => MethodResult<M> | Promise<MethodResult<M>>;
};

/** A contract namespace: 'tilsyn' for 'tilsyn.afslut'. */
export type Namespace = MethodName extends infer M ? (M extends `${infer N}.${string}` ? N : never) : never;

/**
 * Exactly the handlers of one namespace: a method of another namespace, or a missing one, is a compile error.
 * Each electron/backend/<namespace>-api.ts returns one of these.
 */
export type NamespaceHandlers<N extends Namespace> = {
  [M in Extract<MethodName, `${N}.${string}`>]: Handlers[M];
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
    const parsed = contract[method].input.safeParse(rawInput ?? {});
    if (!parsed.success) return { ok: false, error: validationError(parsed.error).toBody() };
    const handler = handlers[method] as (input: unknown) => unknown;
    return { ok: true, value: await handler(parsed.data) };
  } catch (err) {
    if (!(err instanceof ApiError)) options.onUnexpectedError?.(method, err);
    return { ok: false, error: toApiError(err).toBody() };
  }
}
