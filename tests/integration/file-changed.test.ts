import {
  copyFileSync,
  existsSync,
  renameSync,
  rmSync,
  statSync,
  truncateSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { listBackups, stageRestore, takeBackup } from '../../db/backup';
import { lockPath } from '../../db/lock';
import { openDatabase } from '../../db/open';
import { ApiError } from '../../shared/api/errors';
import { openRefusal, openTestApi, type TestApi } from '../support/api';
import { crash, otherCopy } from '../support/other-copy';
import { makeTempDir, validTilsynInput } from '../support/temp';

// Issue #11 point 2: the file changing under the app. Real files, real unlink/rename/truncate.
let t: TestApi;
afterEach(() => t?.close());

const titles = (path: string) => {
  const probe = new Database(path, { readonly: true });
  try {
    return probe.prepare('SELECT titel FROM tilsyn ORDER BY id').pluck().all();
  } finally {
    probe.close();
  }
};

async function refusedWrite(api: TestApi['api']): Promise<ApiError> {
  try {
    await api.call('tilsyn.create', { ...validTilsynInput, titel: 'Efter ændringen' });
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error('Ændringen blev gemt');
}

const COLLEAGUES = Array.from({ length: 20 }, (_, i) => `Kollegaens tilsyn ${i}`);

/** The leader's open file with five tilsyn, and beside it a colleague's file (kollega.db) with twenty. */
async function ownAndColleaguesFile(): Promise<void> {
  t = openTestApi();
  const other = openTestApi({ dir: t.dir, file: 'kollega.db' });
  for (const titel of COLLEAGUES) await other.api.call('tilsyn.create', { ...validTilsynInput, titel });
  other.close();
  for (let i = 0; i < 5; i++) await t.api.call('tilsyn.create', { ...validTilsynInput, titel: `Mit tilsyn ${i}` });
}

describe('the open file changes under the app', () => {
  it.each([
    ['deleted', (path: string) => unlinkSync(path), /slettet eller flyttet/],
    ['renamed away', (path: string) => renameSync(path, `${path}.flyttet`), /slettet eller flyttet/],
  ])('%s: the next save is refused in Danish, and the session’s work is rescued at once', async (_, change, what) => {
    t = openTestApi();
    await t.api.call('tilsyn.create', validTilsynInput);
    await takeBackup(t.db, 'manuel');
    // Work after the newest copy: only the open connection still has it once the file is gone.
    await t.api.call('tilsyn.create', { ...validTilsynInput, titel: 'Efter kopien' });
    change(t.path);
    const err = await refusedWrite(t.api);
    expect(err.code).toBe('FILE_CHANGED');
    expect(err.message).toMatch(what);
    expect(err.message).toContain('Tilsyn gemmer ikke mere');
    expect(err.message).toMatch(/Alt, hvad der var gemt indtil da, er reddet i sikkerhedskopien fra .*-reddet\.db/);
    expect(err.message).toContain('Gendan den under Indstillinger › Sikkerhedskopier');
    expect(err.message).not.toContain('--gendan');
    // The leader can still look, and list the copies to restore one: the rescued copy is the newest.
    expect(await t.api.call('tilsyn.list', {})).toHaveLength(2);
    const [rescued] = await t.api.call('sikkerhedskopi.list', {});
    expect(rescued?.kind).toBe('reddet');
    expect(err.message).toContain(rescued?.fileName);
    // A backup of a file that is gone is refused too, with the same answer.
    await expect(t.api.call('sikkerhedskopi.tag', {})).rejects.toMatchObject({
      code: 'FILE_CHANGED',
      message: err.message,
    });
    expect(existsSync(t.path)).toBe(false);
    // Restored as the message says: the work of the session is all there.
    await t.api.call('sikkerhedskopi.gendan', { fileName: rescued?.fileName ?? '' });
    t.reopen();
    expect((await t.api.call('tilsyn.list', {})).map((x) => x.titel).sort()).toEqual(
      [validTilsynInput.titel, 'Efter kopien'].sort(),
    );
  });

  it.each([
    ['emptied', (path: string) => truncateSync(path, 0)],
    ['cut to half', (path: string) => truncateSync(path, 4096 * 2)],
  ])('%s by another program while open: refused at the next save, nothing written into it', async (_, cut) => {
    t = openTestApi();
    for (let i = 0; i < 30; i++) await t.api.call('tilsyn.create', { ...validTilsynInput, titel: `Tilsyn ${i}` });
    const copy = await takeBackup(t.db, 'manuel');
    // Everything in the file itself, so cutting it loses pages.
    t.db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    cut(t.path);
    const size = statSync(t.path).size;
    const err = await refusedWrite(t.api);
    expect(err.code).toBe('FILE_CHANGED');
    expect(err.message).toMatch(/er blevet tømt eller afkortet af et andet program/);
    // Where the work is: a rescue copy when the connection could still read all of it, else the newest good one.
    expect(err.message).toMatch(new RegExp(`er reddet i sikkerhedskopien|${copy.fileName}`));
    expect(statSync(t.path).size).toBe(size);
  });

  it('replaced by another Tilsyn file: nothing is written into the newcomer, also not after a crash', async () => {
    t = openTestApi();
    const other = openTestApi({ dir: t.dir, file: 'kollega.db' });
    await other.api.call('tilsyn.create', { ...validTilsynInput, titel: 'Kollegaens tilsyn' });
    other.close();
    await t.api.call('tilsyn.create', validTilsynInput);
    // The colleague's file is put in place of the open one (as a copy over it, or a restore by hand).
    renameSync(join(t.dir, 'kollega.db'), t.path);
    const err = await refusedWrite(t.api);
    expect(err.code).toBe('FILE_CHANGED');
    expect(err.message).toMatch(/erstattet af en anden fil/);
    // A crash now: the open file's -wal is left beside the newcomer, as SIGKILL would leave it.
    const crashed = join(t.dir, 'efter-nedbrud.db');
    copyFileSync(t.path, crashed);
    if (existsSync(`${t.path}-wal`)) copyFileSync(`${t.path}-wal`, `${crashed}-wal`);
    expect(titles(crashed)).toEqual(['Kollegaens tilsyn']);
    t.db.close();
    expect(titles(t.path)).toEqual(['Kollegaens tilsyn']);
  });

  it('written over in place (a copy laid over it): refused, and the other file never gets this one’s pages', async () => {
    await ownAndColleaguesFile();
    const copy = await takeBackup(t.db, 'manuel');
    // Same file, new content: `cp kollega.db tilsyn.db` keeps the inode.
    copyFileSync(join(t.dir, 'kollega.db'), t.path);
    const err = await refusedWrite(t.api);
    expect(err.code).toBe('FILE_CHANGED');
    expect(err.message).toMatch(/er blevet overskrevet af et andet program/);
    expect(err.message).toContain(copy.fileName);
    await expect(refusedWrite(t.api)).resolves.toMatchObject({ message: err.message });
    // The colleague's file is kept aside as it was laid there, whatever happens to this connection from now on.
    const aside = /gemt uændret som (\S+) og lægges tilbage/.exec(err.message)?.[1] ?? '';
    expect(titles(aside)).toEqual(COLLEAGUES);
    // Closing checkpoints into the file; then the colleague's file is put back exactly as it was laid there.
    t.db.close();
    expect(existsSync(`${t.path}-wal`)).toBe(false);
    expect(existsSync(aside)).toBe(false);
    expect(titles(t.path)).toEqual(COLLEAGUES);
  });

  it('copied over while the app is idle: closing does not put this connection’s pages into it', async () => {
    await ownAndColleaguesFile();
    // No save after the copy: only closing can notice it.
    copyFileSync(join(t.dir, 'kollega.db'), t.path);
    t.db.close();
    expect(titles(t.path)).toEqual(COLLEAGUES);
  });

  it('an older copy of it laid back (same length, same first page): refused once the file was fingerprinted', async () => {
    t = openTestApi();
    const { id } = await t.api.call('tilsyn.create', { ...validTilsynInput, titel: 'Første titel' });
    t.db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const older = join(t.dir, 'ældre.db');
    copyFileSync(t.path, older);
    // A change of the same length, put into the file itself: its size and first page stay as they were.
    await t.api.call('tilsyn.update', { id, data: { ...validTilsynInput, titel: 'Anden titel!' } });
    t.db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    // The file is quiet for a moment: the app fingerprints it.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    copyFileSync(older, t.path);
    const err = await refusedWrite(t.api);
    expect(err.code).toBe('FILE_CHANGED');
    expect(err.message).toMatch(/er blevet overskrevet af et andet program/);
  });

  it('touched (only its time changed, as a sync tool does): saves go on, nothing is lost', async () => {
    t = openTestApi();
    await t.api.call('tilsyn.create', { ...validTilsynInput, titel: 'Før' });
    const later = new Date(Date.now() + 60_000);
    utimesSync(t.path, later, later);
    await t.api.call('tilsyn.create', { ...validTilsynInput, titel: 'Efter' });
    // Also once the file has been fingerprinted: the whole file is compared, and it is the same.
    t.db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const evenLater = new Date(Date.now() + 120_000);
    utimesSync(t.path, evenLater, evenLater);
    await t.api.call('tilsyn.create', { ...validTilsynInput, titel: 'Sidst' });
    t.reopen();
    expect((await t.api.call('tilsyn.list', {})).map((x) => x.titel).sort()).toEqual(['Efter', 'Før', 'Sidst']);
  });

  it('a file put back where it was takes saves again', async () => {
    t = openTestApi();
    renameSync(t.path, `${t.path}.væk`);
    await refusedWrite(t.api);
    renameSync(`${t.path}.væk`, t.path);
    await t.api.call('tilsyn.create', validTilsynInput);
    t.db.close();
    expect(titles(t.path)).toEqual([validTilsynInput.titel]);
  });
});

describe('an empty or cut-short file with copies beside it', () => {
  it('is refused as damaged with the newest good copy named, however often it is started', async () => {
    t = openTestApi();
    await t.api.call('tilsyn.create', validTilsynInput);
    const copy = await takeBackup(t.db, 'auto');
    t.db.close();
    truncateSync(t.path, 0);
    for (let start = 0; start < 11; start++) {
      const err = openRefusal(t.path);
      expect(err.code).toBe('DAMAGED');
      expect(err.message).toContain('tom (0 byte)');
      expect(err.newestGoodBackup?.fileName).toBe(copy.fileName);
    }
    expect(listBackups(t.path).map((b) => b.fileName)).toEqual([copy.fileName]);
  });

  it('is refused when cut short inside its pages, and a new name still makes a new database', async () => {
    t = openTestApi();
    t.db.sqlite.exec('CREATE TABLE fyld (x BLOB)');
    t.db.sqlite.prepare('INSERT INTO fyld VALUES (randomblob(200000))').run();
    const copy = await takeBackup(t.db, 'auto');
    t.db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    t.db.close();
    truncateSync(t.path, 8192);
    expect(openRefusal(t.path)).toMatchObject({ code: 'DAMAGED', newestGoodBackup: { fileName: copy.fileName } });
    const fresh = openDatabase(join(t.dir, 'ny.db'));
    expect(fresh.schemaVersion).toBeGreaterThan(0);
    fresh.close();
  });
});

describe('a file that is gone, with copies of it beside it', () => {
  it('is not made a new, empty database: the newest good copy is offered, and restoring it gives the work back', async () => {
    t = openTestApi();
    await t.api.call('tilsyn.create', validTilsynInput);
    const copy = await takeBackup(t.db, 'manuel');
    t.db.close();
    unlinkSync(t.path);
    const err = openRefusal(t.path);
    expect(err.code).toBe('MISSING');
    expect(err.message).toMatch(/findes ikke, men der ligger sikkerhedskopier med arbejde i/);
    expect(err.newestGoodBackup?.fileName).toBe(copy.fileName);
    expect(existsSync(t.path)).toBe(false);
    stageRestore(t.path, copy.fileName);
    t.reopen();
    expect((await t.api.call('tilsyn.list', {})).map((x) => x.titel)).toEqual([validTilsynInput.titel]);
  });
});

describe('a crash, and another file in its place before the next start', () => {
  it('sets the crashed run’s -wal aside instead of replaying it into the newcomer, and says so once', async () => {
    const temp = makeTempDir();
    try {
      const path = join(temp.dir, 'tilsyn.db');
      const colleague = openTestApi({ dir: temp.dir, file: 'kollega.db' });
      for (let i = 0; i < 3; i++)
        await colleague.api.call('tilsyn.create', { ...validTilsynInput, titel: `Kollegaens tilsyn ${i}` });
      colleague.close();
      const child = await otherCopy(path, temp.dir);
      expect(existsSync(`${path}-wal`)).toBe(true);
      // The colleague's file is moved in place of the open one, and the app crashes before its next save.
      renameSync(join(temp.dir, 'kollega.db'), path);
      await crash(child);
      const err = openRefusal(path);
      expect(err.code).toBe('WAL_NOT_THIS_FILE');
      expect(err.message).toMatch(/er blevet udskiftet siden.*lagt til side som .*tilsyn-forladt/);
      const again = openDatabase(path);
      expect(again.sqlite.prepare('SELECT titel FROM tilsyn ORDER BY id').pluck().all()).toEqual([
        'Kollegaens tilsyn 0',
        'Kollegaens tilsyn 1',
        'Kollegaens tilsyn 2',
      ]);
      expect(again.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      again.close();
    } finally {
      temp.cleanup();
    }
  }, 20_000);
});

describe('a crash-left lock and a missing -wal', () => {
  it('is reported once at open, naming the newest good copy; the next start opens the file as it is', async () => {
    const temp = makeTempDir();
    try {
      const path = join(temp.dir, 'tilsyn.db');
      t = openTestApi({ dir: temp.dir });
      await t.api.call('tilsyn.create', validTilsynInput);
      const copy = await takeBackup(t.db, 'auto');
      t.db.close();
      // What a crash leaves: the lock of a process that is gone; then the -wal is deleted by hand.
      writeFileSync(
        lockPath(path),
        JSON.stringify({
          app: 'Tilsyn',
          pid: 2 ** 22 + 1,
          host: hostname(),
          startedAt: new Date().toISOString(),
          heartbeat: new Date().toISOString(),
        }),
      );
      rmSync(`${path}-wal`, { force: true });
      const err = openRefusal(path);
      expect(err.code).toBe('WAL_MISSING');
      expect(err.message).toMatch(/kan derfor mangle/);
      expect(err.message).toContain(copy.fileName);
      expect(existsSync(lockPath(path))).toBe(false);
      const again = openDatabase(path);
      again.close();
    } finally {
      temp.cleanup();
    }
  });
});

describe('pruning real copies after the work was emptied out', () => {
  it('keeps the good copy through eleven copies of an empty database', async () => {
    t = openTestApi();
    for (let i = 0; i < 3; i++) await t.api.call('tilsyn.create', { ...validTilsynInput, titel: `Runde ${i}` });
    const minute = (n: number) => () => new Date(Date.UTC(2026, 10, 20, 8, n));
    const good = await takeBackup(t.db, 'auto', { now: minute(0) });
    t.db.sqlite.exec('DELETE FROM tilsyn');
    for (let n = 1; n <= 11; n++) await takeBackup(t.db, 'auto', { now: minute(n) });
    const kept = listBackups(t.path).map((b) => b.fileName);
    expect(kept).toContain(good.fileName);
    expect(titles(join(t.dir, 'tilsyn-sikkerhedskopier', good.fileName))).toHaveLength(3);
  });
});
