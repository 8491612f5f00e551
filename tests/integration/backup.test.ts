import { createHash } from 'node:crypto';
import { closeSync, cpSync, existsSync, openSync, readFileSync, statSync, truncateSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BackupError,
  backupFolder,
  findBackup,
  listBackups,
  parseBackupFileName,
  restoreMarkerPath,
  stageRestore,
  startBackupScheduler,
  takeBackup,
  takeBackupSync,
} from '../../db/backup';
import { APPLICATION_ID, DatabaseOpenError, openDatabase, type TilsynDatabase } from '../../db/open';
import { createHandlers } from '../../electron/backend';
import { dispatch } from '../../electron/backend/dispatch';
import type { BackupInfo } from '../../shared/domain/backup';
import { dayKeyInTimeZone, planPruning } from '../../shared/domain/backup-pruning';
import { formatDanishDateTime } from '../../shared/domain/dates';
import { makeTempDir, validTilsynInput } from '../support/temp';

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

let temp: ReturnType<typeof makeTempDir>;
const open: TilsynDatabase[] = [];
beforeEach(() => {
  temp = makeTempDir('tilsyn-backup-');
});
afterEach(() => {
  for (const db of open.splice(0)) if (db.sqlite.open) db.close();
  temp.cleanup();
});

/** A Tilsyn database with a table of notes of its own (the app's tables need templates and more). */
function makeDatabase(name = 'tilsyn.db'): TilsynDatabase {
  const db = openDatabase(join(temp.dir, name));
  open.push(db);
  db.sqlite.exec('CREATE TABLE IF NOT EXISTS testnote (id INTEGER PRIMARY KEY, tekst TEXT NOT NULL)');
  return db;
}
const addNotes = (db: TilsynDatabase, prefix: string, count: number) => {
  const insert = db.sqlite.prepare('INSERT INTO testnote (tekst) VALUES (?)');
  db.sqlite.transaction(() => {
    for (let i = 0; i < count; i++) insert.run(`${prefix} ${i} ${'x'.repeat(150)}`);
  })();
};
const notesIn = (file: string, prefix?: string): number => {
  const ro = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const sql = prefix ? "SELECT count(*) FROM testnote WHERE tekst LIKE ? || ' %'" : 'SELECT count(*) FROM testnote';
    return (prefix ? ro.prepare(sql).pluck().get(prefix) : ro.prepare(sql).pluck().get()) as number;
  } finally {
    ro.close();
  }
};
const checkOf = (file: string) => {
  const ro = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return {
      integrity: ro.pragma('integrity_check', { simple: true }),
      applicationId: ro.pragma('application_id', { simple: true }),
      journalMode: ro.pragma('journal_mode', { simple: true }),
    };
  } finally {
    ro.close();
  }
};
const pathOf = (db: TilsynDatabase, info: BackupInfo) => join(backupFolder(db.path), info.fileName);

