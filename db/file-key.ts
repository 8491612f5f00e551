import { createHmac, randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';

/**
 * The file's own HMAC key (identifikator_noegle), made the first time it is needed: what is kept only as a keyed
 * hash (deleted names, persons in the sagsoverblik) cannot be read back, nor matched against another file's.
 */
export function fileKey(sqlite: Database.Database): Buffer {
  const row = sqlite.prepare('SELECT noegle FROM identifikator_noegle WHERE id = 1').get() as
    | { noegle: Buffer }
    | undefined;
  if (row) return row.noegle;
  const made = randomBytes(32);
  sqlite.prepare('INSERT INTO identifikator_noegle (id, noegle) VALUES (1, ?)').run(made);
  return made;
}

/** HMAC-SHA256 of a text with the file's key, as hex. */
export const keyedHasher = (key: Buffer) => (text: string) =>
  createHmac('sha256', key).update(text, 'utf8').digest('hex');
