import { createHash } from 'node:crypto';
import type { PopulationSag } from '../shared/domain/sample';

type Hashed = Pick<PopulationSag, 'sagsnummer' | 'sagstype' | 'sagsbehandler' | 'team' | 'dates'>;

/** SHA-256 of the rows in sagsnummer order: the same population gives the same hash, whatever the file order. */
export function populationHash(rows: readonly Hashed[]): string {
  const sorted = [...rows].sort((a, b) => (a.sagsnummer < b.sagsnummer ? -1 : a.sagsnummer > b.sagsnummer ? 1 : 0));
  return hashOfLines(sorted.map(hashLine));
}

/** What a row adds to the population's hash. */
export function hashLine(r: Hashed): string {
  const dates = Object.entries(r.dates).sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify([r.sagsnummer, r.sagstype, r.sagsbehandler, r.team, dates]);
}

/** populationHash of the rows' lines, read one at a time in sagsnummer order. */
export function hashOfLines(lines: Iterable<string>): string {
  const hash = createHash('sha256');
  for (const line of lines) hash.update(line);
  return hash.digest('hex');
}
