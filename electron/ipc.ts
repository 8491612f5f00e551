import { ipcChannel } from '../shared/api/channels';
import { METHOD_NAMES } from '../shared/api/contract';
import type { Envelope } from '../shared/api/errors';
import { type DispatchOptions, dispatch, type Handlers } from './backend/dispatch';
import { isTrustedSender } from './security';

/** The part of Electron's ipcMain we use; an interface so registration is tested in plain Node. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>): void;
}

export interface IpcEventLike {
  senderFrame?: { url: string; parent: unknown } | null;
}

/** Registers exactly one handler per contract method; each checks the sender, then dispatches. */
export function registerIpcHandlers(ipc: IpcMainLike, handlers: Handlers, options: DispatchOptions = {}): string[] {
  const channels: string[] = [];
  for (const method of METHOD_NAMES) {
    const channel = ipcChannel(method);
    ipc.handle(channel, async (event, input): Promise<Envelope<unknown>> => {
      const frame = event.senderFrame;
      if (!frame || !isTrustedSender(frame.url, frame.parent === null)) {
        return { ok: false, error: { code: 'FORBIDDEN', message: 'Kaldet kom ikke fra Tilsyns eget vindue.' } };
      }
      return dispatch(handlers, method, input, options);
    });
    channels.push(channel);
  }
  return channels;
}
