import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh folder per test file; removed by the returned cleanup. */
export function makeTempDir(prefix = 'tilsyn-test-'): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export const validTilsynInput = {
  titel: 'Ledelsestilsyn 1. kvartal 2026',
  periodeFra: '2026-01-01',
  periodeTil: '2026-03-31',
  enhed: 'Myndighed børn og unge, team Nord',
  form: 'ledelseskontrol' as const,
  formaal: 'Lovmedholdelighed i afgørelser om støtte efter Barnets Lov § 32.',
  fokus: 'Børnesamtaler',
  /** The first standard template's version: seeded first into every new database. */
  skabelonVersionId: 1,
};
