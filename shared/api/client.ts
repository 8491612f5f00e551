import type { LongMethodName, MethodInput, MethodName, MethodResult } from './contract';
import { ApiError, type Envelope } from './errors';

/** Moves one call across a boundary (IPC, HTTP, or in-process) and returns its envelope. */
export type Transport = (method: MethodName, input: unknown) => Promise<Envelope<unknown>>;

export interface ApiClient {
  call<M extends MethodName>(method: M, ...input: OptionalInput<M>): Promise<MethodResult<M>>;
  /** A long method's call under the task id `opgaveId`, which opgave.status and opgave.annuller then name. */
  track<M extends LongMethodName>(method: M, input: MethodInput<M>, opgaveId: string): Promise<MethodResult<M>>;
}

type OptionalInput<M extends MethodName> =
  Record<string, never> extends MethodInput<M> ? [input?: MethodInput<M>] : [input: MethodInput<M>];

export function createApiClient(transport: Transport): ApiClient {
  return {
    call: (method, ...args) => send(method, args[0] ?? {}),
    track: (method, input, opgaveId) => send(method, { ...(input as object), opgaveId }),
  };

  async function send<M extends MethodName>(method: M, input: unknown): Promise<MethodResult<M>> {
    let envelope: Envelope<unknown>;
    try {
      envelope = await transport(method, input);
    } catch {
      throw new ApiError(
        'TRANSPORT',
        'Forbindelsen til Tilsyns database blev afbrudt. Dine data er ikke ændret; prøv igen.',
      );
    }
    if (envelope.ok) return envelope.value as MethodResult<M>;
    throw new ApiError(envelope.error.code, envelope.error.message, envelope.error.fieldErrors);
  }
}
