/** The screens, addressed by the URL hash so reloading keeps the leader where she was. */
export type Route =
  | { name: 'list' }
  | { name: 'new' }
  | { name: 'tilsyn'; id: number }
  | { name: 'edit'; id: number }
  | { name: 'sagsliste'; id: number }
  | { name: 'stikproeve'; id: number }
  | { name: 'gennemgang'; id: number }
  | { name: 'resultater'; id: number }
  | { name: 'formidling'; id: number }
  | { name: 'sag'; id: number; sagId: number }
  | { name: 'skabeloner' }
  /** Calibration on practice sager (issue #16): the list, and one practice sag answered and compared. */
  | { name: 'kalibrering'; id: number | null }
  | { name: 'handlinger' }
  | { name: 'enheder' }
  | { name: 'sammenlign'; id: number }
  | { name: 'aarshjul' }
  | { name: 'sagsoverblik'; enhedId: number | null }
  | { name: 'indstillinger' }
  | { name: 'skabelon'; id: number }
  | { name: 'version'; skabelonId: number; versionId: number }
  /** The caseworker's own selvevaluering: a screen with nothing else to navigate to (issue #15). */
  | { name: 'selvevaluering'; id: number }
  /** The second reviewer's blind review of a round's sager (issue #16): nothing of the first review, no menu. */
  | { name: 'kvalitet'; id: number }
  | { name: 'notFound' };

const id = (s: string | undefined) => {
  const n = Number(s);
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
};

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '') || '/';
  if (path === '/' || path === '/tilsyn') return { name: 'list' };
  if (path === '/tilsyn/ny') return { name: 'new' };
  if (path === '/skabeloner') return { name: 'skabeloner' };
  if (path === '/kalibrering') return { name: 'kalibrering', id: null };
  if (path === '/handlinger') return { name: 'handlinger' };
  if (path === '/enheder') return { name: 'enheder' };
  if (path === '/aarshjul') return { name: 'aarshjul' };
  if (path === '/sagsoverblik') return { name: 'sagsoverblik', enhedId: null };
  if (path === '/indstillinger') return { name: 'indstillinger' };
  let m = /^\/tilsyn\/(\d+)\/gennemgang\/(\d+)$/.exec(path);
  if (m) {
    const [tilsynId, sagId] = [id(m[1]), id(m[2])];
    if (tilsynId && sagId) return { name: 'sag', id: tilsynId, sagId };
  }
  m = /^\/tilsyn\/(\d+)(?:\/(rediger|sagsliste|stikproeve|gennemgang|resultater|formidling))?$/.exec(path);
  if (m) {
    const tilsynId = id(m[1]);
    const sub = {
      rediger: 'edit',
      sagsliste: 'sagsliste',
      stikproeve: 'stikproeve',
      gennemgang: 'gennemgang',
      resultater: 'resultater',
      formidling: 'formidling',
    } as const;
    if (tilsynId) return { name: m[2] ? sub[m[2] as keyof typeof sub] : 'tilsyn', id: tilsynId };
  }
  m = /^\/enheder\/(\d+)\/sammenlign$/.exec(path);
  if (m) {
    const unitId = id(m[1]);
    if (unitId) return { name: 'sammenlign', id: unitId };
  }
  m = /^\/sagsoverblik\/(\d+)$/.exec(path);
  if (m) {
    const unitId = id(m[1]);
    if (unitId) return { name: 'sagsoverblik', enhedId: unitId };
  }
  m = /^\/kalibrering\/(\d+)$/.exec(path);
  if (m) {
    const sagId = id(m[1]);
    if (sagId) return { name: 'kalibrering', id: sagId };
  }
  m = /^\/kvalitet\/(\d+)$/.exec(path);
  if (m) {
    const tilsynId = id(m[1]);
    if (tilsynId) return { name: 'kvalitet', id: tilsynId };
  }
  m = /^\/selvevaluering\/(\d+)$/.exec(path);
  if (m) {
    const selfId = id(m[1]);
    if (selfId) return { name: 'selvevaluering', id: selfId };
  }
  m = /^\/skabeloner\/(\d+)(?:\/versioner\/(\d+))?$/.exec(path);
  if (m) {
    const templateId = id(m[1]);
    const versionId = id(m[2]);
    if (templateId && m[2] === undefined) return { name: 'skabelon', id: templateId };
    if (templateId && versionId) return { name: 'version', skabelonId: templateId, versionId };
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
    case 'sagsliste':
      return `#/tilsyn/${route.id}/sagsliste`;
    case 'stikproeve':
      return `#/tilsyn/${route.id}/stikproeve`;
    case 'gennemgang':
      return `#/tilsyn/${route.id}/gennemgang`;
    case 'resultater':
      return `#/tilsyn/${route.id}/resultater`;
    case 'formidling':
      return `#/tilsyn/${route.id}/formidling`;
    case 'indstillinger':
      return '#/indstillinger';
    case 'sag':
      return `#/tilsyn/${route.id}/gennemgang/${route.sagId}`;
    case 'skabeloner':
      return '#/skabeloner';
    case 'kalibrering':
      return route.id === null ? '#/kalibrering' : `#/kalibrering/${route.id}`;
    case 'handlinger':
      return '#/handlinger';
    case 'enheder':
      return '#/enheder';
    case 'sammenlign':
      return `#/enheder/${route.id}/sammenlign`;
    case 'aarshjul':
      return '#/aarshjul';
    case 'sagsoverblik':
      return route.enhedId ? `#/sagsoverblik/${route.enhedId}` : '#/sagsoverblik';
    case 'skabelon':
      return `#/skabeloner/${route.id}`;
    case 'version':
      return `#/skabeloner/${route.skabelonId}/versioner/${route.versionId}`;
    case 'selvevaluering':
      return `#/selvevaluering/${route.id}`;
    case 'kvalitet':
      return `#/kvalitet/${route.id}`;
  }
}

/** Which main menu item a screen belongs to. */
export function menuOf(
  route: Route,
): 'tilsyn' | 'aarshjul' | 'sagsoverblik' | 'enheder' | 'skabeloner' | 'handlinger' | 'indstillinger' {
  if (route.name === 'sammenlign') return 'enheder';
  if (['handlinger', 'indstillinger', 'enheder', 'aarshjul', 'sagsoverblik'].includes(route.name))
    return route.name as 'handlinger' | 'indstillinger' | 'enheder' | 'aarshjul' | 'sagsoverblik';
  return ['skabeloner', 'skabelon', 'version', 'kalibrering'].includes(route.name) ? 'skabeloner' : 'tilsyn';
}