async function waitFor<T>(get: () => T | undefined, what: string, timeoutMs = 3000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = get();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Ventede forgæves på: ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('taking backup copies', () => {
  it('names copies by time and kind in a folder beside the database, and lists them newest first', async () => {
    const db = makeDatabase();
    addNotes(db, 'a', 10);
    const at = () => new Date('2026-11-25T21:40:05.123Z');
    const first = await takeBackup(db, 'manuel', { now: at });
    const second = await takeBackup(db, 'auto', { now: at });
    const third = await takeBackup(db, 'auto', { now: at });
    expect(first.fileName).toBe('tilsyn-2026-11-25T21-40-05-123Z-manuel.db');
    expect(second.fileName).toBe('tilsyn-2026-11-25T21-40-05-123Z-auto.db');
    // The same millisecond and kind: the next millisecond is taken, so no copy overwrites another.
    expect(third.fileName).toBe('tilsyn-2026-11-25T21-40-05-124Z-auto.db');
    expect(backupFolder(db.path)).toBe(join(temp.dir, 'tilsyn-sikkerhedskopier'));
    expect(listBackups(db.path).map((b) => b.fileName)).toEqual([third.fileName, first.fileName, second.fileName]);
    expect(parseBackupFileName(first.fileName)).toEqual({ createdAt: '2026-11-25T21:40:05.123Z', kind: 'manuel' });
    expect(first.sizeBytes).toBe(statSync(pathOf(db, first)).size);
    // One self-contained file: no -wal to carry along, our application_id, intact.
    expect(checkOf(pathOf(db, first))).toEqual({
      integrity: 'ok',
      applicationId: APPLICATION_ID,
      journalMode: 'delete',
    });
    expect(notesIn(pathOf(db, first))).toBe(10);
  });

  it('takes a consistent copy while the app keeps writing, and no other connection can write', async () => {
    const db = makeDatabase();
    addNotes(db, 'før', 5000); // about 300 pages: many steps of 16 pages, with writes in between
    // The app holds the file exclusively (db/open.ts): another program cannot write beside it, not even wait.
    const other = new Database(db.path, { timeout: 50 });
    expect(() => other.prepare('INSERT INTO testnote (tekst) VALUES (?)').run('anden')).toThrow(/locked/);
    other.close();
    const insertOwn = db.sqlite.prepare('INSERT INTO testnote (tekst) VALUES (?)');
    let writing = true;
    let own = 0;
    const writer = (async () => {
      while (writing) {
        await new Promise((r) => setImmediate(r));
        insertOwn.run(`egen ${own++}`);
      }
    })();
    const info = await takeBackup(db, 'auto', { pagesPerStep: 16 });
    writing = false;
    await writer;
    expect(own).toBeGreaterThan(5);
    const file = pathOf(db, info);
    expect(checkOf(file).integrity).toBe('ok');
    expect(notesIn(file, 'før')).toBe(5000);
    // Whatever was written during the copy is either in it or not: the copy is one moment of the database.
    expect(notesIn(file)).toBeLessThanOrEqual(5000 + own);
    expect(notesIn(file, 'anden')).toBe(0);
  });

  it('prunes exactly what the pruning rules let go, and keeps the new copy', async () => {
    const db = makeDatabase();
    addNotes(db, 'a', 5);
    const seed = await takeBackup(db, 'manuel', { now: () => new Date('2026-01-01T12:00:00Z') });
    // Forty days of copies: every 6 hours, plus two manual ones and a pre-upgrade copy 100 days old.
    const now = new Date('2026-11-25T20:40:00Z');
    const folder = backupFolder(db.path);
    const make = (at: Date, kind: BackupInfo['kind']) => {
      const fileName = `tilsyn-${at.toISOString().replace(/[:.]/g, '-')}-${kind}.db`;
      cpSync(pathOf(db, seed), join(folder, fileName));
    };
    for (let i = 1; i <= 160; i++) make(new Date(now.getTime() - i * 6 * 3600_000), 'auto');
    make(new Date('2026-03-01T08:00:00Z'), 'manuel');
    make(new Date('2025-12-24T08:00:00Z'), 'foer-gendannelse');
    make(new Date(now.getTime() - 100 * 86_400_000), 'migrering');
    make(new Date(now.getTime() - 80 * 86_400_000), 'migrering');
    const copenhagen = dayKeyInTimeZone('Europe/Copenhagen');

    const before = listBackups(db.path);
    const taken = await takeBackup(db, 'auto', { now: () => now, pruning: { dayKey: copenhagen } });
    const expected = planPruning([taken, ...before], now, { dayKey: copenhagen })
      .keep.map((k) => k.backup.fileName)
      .sort();
    const after = listBackups(db.path).map((b) => b.fileName);
    expect(after.slice().sort()).toEqual(expected);
    expect(after[0]).toBe(taken.fileName);
    // 10 newest + one a day for 30 days (overlapping today) + 3 asked-for copies + 1 recent pre-upgrade copy.
    expect(after.length).toBeGreaterThan(30);
    expect(after.length).toBeLessThan(before.length);
    expect(after).toContain(seed.fileName);
  });
});

describe('the automatic schedule', () => {
  it('takes a copy when the backend starts', async () => {
    const db = makeDatabase();
    createHandlers({ db, mode: 'browser', version: 'test' });
    const copy = await waitFor(() => listBackups(db.path)[0], 'kopien ved start');
    expect(copy.kind).toBe('auto');
    expect(checkOf(pathOf(db, copy)).integrity).toBe('ok');
  });

  it('copies again only after changes, and stops when the database is closed', async () => {
    const db = makeDatabase();
    const scheduler = startBackupScheduler(db, { intervalMs: 25 });
    await waitFor(() => scheduler.last, 'kopien ved start');
    await sleep(150); // six ticks without changes
    expect(listBackups(db.path)).toHaveLength(1);

    addNotes(db, 'ny', 3);
    const second = await waitFor(
      () => (listBackups(db.path).length === 2 ? listBackups(db.path)[0] : undefined),
      'ny kopi',
    );
    expect(notesIn(pathOf(db, second))).toBe(3);
    await sleep(100);
    expect(listBackups(db.path)).toHaveLength(2);

    // A change just before closing is copied by the close itself; then the timer is gone.
    addNotes(db, 'sidst', 2);
    db.close();
    expect(scheduler.stopped).toBe(true);
    const copies = listBackups(db.path);
    expect(copies).toHaveLength(3);
    expect(notesIn(pathOf(db, copies[0]!))).toBe(5);
    await sleep(100);
    expect(listBackups(db.path)).toHaveLength(3);
  });

  it('takes no copy on close when nothing changed, and stop() waits for a running copy', async () => {
    const db = makeDatabase();
    const scheduler = startBackupScheduler(db, { intervalMs: 60_000 });
    await scheduler.stop();
    expect(listBackups(db.path)).toHaveLength(1); // the one at start, finished before stop() returned
    db.close();
    expect(listBackups(db.path)).toHaveLength(1);
  });
});

describe('restoring a backup copy', () => {
  async function api(db: TilsynDatabase) {
    const handlers = createHandlers({ db, mode: 'browser', version: 'test', backups: false });
    return (method: string, input: unknown) => dispatch(handlers, method, input);
  }

  it('stages the restore, and the next open puts the copy in place with the current one copied aside', async () => {
    const db = makeDatabase();
    const call = await api(db);
    addNotes(db, 'gammel', 4);
    const tag = await call('sikkerhedskopi.tag', {});
    expect(tag.ok).toBe(true);
    const chosen = (tag as { value: BackupInfo }).value;
    expect(chosen.kind).toBe('manuel');
    addNotes(db, 'nyere', 6);

    const listed = await call('sikkerhedskopi.list', {});
    expect(listed).toEqual({ ok: true, value: listBackups(db.path) });
    const result = await call('sikkerhedskopi.gendan', { fileName: chosen.fileName });
    expect(result).toEqual({
      ok: true,
      value: {
        restartRequired: true,
        message: `Sikkerhedskopien fra ${formatDanishDateTime(chosen.createdAt)} gendannes, når Tilsyn startes igen. Den nuværende database er gemt som sikkerhedskopi først.`,
      },
    });
    expect(existsSync(restoreMarkerPath(db.path))).toBe(true);
    const safety = listBackups(db.path).find((b) => b.kind === 'foer-gendannelse');
    expect(safety && notesIn(pathOf(db, safety), 'nyere')).toBe(6);
    // Nothing is replaced while the database is open.
    expect(db.sqlite.prepare('SELECT count(*) FROM testnote').pluck().get()).toBe(10);
    db.close();

    const again = openDatabase(db.path);
    open.push(again);
    expect(again.restored?.restored.fileName).toBe(chosen.fileName);
    expect(again.sqlite.prepare('SELECT count(*) FROM testnote').pluck().get()).toBe(4);
    expect(existsSync(restoreMarkerPath(db.path))).toBe(false);
    // Unchanged since the copy taken at "Gendan": that copy stands for it, and there is only one.
    const asides = listBackups(db.path).filter((b) => b.kind === 'foer-gendannelse');
    expect(asides.map((b) => b.fileName)).toEqual([safety?.fileName]);
    expect(again.restored?.previous).toEqual({ backup: safety });
    expect(again.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
  });

  it('takes no change after "Gendan", says to start again, and the restore is done at the next start', async () => {
    const db = makeDatabase(join('foer', 'tilsyn.db'));
    addNotes(db, 'gammel', 4);
    const chosen = await takeBackup(db, 'manuel');
    const call = await api(db);
    expect((await call('sikkerhedskopi.gendan', { fileName: chosen.fileName })).ok).toBe(true);
    // Written after "Gendan", before the restart, it would be put aside with the file: refused, and said so.
    expect(() => addNotes(db, 'efter', 3)).toThrow(/gendannes, når Tilsyn startes igen\. Start Tilsyn igen/);
    expect(await call('tilsyn.create', validTilsynInput)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('Start Tilsyn igen, før du arbejder videre') },
    });
    // A crash now: the next start still restores the copy, and sets aside the file as it was at "Gendan".
    const copyOfCrash = join(temp.dir, 'nedbrud');
    cpSync(join(temp.dir, 'foer'), copyOfCrash, { recursive: true });
    const crashed = join(copyOfCrash, 'tilsyn.db');
    const again = openDatabase(crashed);
    open.push(again);
    expect(again.sqlite.prepare('SELECT count(*) FROM testnote').pluck().get()).toBe(4);
    expect(again.restored?.restored.fileName).toBe(chosen.fileName);
    addNotes(again, 'ny start', 1);
  });

  it('never prunes the chosen copy while its restore is staged', async () => {
    const db = makeDatabase();
    const call = await api(db);
    addNotes(db, 'valgt', 2);
    // Ten copies from the last seconds: the oldest is the one chosen, and only "the newest 10" keeps it.
    const start = Date.now() - 20_000;
    const copies: BackupInfo[] = [];
    for (let i = 0; i < 10; i++) copies.push(await takeBackup(db, 'auto', { now: () => new Date(start + i * 1000) }));
    const chosen = copies[0]!;
    expect((await call('sikkerhedskopi.gendan', { fileName: chosen.fileName })).ok).toBe(true);
    await takeBackup(db, 'auto');
    await takeBackup(db, 'auto');
    expect(listBackups(db.path).map((b) => b.fileName)).toContain(chosen.fileName);
    expect(listBackups(db.path).map((b) => b.fileName)).not.toContain(copies[1]!.fileName);
    db.close();
    const again = openDatabase(db.path);
    open.push(again);
    expect(again.restored?.restored.fileName).toBe(chosen.fileName);
  });

  it('lists the copy openDatabase takes before a schema upgrade, and can restore it', async () => {
    const db = makeDatabase();
    addNotes(db, 'før-opgradering', 7);
    // The name and place openDatabase's backupBeforeMigration uses.
    const fileName = 'tilsyn.db.foer-opgradering-v3.sqlite';
    db.sqlite.prepare('VACUUM INTO ?').run(join(temp.dir, fileName));
    addNotes(db, 'efter', 1);
    const listed = listBackups(db.path).find((b) => b.fileName === fileName);
    expect(listed).toMatchObject({ kind: 'migrering' });
    stageRestore(db.path, fileName);
    db.close();
    const again = openDatabase(db.path);
    open.push(again);
    expect(again.sqlite.prepare('SELECT count(*) FROM testnote').pluck().get()).toBe(7);
  });

  it('refuses names that are not this database’s copies', async () => {
    const db = makeDatabase();
    const call = await api(db);
    const info = await takeBackup(db, 'manuel');
    // A perfectly good copy, but outside the backup folder.
    cpSync(pathOf(db, info), join(temp.dir, info.fileName));
    for (const fileName of [`../${info.fileName}`, `..\\${info.fileName}`, '/etc/passwd']) {
      const res = await call('sikkerhedskopi.gendan', { fileName });
      expect(res.ok).toBe(false);
      expect((res as { error: { code: string } }).error.code).toBe('VALIDATION');
    }
    for (const fileName of ['..', 'tilsyn.db', 'ukendt.db', 'tilsyn-2026-11-25T21-40-05-123Z-auto.db']) {
      const res = await call('sikkerhedskopi.gendan', { fileName });
      expect(res).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect((res as { error: { message: string } }).error.message).toMatch(/findes ikke/);
    }
    expect(() => stageRestore(db.path, `../${info.fileName}`)).toThrow(BackupError);
    expect(existsSync(restoreMarkerPath(db.path))).toBe(false);
  });

  it('refuses a damaged copy, and a staged copy that was damaged before the restart changes nothing', async () => {
    const db = makeDatabase();
    addNotes(db, 'a', 500);
    const info = await takeBackup(db, 'manuel');
    const file = pathOf(db, info);
    stageRestore(db.path, info.fileName);
    db.close();
    damagePage(file);
    const before = sha256(db.path);

    let error: unknown;
    try {
      openDatabase(db.path);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(DatabaseOpenError);
    expect((error as DatabaseOpenError).code).toBe('RESTORE_FAILED');
    expect((error as Error).message).toMatch(/blev ikke udført.*beskadiget.*ikke ændret/);
    expect(sha256(db.path)).toBe(before);
    expect(existsSync(`${restoreMarkerPath(db.path)}.afvist`)).toBe(true);
    // Next start: the current database, as it was.
    const again = openDatabase(db.path);
    open.push(again);
    expect(again.sqlite.prepare('SELECT count(*) FROM testnote').pluck().get()).toBe(500);

    const call = await api(again);
    const res = await call('sikkerhedskopi.gendan', { fileName: info.fileName });
    expect(res).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((res as { error: { message: string } }).error.message).toMatch(/kan ikke gendannes: den er beskadiget/);
  });
});

/** Overwrites 512 bytes in the middle of a page in the middle of the file. */
/** Overwrites the headers of the pages in the second half of the file: whatever the schema, b-tree pages break. */
function damagePage(file: string): void {
  const pages = statSync(file).size / 4096;
  const fd = openSync(file, 'r+');
  for (let page = Math.floor(pages / 2); page < pages; page++)
    writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, page * 4096);
  closeSync(fd);
}

