import { create } from 'zustand';
import type { AppInfo } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import type { Tilsyn, TilsynInput, TilsynListItem } from '../../shared/domain/tilsyn';
import { api } from './api';
import { parseRoute, type Route, routeHref } from './routes';

type LoadState = 'idle' | 'loading' | 'ready' | 'error';

export interface Notice {
  kind: 'success' | 'error';
  text: string;
}

/** The outcome of a save: the saved tilsyn, or Danish errors to show next to the fields. */
export type SaveResult =
  | { ok: true; tilsyn: Tilsyn }
  | { ok: false; message: string; fieldErrors: Record<string, string> };

interface AppState {
  route: Route;
  info?: AppInfo;
  infoError?: string;
  tilsyn: TilsynListItem[];
  listState: LoadState;
  listError?: string;
  notice?: Notice;
  /** Goes to a screen; `notice` is shown there and cleared when the leader moves on. */
  navigate(route: Route, notice?: Notice): void;
  syncRouteFromLocation(): void;
  setNotice(notice?: Notice): void;
  loadInfo(): Promise<void>;
  loadTilsyn(): Promise<void>;
  createTilsyn(input: TilsynInput): Promise<SaveResult>;
  updateTilsyn(id: number, input: TilsynInput): Promise<SaveResult>;
}

export const useApp = create<AppState>((set, get) => ({
  route: parseRoute(window.location.hash),
  tilsyn: [],
  listState: 'idle',

  navigate(route, notice) {
    set({ route, notice });
    const href = routeHref(route);
    if (window.location.hash !== href) window.location.hash = href;
  },
  syncRouteFromLocation() {
    const route = parseRoute(window.location.hash);
    if (routeHref(route) !== routeHref(get().route)) set({ route, notice: undefined });
  },
  setNotice(notice) {
    set({ notice });
  },

  async loadInfo() {
    try {
      set({ info: await api.call('app.info'), infoError: undefined });
    } catch (err) {
      set({ infoError: messageOf(err) });
    }
  },

  async loadTilsyn() {
    set({ listState: get().listState === 'ready' ? 'ready' : 'loading', listError: undefined });
    try {
      set({ tilsyn: await api.call('tilsyn.list'), listState: 'ready' });
    } catch (err) {
      set({ listState: 'error', listError: messageOf(err) });
    }
  },

  async createTilsyn(input) {
    return save(() => api.call('tilsyn.create', input), get);
  },

  async updateTilsyn(id, input) {
    return save(() => api.call('tilsyn.update', { id, data: input }), get);
  },
}));

async function save(call: () => Promise<Tilsyn>, get: () => AppState): Promise<SaveResult> {
  try {
    const tilsyn = await call();
    await get().loadTilsyn();
    return { ok: true, tilsyn };
  } catch (err) {
    return { ok: false, message: messageOf(err), fieldErrors: err instanceof ApiError ? (err.fieldErrors ?? {}) : {} };
  }
}

export function messageOf(err: unknown): string {
  return err instanceof ApiError ? err.message : 'Der opstod en uventet fejl. Prøv igen.';
}
