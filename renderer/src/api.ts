import { BRIDGE_KEY, type TilsynBridge } from '../../shared/api/bridge';
import { type ApiClient, createApiClient, type Transport } from '../../shared/api/client';
import type { Envelope } from '../../shared/api/errors';

const TOKEN_HEADER = 'x-tilsyn-token';

/** Said on the window when a call is refused because the open file failed its check: the app asks app.info again. */
export const DAMAGED_EVENT = 'tilsyn:beskadiget';

/** The transport, telling the window when the file turned out damaged. */
function chooseTransport(): Transport {
  const base = baseTransport();
  return async (method, input) => {
    const envelope = await base(method, input);
    if (!envelope.ok && envelope.error.code === 'DAMAGED') window.dispatchEvent(new Event(DAMAGED_EVENT));
    return envelope;
  };
}

/** Electron: the preload bridge. Browser mode: POST /api/<method> with the per-start token. */
function baseTransport(): Transport {
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