describe('opening a damaged database', () => {
  let original: string;
  let newest: BackupInfo;

  beforeEach(async () => {
    const db = makeDatabase();
    addNotes(db, 'første', 1000);
    await takeBackup(db, 'auto', { now: () => new Date('2026-11-24T08:00:00Z') });
    addNotes(db, 'anden', 1000);
    newest = await takeBackup(db, 'auto', { now: () => new Date('2026-11-25T20:40:00Z') });
    addNotes(db, 'tredje', 1000); // after the newest copy: lost with the damaged file
    db.close();
    original = db.path;
  });

  /** A copy of the database and its backup folder, with the database file damaged by `damage`. */
  function damagedCopy(name: string, damage: (file: string) => void): string {
    const dir = join(temp.dir, name);
    cpSync(original, join(dir, 'tilsyn.db'));
    cpSync(backupFolder(original), backupFolder(join(dir, 'tilsyn.db')), { recursive: true });
    const file = join(dir, 'tilsyn.db');
    damage(file);
    return file;
  }

  it.each([
    ['bytes overwritten in the middle of a page', damagePage],
    ['truncated to half', (file: string) => truncateSync(file, Math.floor(statSync(file).size / 8192) * 4096)],
    ['truncated off a page boundary', (file: string) => truncateSync(file, Math.floor(statSync(file).size / 3) + 100)],
  ])('refuses a file with %s, names the newest good copy, and restores it on request', (name, damage) => {
    const file = damagedCopy(name.replace(/\W+/g, '-'), damage);
    const before = sha256(file);

    let error: unknown;
    try {
      openDatabase(file);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(DatabaseOpenError);
    const openError = error as DatabaseOpenError;
    expect(openError.code).toBe('DAMAGED');
    expect(openError.message).toMatch(/er beskadiget.*Intet er ændret i filen/);
    expect(openError.message).toContain(`fra ${formatDanishDateTime(newest.createdAt)}`);
    expect(openError.message).toContain(newest.fileName);
    expect(openError.message).toContain('den nuværende fil ved siden af, så intet slettes');
    expect(openError.newestGoodBackup?.fileName).toBe(newest.fileName);
    expect(sha256(file)).toBe(before);

    const staged = stageRestore(file, newest.fileName);
    expect(staged.message).toMatch(/gendannes, når Tilsyn startes igen/);
    expect(sha256(file)).toBe(before);
    const db = openDatabase(file);
    open.push(db);
    const count = (prefix: string) =>
      db.sqlite.prepare("SELECT count(*) FROM testnote WHERE tekst LIKE ? || ' %'").pluck().get(prefix);
    expect([count('første'), count('anden'), count('tredje')]).toEqual([1000, 1000, 0]);
    expect(db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    // The damaged file is kept beside it, byte for byte.
    const previous = db.restored?.previous;
    expect(previous && 'path' in previous).toBe(true);
    expect(sha256((previous as { path: string }).path)).toBe(before);
  });

  it('says so when no copy is in order', () => {
    const file = damagedCopy('uden-kopier', damagePage);
    for (const b of listBackups(file)) damagePage(findBackup(file, b.fileName)!.path);
    expect(() => openDatabase(file)).toThrow(/ingen sikkerhedskopi, der er i orden/);
  });
});

describe('file permissions', () => {
  it.runIf(process.platform !== 'win32')('lets only the owner read the database and its backup copies', () => {
    const dir = makeTempDir('tilsyn-perm-');
    try {
      const db = openDatabase(join(dir.dir, 'tilsyn.db'));
      const backup = takeBackupSync(db, 'manuel');
      expect(statSync(db.path).mode & 0o777).toBe(0o600);
      expect(statSync(join(backupFolder(db.path), backup.fileName)).mode & 0o777).toBe(0o600);
      expect(statSync(backupFolder(db.path)).mode & 0o777).toBe(0o700);
      db.close();
    } finally {
      dir.cleanup();
    }
  });
});
