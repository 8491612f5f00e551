// Kept free of zod and domain imports so the sandboxed preload bundle stays tiny.

/** The IPC channel of a method: one channel per method, so the registered set is exactly the contract. */
export function ipcChannel(method: string): string {
  return `tilsyn:${method}`;
}
