import { describe, expect, it } from 'vitest';
import { danishMenuTemplate } from '../../electron/menu';
import { shortPath } from '../../renderer/src/display';
import { shareText } from '../../renderer/src/resultater/shareText';
import { parseRoute, routeHref } from '../../renderer/src/routes';

describe('routes', () => {
  it.each([
    ['', { name: 'list' }],
    ['#/', { name: 'list' }],
    ['#/tilsyn/ny', { name: 'new' }],
    ['#/tilsyn/12', { name: 'tilsyn', id: 12 }],
    ['#/tilsyn/12/rediger', { name: 'edit', id: 12 }],
    ['#/tilsyn/0', { name: 'notFound' }],
    ['#/tilsyn/abc', { name: 'notFound' }],
    ['#/noget-andet', { name: 'notFound' }],
    ['#/skabeloner', { name: 'skabeloner' }],
    ['#/tilsyn/5/sagsliste', { name: 'sagsliste', id: 5 }],
    ['#/tilsyn/5/stikproeve', { name: 'stikproeve', id: 5 }],
    ['#/tilsyn/5/andet', { name: 'notFound' }],
    ['#/tilsyn/5/gennemgang', { name: 'gennemgang', id: 5 }],
    ['#/tilsyn/5/gennemgang/17', { name: 'sag', id: 5, sagId: 17 }],
    ['#/skabeloner/4', { name: 'skabelon', id: 4 }],
    ['#/skabeloner/4/versioner/9', { name: 'version', skabelonId: 4, versionId: 9 }],
    ['#/skabeloner/4/versioner/x', { name: 'notFound' }],
    ['#/selvevaluering/3', { name: 'selvevaluering', id: 3 }],
    ['#/selvevaluering/0', { name: 'notFound' }],
  ])('%s', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });
  it('round-trips every screen through its address', () => {
    for (const route of [
      { name: 'new' },
      { name: 'tilsyn', id: 3 },
      { name: 'edit', id: 3 },
      { name: 'sagsliste', id: 3 },
      { name: 'stikproeve', id: 3 },
      { name: 'gennemgang', id: 3 },
      { name: 'sag', id: 3, sagId: 8 },
      { name: 'skabeloner' },
      { name: 'skabelon', id: 2 },
      { name: 'version', skabelonId: 2, versionId: 7 },
    ] as const) {
      expect(parseRoute(routeHref(route))).toEqual(route);
    }
  });
});

describe('database path in the header', () => {
  it('keeps short paths whole', () => {
    expect(shortPath('/home/lene/tilsyn.db')).toBe('/home/lene/tilsyn.db');
  });
  it('keeps the end of long paths: folder and file name', () => {
    const p = '/mnt/fællesdrev/Børn og Unge/Myndighed/Team Nord/2026/tilsyn-team-nord.db';
    const short = shortPath(p, 40);
    expect(short.startsWith('…/')).toBe(true);
    expect(short.endsWith('2026/tilsyn-team-nord.db')).toBe(true);
    expect(short.length).toBeLessThanOrEqual(40);
  });
  it('keeps Windows separators', () => {
    expect(shortPath('C:\\Users\\lene\\AppData\\Roaming\\Tilsyn\\Arkiv\\2025\\tilsyn.db', 30)).toBe(
      '…\\Tilsyn\\Arkiv\\2025\\tilsyn.db',
    );
  });
});

describe('application menu', () => {
  it('is in Danish on every platform', () => {
    const english =
      /\b(File|Edit|View|Window|Help|Quit|Undo|Redo|Cut|Copy|Paste|Select All|Zoom In|Zoom Out|Minimize)\b/;
    for (const platform of ['win32', 'darwin', 'linux'] as const) {
      const labels = JSON.stringify(danishMenuTemplate(platform).map((m) => [m.label, m.submenu?.map((s) => s.label)]));
      expect(labels).not.toMatch(english);
      for (const item of danishMenuTemplate(platform).flatMap((m) => m.submenu ?? [])) {
        if (item.type !== 'separator') expect(item.label, JSON.stringify(item)).toBeTruthy();
      }
    }
  });
});

describe('a krav’s share in Resultater', () => {
  const none = { met: 0, applicable: 0, share: null, smallN: false };
  it('says why nothing counts: no answer yet, »Ikke relevant« everywhere, or asked in no sag', () => {
    // Six sager still to answer it: not »Ikke relevant i nogen sag« (found by a leader's try).
    expect(shareText({ ...none, counts: { udeladt: 0, ubesvaret: 6 } })).toBe('Ingen svar endnu');
    expect(shareText({ ...none, counts: { udeladt: 1, ubesvaret: 5 } })).toBe('Kun »Ikke relevant« endnu');
    expect(shareText({ ...none, counts: { udeladt: 6, ubesvaret: 0 } })).toBe('Ikke relevant i nogen sag');
    expect(shareText({ ...none, counts: { udeladt: 0, ubesvaret: 0 } })).toBe('Ikke stillet i nogen sag');
    expect(shareText(none)).toBe('Ingen sager talt med');
  });

  it('gives met of applicable and the share once something counts', () => {
    expect(shareText({ met: 3, applicable: 4, share: 0.75, smallN: true, counts: { udeladt: 2, ubesvaret: 1 } })).toBe(
      '3 af 4 (75 %)',
    );
  });
});
