import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../db/migrations';
import { APPLICATION_ID, DatabaseOpenError, LATEST_SCHEMA_VERSION, openDatabase } from '../../db/open';
import { createTilsynStore } from '../../db/tilsyn-store';
import { tilsynInputSchema } from '../../shared/domain/tilsyn';
import { makeTempDir, validTilsynInput } from '../support/temp';
import { seedTemplates } from '../support/templates';

const input = tilsynInputSchema.parse(validTilsynInput);
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.cleanup());

describe('opening a database file', () => {
  it('creates the file with the schema, WAL and foreign keys on', () => {
    const db = openDatabase(join(temp.dir, 'ny', 'mappe', 'tilsyn.db'));
    expect(db.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.sqlite.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.sqlite.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    const tables = db.sqlite.prepare("SELECT name FROM sqlite_schema WHERE type='table' ORDER BY name").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['sag', 'tilsyn', 'skabelon', 'skabelon_version']));
    db.close();
  });

  it('keeps what was created across closing and reopening', () => {
    const path = join(temp.dir, 'tilsyn.db');
    const first = openDatabase(path);
    seedTemplates(first);
    const created = createTilsynStore(first).create(input);
    first.close();

    const again = openDatabase(path);
    const listed = createTilsynStore(again).list();
    expect(listed).toHaveLength(1);
    expect(createTilsynStore(again).get(created.id)).toMatchObject(input);
    const { formaal: _, fokus: __, ...listedFields } = input;
    expect(listed[0]).toMatchObject({
      ...listedFields,
      id: created.id,
      status: 'planlaegning',
      antalSager: 0,
      skabelonNavn: 'Børn og unge – overordnet',
      skabelonVersionNummer: 1,
    });
    again.close();
  });

  it('refuses a file made by a newer version and leaves it untouched', () => {
    const path = join(temp.dir, 'fremtid.db');
    openDatabase(path).close();
    const raw = new Database(path);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    raw.pragma('journal_mode = DELETE'); // a single file, so its bytes can be compared
    raw.close();
    const before = sha256(path);

    let error: unknown;
    try {
      openDatabase(path);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(DatabaseOpenError);
    expect((error as DatabaseOpenError).code).toBe('SCHEMA_TOO_NEW');
    expect((error as Error).message).toMatch(/nyere version af Tilsyn.*ikke ændret/);
    expect(sha256(path)).toBe(before);
  });

  it('refuses another program’s SQLite database and leaves it untouched', () => {
    const path = join(temp.dir, 'andet.db');
    const other = new Database(path);
    other.exec('CREATE TABLE kunder (id INTEGER PRIMARY KEY, navn TEXT)');
    other.close();
    const before = sha256(path);
    expect(() => openDatabase(path)).toThrow(/ikke fra Tilsyn/);
    expect(sha256(path)).toBe(before);
  });

  it('refuses a file that is not a database at all', () => {
    const path = join(temp.dir, 'noter.db');
    writeFileSync(path, 'Dette er en tekstfil, ikke en database. '.repeat(200));
    const before = sha256(path);
    expect(() => openDatabase(path)).toThrow(/ikke en gyldig Tilsyn-database/);
    expect(sha256(path)).toBe(before);
  });

  it('never makes an existing empty file a new database: refused untouched, naming how to start a new one', () => {
    // Issue #11: an empty file may be a Tilsyn file that lost its contents; the app itself never leaves one.
    const path = join(temp.dir, 'tom.db');
    writeFileSync(path, '');
    expect(() => openDatabase(path)).toThrow(/er tom \(0 byte\).*ikke ændret.*filnavn, der ikke findes/);
    expect(readFileSync(path)).toHaveLength(0);
    const fresh = openDatabase(join(temp.dir, 'ny.db'));
    expect(fresh.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    fresh.close();
  });

  it('ships exactly the migrations drizzle-kit generated', () => {
    const dir = join(import.meta.dirname, '..', '..', 'db', 'migrations');
    const journal = JSON.parse(readFileSync(join(dir, 'meta', '_journal.json'), 'utf8')) as {
      entries: { tag: string }[];
    };
    expect(MIGRATIONS.map((m) => m.tag)).toEqual(journal.entries.map((e) => e.tag));
    for (const m of MIGRATIONS) expect(m.sql).toBe(readFileSync(join(dir, `${m.tag}.sql`), 'utf8'));
  });
});

describe('tilsyn store', () => {
  it('lists the newest period first, with progress from the sampled sager', () => {
    const db = openDatabase(join(temp.dir, 'tilsyn.db'));
    seedTemplates(db);
    const store = createTilsynStore(db);
    const q1 = store.create(input);
    const q2 = store.create({ ...input, titel: 'Q2', periodeFra: '2026-04-01', periodeTil: '2026-06-30' });
    const addSag = db.sqlite.prepare('INSERT INTO sag (tilsyn_id, sagsnummer, status) VALUES (?, ?, ?)');
    addSag.run(q1.id, 'S-1', 'faerdig');
    addSag.run(q1.id, 'S-2', 'i_gang');
    addSag.run(q1.id, 'S-3', 'udgaaet');

    const listed = store.list();
    expect(listed.map((t) => t.titel)).toEqual(['Q2', input.titel]);
    expect(listed.find((t) => t.id === q1.id)).toMatchObject({ antalSager: 2, antalFaerdige: 1 });
    expect(listed.find((t) => t.id === q2.id)).toMatchObject({ antalSager: 0, antalFaerdige: 0 });
    db.close();
  });

  it('updates a tilsyn and stamps the change', () => {
    let clock = new Date('2026-01-05T09:00:00Z');
    const db = openDatabase(join(temp.dir, 'tilsyn.db'));
    seedTemplates(db);
    const store = createTilsynStore(db, () => clock);
    const created = store.create(input);
    clock = new Date('2026-01-06T10:30:00Z');
    const updated = store.update(created.id, { ...input, fokus: 'Opfølgning' });
    expect(updated).toMatchObject({ fokus: 'Opfølgning', oprettet: '2026-01-05T09:00:00.000Z' });
    expect(updated?.aendret).toBe('2026-01-06T10:30:00.000Z');
    expect(store.update(9999, input)).toBeUndefined();
    db.close();
  });

  it('refuses a period that ends before it starts even past the schema check', () => {
    const db = openDatabase(join(temp.dir, 'tilsyn.db'));
    seedTemplates(db);
    expect(() =>
      createTilsynStore(db).create({ ...input, periodeFra: '2026-05-01', periodeTil: '2026-04-01' }),
    ).toThrow(/CHECK constraint/);
    expect(createTilsynStore(db).list()).toHaveLength(0);
    db.close();
  });
});
