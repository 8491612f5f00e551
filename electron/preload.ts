import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_KEY, type TilsynBridge } from '../shared/api/bridge';
import { ipcChannel } from '../shared/api/channels';

// Only contract methods have handlers in the main process, which also validates every input;
// any other channel name is rejected there.
const bridge: TilsynBridge = {
  invoke: (method, input) => ipcRenderer.invoke(ipcChannel(method), input),
};

contextBridge.exposeInMainWorld(BRIDGE_KEY, bridge);
