/** The screens, addressed by the URL hash so reloading keeps the leader where she was. */
export type Route =
  | { name: 'list' }
  | { name: 'new' }
  | { name: 'tilsyn'; id: number }
  | { name: 'edit'; id: number }
  | { name: 'notFound' };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '') || '/';
  if (path === '/' || path === '/tilsyn') return { name: 'list' };
  if (path === '/tilsyn/ny') return { name: 'new' };
  const m = /^\/tilsyn\/(\d+)(\/rediger)?$/.exec(path);
  if (m) {
    const id = Number(m[1]);
    if (Number.isSafeInteger(id) && id > 0) return m[2] ? { name: 'edit', id } : { name: 'tilsyn', id };
  }
  return { name: 'notFound' };
}

export function routeHref(route: Route): string {
  switch (route.name) {
    case 'list':
    case 'notFound':
      return '#/';
    case 'new':
      return '#/tilsyn/ny';
    case 'tilsyn':
      return `#/tilsyn/${route.id}`;
    case 'edit':
      return `#/tilsyn/${route.id}/rediger`;
  }
}
