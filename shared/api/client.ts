import type { MethodInput, MethodName, MethodResult } from './contract';
import { ApiError, type Envelope } from './errors';

/** Moves one call across a boundary (IPC, HTTP, or in-process) and returns its envelope. */
export type Transport = (method: MethodName, input: unknown) => Promise<Envelope<unknown>>;

export interface ApiClient {
  call<M extends MethodName>(method: M, ...input: OptionalInput<M>): Promise<MethodResult<M>>;
}

type OptionalInput<M extends MethodName> =
  Record<string, never> extends MethodInput<M> ? [input?: MethodInput<M>] : [input: MethodInput<M>];

export function createApiClient(transport: Transport): ApiClient {
  return {
    async call(method, ...args) {
      let envelope: Envelope<unknown>;
      try {
        envelope = await transport(method, args[0] ?? {});
      } catch {
        throw new ApiError(
          'TRANSPORT',
          'Forbindelsen til Tilsyns database blev afbrudt. Dine data er ikke ændret; prøv igen.',
        );
      }
      if (envelope.ok) return envelope.value as MethodResult<typeof method>;
      throw new ApiError(envelope.error.code, envelope.error.message, envelope.error.fieldErrors);
    },
  };
}
