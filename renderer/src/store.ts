import { create } from 'zustand';
import type { AppInfo } from '../../shared/api/contract';
import { api } from './api';
import { messageOf } from './errors';
import { parseRoute, type Route, routeHref } from './routes';

export interface Notice {
  kind: 'success' | 'error';
  text: string;
}

/** What the whole app shares: the screen shown, the open database file, and the notice for the screen. */
interface AppState {
  route: Route;
  info?: AppInfo;
  infoError?: string;
  notice?: Notice;
  /** What the screen shown is about (its heading, and for a tilsyn its step): the window's title names it. */
  pageTitle?: string;
  setPageTitle(title: string): void;
  /** Goes to a screen; `notice` is shown there and cleared when the leader moves on. */
  navigate(route: Route, notice?: Notice): void;
  syncRouteFromLocation(): void;
  setNotice(notice?: Notice): void;
  loadInfo(): Promise<void>;
}

export const useApp = create<AppState>((set, get) => ({
  route: parseRoute(window.location.hash),

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
  setPageTitle(pageTitle) {
    if (pageTitle !== get().pageTitle) set({ pageTitle });
  },

  async loadInfo() {
    try {
      set({ info: await api.call('app.info'), infoError: undefined });
    } catch (err) {
      set({ infoError: messageOf(err) });
    }
  },
}));
