import { BRIDGE_KEY, type TilsynBridge } from '../../shared/api/bridge';
import { type ApiClient, createApiClient, type Transport } from '../../shared/api/client';
import type { Envelope } from '../../shared/api/errors';

const TOKEN_HEADER = 'x-tilsyn-token';

/** Electron: the preload bridge. Browser mode: POST /api/<method> with the per-start token. */
function chooseTransport(): Transport {
  const bridge = (window as unknown as Record<string, TilsynBridge | undefined>)[BRIDGE_KEY];
  if (bridge) return (method, input) => bridge.invoke(method, input);
  const token = document.querySelector<HTMLMetaElement>('meta[name="tilsyn-token"]')?.content ?? '';
  return async (method, input) => {
    const response = await fetch(`api/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token },
      body: JSON.stringify(input),
    });
    return (await response.json()) as Envelope<unknown>;
  };
}

export const api: ApiClient = createApiClient(chooseTransport());
