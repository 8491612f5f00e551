import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type BackendSession, createBackendSession } from '../../electron/backend/session';
import type { ApiClient } from '../../shared/api/client';
import { findCprNumbers } from '../../shared/domain/cpr';
import { clientOf } from '../support/api';
import { pdfText } from '../support/pdf-text';
import { makeTempDir, validTilsynInput } from '../support/temp';

// Issue #17: the first start offers an example to look around in: made-up data, in a file of its own, so nothing
// of it counts in the leader's own årshjul, coverage or pakker.
let temp: ReturnType<typeof makeTempDir>;
let session: BackendSession;
let api: ApiClient;
const own = () => join(temp.dir, 'egen.db');
const settings = () => join(temp.dir, 'indstillinger');

beforeEach(() => {
  temp = makeTempDir('tilsyn-eksempel-');
  session = createBackendSession({
    dbPath: own(),
    mode: 'browser',
    version: 'test',
    recentFile: join(settings(), 'seneste-databaser.json'),
    backups: false,
  });
  api = clientOf(() => session.handlers);
});
afterEach(() => {
  session.close();
  temp.cleanup();
});

describe('the example file', () => {
  it('opens a file of its own with an afsluttet round and one under way, and the own file is untouched', async () => {
    await api.call('tilsyn.create', { ...validTilsynInput, titel: 'Mit eget tilsyn' });
    const info = await api.call('app.eksempel', {});
    expect(info.databasePath).toBe(join(settings(), 'tilsyn-eksempel.db'));
    const rounds = await api.call('tilsyn.list', {});
    expect(rounds.map((t) => [t.status, t.antalSager, t.antalFaerdige])).toEqual([
      ['i_gang', 8, 3],
      ['afsluttet', 8, 8],
    ]);
    expect(rounds.every((t) => t.titel.startsWith('Eksempel: ') && t.enhed === 'Eksempelteam')).toBe(true);
    // The afsluttet round has results, findings and a committee report a leader can open.
    const done = rounds[1]?.id ?? 0;
    const results = await api.call('resultater.get', { tilsynId: done });
    expect(results.results.faerdige).toBe(8);
    expect(results.results.measures.some((m) => m.met < m.applicable)).toBe(true);
    const report = await api.call('rapport.udvalg', { tilsynId: done });
    const text = (await pdfText(Buffer.from(report.dataBase64, 'base64'))).join(' ');
    expect(text).toContain('Eksempel Kommune');
    expect(findCprNumbers(text)).toEqual([]);
    // Back to the own file: its one tilsyn, nothing of the example.
    await api.call('app.aabnDatabase', { path: own() });
    expect((await api.call('tilsyn.list', {})).map((t) => t.titel)).toEqual(['Mit eget tilsyn']);
    expect((await api.call('enheder.list', {})).map((u) => u.navn)).not.toContain('Eksempelteam');
  }, 60_000);

  it('is made once: opened again, it is the same file with the leader’s changes in it', async () => {
    await api.call('app.eksempel', {});
    await api.call('tilsyn.create', { ...validTilsynInput, titel: 'Eksempel: mit forsøg' });
    await api.call('app.aabnDatabase', { path: own() });
    await api.call('app.eksempel', {});
    expect((await api.call('tilsyn.list', {})).map((t) => t.titel)).toContain('Eksempel: mit forsøg');
    // No half-made file is left beside it.
    expect(readdirSync(settings()).filter((f) => f.includes('under-oprettelse'))).toEqual([]);
    expect(existsSync(join(temp.dir, 'tilsyn-eksempel.db'))).toBe(false);
  }, 60_000);

  it('is made anew when junk has taken its place, and the junk is set aside, not deleted', async () => {
    mkdirSync(settings(), { recursive: true });
    writeFileSync(join(settings(), 'tilsyn-eksempel.db'), 'ikke en database');
    const info = await api.call('app.eksempel', {});
    expect(info.databasePath).toBe(join(settings(), 'tilsyn-eksempel.db'));
    expect((await api.call('tilsyn.list', {})).length).toBeGreaterThan(0);
    const aside = readdirSync(settings()).filter((f) => f.startsWith('tilsyn-eksempel.db.ubrugelig-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(settings(), aside[0] ?? ''), 'utf8')).toBe('ikke en database');
  }, 60_000);
});
