import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract, METHOD_NAMES } from '../../shared/api/contract';
import { CPR_MASK } from '../../shared/domain/cpr';
import { openTestApi } from '../support/api';
import { baseInputs, buildBaseline, LAYOUTS, plainDigits, spell, ZEROS } from '../support/cpr-inputs';
import { stringLeaves, withValueAt } from '../support/cpr-storage';

// A session that tries to store a CPR number in every string field of every method (whole, and split over two
// neighbouring fields), in a different spelling each time, then reads the raw bytes of the database file, its WAL
// and every backup copy: as UTF-8 and as UTF-16 at both alignments. No spelling of any of the numbers may be there.

/** The files a database leaves on disk: itself, its WAL and journal, and the backup folder beside it. */
function filesOf(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }))
    if (entry.isFile()) out.push(join(entry.parentPath, entry.name));
  return out;
}

function readableAs(bytes: Buffer): string[] {
  return [new TextDecoder('utf-8').decode(bytes), bytes.toString('utf16le'), bytes.subarray(1).toString('utf16le')].map(
    plainDigits,
  );
}

describe('the raw bytes of the database, its WAL and its backups', () => {
  it('hold no CPR number after a session that tried to store one everywhere', async () => {
    const t = openTestApi({ prefix: 'tilsyn-cpr-raw-' });
    try {
      const baseline = await buildBaseline(t.api, t.dir);
      const inputs = baseInputs(baseline);
      const tried: string[] = [];
      let n = 0;
      for (const method of METHOD_NAMES) {
        const files = contract[method].fileFields ?? [];
        const leaves = stringLeaves(inputs[method]).filter((l) => !files.includes(String(l.path[0])));
        for (const [i, leaf] of leaves.entries()) {
          // A fresh number each call, so each one's absence is its own proof.
          n++;
          const digits = `${String((n % 28) + 1).padStart(2, '0')}${String((n % 12) + 1).padStart(2, '0')}${String(n % 100).padStart(2, '0')}${String(1000 + ((n * 37) % 3000)).padStart(4, '0')}`;
          const spelled = spell(digits, LAYOUTS[n % LAYOUTS.length] ?? '', ZEROS[n % ZEROS.length] ?? 0x30, [
            { at: n, char: n % 3 === 0 ? '\u00ad' : '\u200b' },
          ]);
          tried.push(digits);
          const neighbour = leaves.slice(i + 1).find((l) => l.siblingOf(leaf));
          const sent =
            n % 2 === 0 && neighbour
              ? withValueAt(
                  withValueAt(inputs[method], leaf, `Sag ${spelled.slice(0, -4)}`),
                  neighbour,
                  spelled.slice(-4),
                )
              : withValueAt(inputs[method], leaf, `Barnets cpr ${spelled} fremgår`);
          await t.api.call(method, sent as never).catch(() => undefined);
        }
      }
      for (let k = 0; k < 3; k++) await t.api.call('sikkerhedskopi.tag', {});
      expect(tried.length).toBeGreaterThan(100);
      expect(existsSync(`${t.path}-wal`)).toBe(true);

      const scan = () => {
        const files = filesOf(t.dir).filter((f) => !f.endsWith('.pdf'));
        const found: string[] = [];
        for (const file of files) {
          const texts = readableAs(readFileSync(file));
          for (const digits of tried) if (texts.some((x) => x.includes(digits))) found.push(`${digits} in ${file}`);
        }
        return { files, found };
      };
      const open = scan();
      expect(open.files.some((f) => f.endsWith('-wal'))).toBe(true);
      expect(open.files.some((f) => f.includes('sikkerhedskopi'))).toBe(true);
      expect(open.found).toEqual([]);
      // Free texts were stored, masked: the session did store things.
      expect(readableAs(readFileSync(`${t.path}-wal`))[0]).toContain(plainDigits(CPR_MASK));
      t.db.close();
      expect(scan().found).toEqual([]);
    } finally {
      t.close();
    }
  }, 300_000);
});
