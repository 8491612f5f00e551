import type { CoverageFigure } from '../shared/domain/coverage-figures';
import type { TilsynDatabase } from './open';

export interface StoredFigure extends CoverageFigure {
  enhedId: number;
  kildeFil: string;
  beregnet: string;
}

const COLUMNS = `enhed_id AS enhedId, fra, til, kilde_fil AS kildeFil, beregnet, sagsbehandlere,
  sagsbehandlere_daekket AS sagsbehandlereDaekket, sagstyper, sagstyper_daekket AS sagstyperDaekket, runder,
  runder_uden_sager AS runderUdenSager`;
const COUNTS = [
  'sagsbehandlere',
  'sagsbehandlereDaekket',
  'sagstyper',
  'sagstyperDaekket',
  'runder',
  'runderUdenSager',
] as const;

/**
 * Coverage counted in other files and read in from resultatpakker (issue #15): one figure per enhed, period and file
 * that counted it; two files' counts of one enhed are two counts.
 */
export function createCoverageFigureStore(db: TilsynDatabase) {
  const { sqlite } = db;
  return {
    /**
     * Keeps a figure unless this file has a newer count of the enhed's period from the same file: 'ny', 'opdateret',
     * 'uaendret' (the same numbers again, counted later) or 'aeldre' (an older count, left out).
     */
    save(f: StoredFigure): 'ny' | 'opdateret' | 'uaendret' | 'aeldre' {
      const had = sqlite
        .prepare<[number, string, string, string], StoredFigure>(
          `SELECT ${COLUMNS} FROM daekning_tal WHERE enhed_id = ? AND fra = ? AND til = ? AND kilde_fil = ?`,
        )
        .get(f.enhedId, f.fra, f.til, f.kildeFil);
      if (had && had.beregnet > f.beregnet) return 'aeldre';
      sqlite
        .prepare(
          `INSERT INTO daekning_tal (enhed_id, fra, til, kilde_fil, beregnet, sagsbehandlere, sagsbehandlere_daekket,
             sagstyper, sagstyper_daekket, runder, runder_uden_sager)
           VALUES (@enhedId, @fra, @til, @kildeFil, @beregnet, @sagsbehandlere, @sagsbehandlereDaekket, @sagstyper,
             @sagstyperDaekket, @runder, @runderUdenSager)
           ON CONFLICT (enhed_id, fra, til, kilde_fil) DO UPDATE SET beregnet = excluded.beregnet,
             sagsbehandlere = excluded.sagsbehandlere, sagsbehandlere_daekket = excluded.sagsbehandlere_daekket,
             sagstyper = excluded.sagstyper, sagstyper_daekket = excluded.sagstyper_daekket, runder = excluded.runder,
             runder_uden_sager = excluded.runder_uden_sager`,
        )
        .run(f);
      if (!had) return 'ny';
      return COUNTS.every((k) => had[k] === f[k]) ? 'uaendret' : 'opdateret';
    },

    /** The figures of these enheder for periods within fra–til, every file's. */
    within(enhedIds: readonly number[], fra: string, til: string): StoredFigure[] {
      return sqlite
        .prepare<[string, string, string], StoredFigure>(
          `SELECT ${COLUMNS} FROM daekning_tal WHERE enhed_id IN (SELECT value FROM json_each(?))
             AND fra >= ? AND til <= ? ORDER BY enhed_id, fra, til, kilde_fil`,
        )
        .all(JSON.stringify(enhedIds), fra, til);
    },

    /**
     * A file's figures stay where its rounds are: those of enheder that no longer have a round from it (the leader
     * renamed or moved her team and sent it again) are dropped.
     */
    dropWithoutRounds(kildeFil: string): void {
      sqlite
        .prepare(
          `DELETE FROM daekning_tal WHERE kilde_fil = @k AND enhed_id NOT IN
             (SELECT enhed_id FROM tilsyn WHERE enhed_id IS NOT NULL AND substr(kilde_uid, 1, length(@k) + 1) = @k || ':')`,
        )
        .run({ k: kildeFil });
    },
  };
}

export type CoverageFigureStore = ReturnType<typeof createCoverageFigureStore>;
