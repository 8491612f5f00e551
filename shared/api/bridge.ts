import type { MethodName } from './contract';
import type { Envelope } from './errors';

/** The name under which the preload script exposes the bridge on `window`. */
export const BRIDGE_KEY = 'tilsynBridge';

/** All the renderer gets from Electron: one typed invoke, never ipcRenderer itself. */
export interface TilsynBridge {
  invoke(method: MethodName, input: unknown): Promise<Envelope<unknown>>;
}
