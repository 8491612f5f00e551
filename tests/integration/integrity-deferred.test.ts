import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, statSync, utimesSync, writeSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { listBackups } from '../../db/backup';
import { markPath, markWhole } from '../../db/integrity';
import { openRefusal, openTestApi, type TestApi } from '../support/api';
import { validTilsynInput } from '../support/temp';

// Issue #18: the integrity check read the whole file before the first screen of every start. A file found exactly
// as the app left it after a check it passed is checked just after the start instead, before its first write or
// backup; any other file is checked at open as before. These tests damage files both ways.
let t: TestApi | undefined;
afterEach(() => {
  t?.close();
  t = undefined;
});

/** A file with some pages of sager: enough for the check to read, and a page to damage. */
async function fileWithWork(): Promise<TestApi> {
  const made = openTestApi({ prefix: 'tilsyn-integritet-' });
  made.db.sqlite.exec('CREATE TABLE fyld (x BLOB)');
  for (let i = 0; i < 40; i++) made.db.sqlite.prepare('INSERT INTO fyld VALUES (randomblob(4000))').run();
  await made.api.call('tilsyn.create', validTilsynInput);
  return made;
}

/** Bytes over the start of the last pages (the filler's, written last): as a failing disk leaves them. */
function damagePages(file: string): void {
  const pages = statSync(file).size / 4096;
  const fd = openSync(file, 'r+');
  for (let page = pages - 20; page < pages; page++) writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, page * 4096);
  closeSync(fd);
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('the integrity check of a file the app left whole', () => {
  it('is marked at a clean close, and a file changed since is checked and refused at open as before', async () => {
    t = await fileWithWork();
    t.db.close();
    expect(existsSync(markPath(t.path))).toBe(true);
    damagePages(t.path);
    expect(openRefusal(t.path).code).toBe('DAMAGED');
    // Its time set back after the damage: the change time still tells.
    const before = statSync(t.path);
    utimesSync(t.path, before.atime, before.mtime);
    expect(openRefusal(t.path).code).toBe('DAMAGED');
  });

  it('finds damage the disk made unseen just after the start: no write, no backup, and the leader is told', async () => {
    t = await fileWithWork();
    t.db.close();
    // Bytes changed with nothing to show for it (a failing disk): the file looks as the app left it.
    damagePages(t.path);
    markWhole(t.path, new Date());
    const damagedBytes = sha256(t.path);
    t.reopen();
    // The first screen is read …
    expect((await t.api.call('tilsyn.list', {})).length).toBeGreaterThanOrEqual(0);
    // … but the first change runs the check, and is refused in Danish; so is every later one, and a backup.
    await expect(t.api.call('tilsyn.create', validTilsynInput)).rejects.toMatchObject({
      code: 'DAMAGED',
      message: expect.stringMatching(/er beskadiget.*Intet er ændret i filen/),
    });
    await expect(t.api.call('tilsyn.create', validTilsynInput)).rejects.toMatchObject({ code: 'DAMAGED' });
    await expect(t.api.call('sikkerhedskopi.tag', {})).rejects.toMatchObject({ code: 'DAMAGED' });
    expect(listBackups(t.path)).toEqual([]);
    expect((await t.api.call('app.info', {})).beskadiget).toMatchObject({
      besked: expect.stringMatching(/er beskadiget/),
      sikkerhedskopi: false,
    });
    t.db.close();
    expect(sha256(t.path)).toBe(damagedBytes);
    // Not marked whole at this close: the next start checks it at open, and refuses it.
    expect(existsSync(markPath(t.path))).toBe(false);
    expect(openRefusal(t.path).code).toBe('DAMAGED');
  });

  it('restores a good copy in its place on request, and the restored file takes changes again', async () => {
    t = await fileWithWork();
    const good = await t.api.call('sikkerhedskopi.tag', {});
    t.db.close();
    damagePages(t.path);
    markWhole(t.path, new Date());
    t.reopen();
    await expect(t.api.call('tilsyn.create', validTilsynInput)).rejects.toMatchObject({ code: 'DAMAGED' });
    expect((await t.api.call('app.info', {})).beskadiget?.sikkerhedskopi).toBe(true);
    // No copy of the damaged file is filed among the good ones first: it is set aside beside them instead.
    const staged = await t.api.call('sikkerhedskopi.gendan', { fileName: good.fileName });
    expect(staged.message).toContain('Den nuværende databasefil gemmes ved siden af først');
    expect(listBackups(t.path).map((b) => b.kind)).not.toContain('foer-gendannelse');
    t.reopen();
    expect((await t.api.call('app.info', {})).beskadiget).toBeNull();
    await t.api.call('tilsyn.create', validTilsynInput);
    expect(await t.api.call('tilsyn.list', {})).toHaveLength(2);
  });

  it('runs the check by itself shortly after the start, so the screen says it before any save', async () => {
    t = await fileWithWork();
    t.db.close();
    damagePages(t.path);
    markWhole(t.path, new Date());
    t.reopen();
    expect((await t.api.call('app.info', {})).beskadiget).toBeNull();
    await vi.waitFor(
      async () => expect((await t?.api.call('app.info', {}))?.beskadiget?.besked).toMatch(/beskadiget/),
      {
        timeout: 5000,
        interval: 100,
      },
    );
  });

  it('lets a whole file start without the check first, and checks it all the same before the first save', async () => {
    t = await fileWithWork();
    t.db.close();
    t.reopen();
    await t.api.call('tilsyn.create', validTilsynInput);
    expect((await t.api.call('app.info', {})).beskadiget).toBeNull();
    expect((await t.api.call('tilsyn.list', {})).length).toBe(2);
  });
});
