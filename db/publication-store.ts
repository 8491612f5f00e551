import { sagsnummerKey } from '../shared/domain/identifying-numbers';
import { nameKeys } from '../shared/domain/name-keys';
import type { PublicDocument } from '../shared/domain/publication';
import type { HashedIdentifiers, KnownIdentifiers } from '../shared/domain/scrub';
import { fileKey, keyedHasher } from './file-key';
import type { TilsynDatabase } from './open';

/**
 * The publication check's memory (issue #12): the passages a leader marked as not identifying, by the hash of the
 * text they stand in and their place in it, and every sagsnummer and caseworker name the database knows, which the
 * check looks for in any spelling.
 */
export function createPublicationStore(db: TilsynDatabase, now: () => Date = () => new Date()) {
  const { sqlite } = db;
  const marksOf = sqlite.prepare<[number, PublicDocument], { h: string; s: number; e: number }>(
    'SELECT tekst_hash AS h, start AS s, slut AS e FROM publicering_godkendt WHERE tilsyn_id = ? AND dokument = ?',
  );
  const insert = sqlite.prepare(
    `INSERT INTO publicering_godkendt (tilsyn_id, dokument, tekst_hash, start, slut, markeret) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT DO NOTHING`,
  );
  const remove = sqlite.prepare(
    'DELETE FROM publicering_godkendt WHERE tilsyn_id = ? AND dokument = ? AND tekst_hash = ? AND start = ? AND slut = ?',
  );
  const unitMarksOf = sqlite.prepare<[number], { h: string; s: number; e: number }>(
    'SELECT tekst_hash AS h, start AS s, slut AS e FROM periode_godkendt WHERE enhed_id = ?',
  );
  const insertUnit = sqlite.prepare(
    `INSERT INTO periode_godkendt (enhed_id, tekst_hash, start, slut, markeret) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT DO NOTHING`,
  );
  const removeUnit = sqlite.prepare(
    'DELETE FROM periode_godkendt WHERE enhed_id = ? AND tekst_hash = ? AND start = ? AND slut = ?',
  );
  const key = (hash: string, start: number, end: number) => `${hash}:${start}:${end}`;
  const markedBy = (rows: { h: string; s: number; e: number }[]) => {
    const set = new Set(rows.map((m) => key(m.h, m.s, m.e)));
    return (hash: string, start: number, end: number) => set.has(key(hash, start, end));
  };
  // Names and numbers of every population, sample and change log, also of other tilsyn and earlier rounds. (The
  // sagsoverblik's lists are left out: they hold every caseworker of the file's enheder, whose surnames, »Nord« or
  // »Lund«, would refuse enhed names in reports that cannot be marked.)
  const sagsnumre = sqlite.prepare<[], { v: string }>(
    `SELECT sagsnummer AS v FROM population_sag UNION SELECT sagsnummer FROM sag
     UNION SELECT sagsnummer FROM tilsyn_log WHERE sagsnummer IS NOT NULL`,
  );
  const names = sqlite.prepare<[], { v: string }>(
    `SELECT sagsbehandler AS v FROM population_sag WHERE sagsbehandler <> ''
     UNION SELECT sagsbehandler FROM refleksion WHERE sagsbehandler IS NOT NULL AND sagsbehandler <> ''`,
  );
  // One tilsyn's names and sagsnumre, read before its case-level data is deleted.
  const namesOfTilsyn = sqlite.prepare<[{ t: number }], { v: string }>(
    `SELECT p.sagsbehandler AS v FROM population_sag p JOIN population po ON po.id = p.population_id
     WHERE po.tilsyn_id = @t AND p.sagsbehandler <> ''
     UNION SELECT sagsbehandler FROM refleksion WHERE tilsyn_id = @t AND sagsbehandler IS NOT NULL AND sagsbehandler <> ''`,
  );
  const numbersOfTilsyn = sqlite.prepare<[{ t: number }], { v: string }>(
    `SELECT p.sagsnummer AS v FROM population_sag p JOIN population po ON po.id = p.population_id WHERE po.tilsyn_id = @t
     UNION SELECT sagsnummer FROM sag WHERE tilsyn_id = @t
     UNION SELECT sagsnummer FROM tilsyn_log WHERE tilsyn_id = @t AND sagsnummer IS NOT NULL`,
  );
  const remember = sqlite.prepare(
    'INSERT INTO slettet_identifikator (art, hash, laengde) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
  );
  const remembered = sqlite.prepare<
    [],
    { art: 'navn' | 'initialer' | 'skelet' | 'skelet_initialer' | 'sagsnummer'; hash: string; laengde: number }
  >('SELECT art, hash, laengde FROM slettet_identifikator');

  const hmacKey = () => fileKey(sqlite);
  const hasherOf = keyedHasher;

  function hashed(): HashedIdentifiers | undefined {
    const rows = remembered.all();
    if (rows.length === 0) return undefined;
    const sagsnumre = new Map<number, Set<string>>();
    const navne = new Set<string>();
    const initialer = new Set<string>();
    const skeletter = new Set<string>();
    const initialSkeletter = new Set<string>();
    for (const r of rows) {
      if (r.art === 'navn') navne.add(r.hash);
      else if (r.art === 'initialer') initialer.add(r.hash);
      else if (r.art === 'skelet') skeletter.add(r.hash);
      else if (r.art === 'skelet_initialer') initialSkeletter.add(r.hash);
      else sagsnumre.set(r.laengde, (sagsnumre.get(r.laengde) ?? new Set()).add(r.hash));
    }
    return { hash: hasherOf(hmacKey()), navne, initialer, skeletter, initialSkeletter, sagsnumre };
  }

  /** A name's compared forms, kept as keyed hashes. */
  function rememberNames(rows: readonly { v: string }[]): void {
    const hash = hasherOf(hmacKey());
    for (const { v } of rows) {
      const keys = nameKeys(v);
      for (const part of keys.parts) remember.run('navn', hash(part), 0);
      for (const i of keys.initials) remember.run('initialer', hash(i), 0);
      for (const k of keys.skeletons) remember.run('skelet', hash(k), 0);
      for (const k of keys.initialSkeletons) remember.run('skelet_initialer', hash(k), 0);
    }
  }

  return {
    /** Whether a passage is marked in one tilsyn's check of one document (read once per check). */
    marks(tilsynId: number, dokument: PublicDocument): (hash: string, start: number, end: number) => boolean {
      return markedBy(marksOf.all(tilsynId, dokument));
    },
    mark(tilsynId: number, dokument: PublicDocument, hash: string, start: number, end: number, ok: boolean): void {
      if (ok) insert.run(tilsynId, dokument, hash, start, end, now().toISOString());
      else remove.run(tilsynId, dokument, hash, start, end);
    },
    /** Whether a passage is marked in the check of an enhed's period report (any period). */
    unitMarks(enhedId: number): (hash: string, start: number, end: number) => boolean {
      return markedBy(unitMarksOf.all(enhedId));
    },
    markUnit(enhedId: number, hash: string, start: number, end: number, ok: boolean): void {
      if (ok) insertUnit.run(enhedId, hash, start, end, now().toISOString());
      else removeUnit.run(enhedId, hash, start, end);
    },
    known(): KnownIdentifiers {
      return {
        sagsnumre: sagsnumre.all().map((r) => r.v),
        sagsbehandlere: names.all().map((r) => r.v),
        hashed: hashed(),
      };
    },

    /**
     * Keeps a tilsyn's names and sagsnumre as keyed hashes of their compared forms, before its case-level data is
     * deleted: the check still finds them in the texts that are kept (call inside the deletion's transaction).
     */
    rememberIdentifiers(tilsynId: number): void {
      const hash = hasherOf(hmacKey());
      rememberNames(namesOfTilsyn.all({ t: tilsynId }));
      for (const { v } of numbersOfTilsyn.all({ t: tilsynId })) {
        const compared = sagsnummerKey(v);
        // A short one (»X88«) is kept too, if it has both letters and digits (as the check looks for it).
        if (compared.length >= 4 || (/\p{L}/u.test(compared) && /\p{N}/u.test(compared)))
          remember.run('sagsnummer', hash(compared), compared.length);
      }
    },
  };
}
