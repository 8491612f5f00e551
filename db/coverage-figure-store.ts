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

/** Coverage counted in other files and read in from resultatpakker (issue #15): one figure per enhed and period. */
export function createCoverageFigureStore(db: TilsynDatabase) {
  const { sqlite } = db;
  return {
    /**
     * Keeps a figure unless this file has a newer count of the enhed's period (from any file): 'ny', 'opdateret',
     * 'uaendret' (the same count again) or 'aeldre' (an older count, left out).
     */
    save(f: StoredFigure): 'ny' | 'opdateret' | 'uaendret' | 'aeldre' {
      const had = sqlite
        .prepare<[number, string, string], StoredFigure>(
          `SELECT ${COLUMNS} FROM daekning_tal WHERE enhed_id = ? AND fra = ? AND til = ?`,
        )
        .get(f.enhedId, f.fra, f.til);
      if (had && had.beregnet > f.beregnet) return 'aeldre';
      const keys = Object.keys(f) as (keyof StoredFigure)[];
      if (had && keys.every((k) => had[k] === f[k])) return 'uaendret';
      sqlite
        .prepare(
          `INSERT INTO daekning_tal (enhed_id, fra, til, kilde_fil, beregnet, sagsbehandlere, sagsbehandlere_daekket,
             sagstyper, sagstyper_daekket, runder, runder_uden_sager)
           VALUES (@enhedId, @fra, @til, @kildeFil, @beregnet, @sagsbehandlere, @sagsbehandlereDaekket, @sagstyper,
             @sagstyperDaekket, @runder, @runderUdenSager)
           ON CONFLICT (enhed_id, fra, til) DO UPDATE SET kilde_fil = excluded.kilde_fil, beregnet = excluded.beregnet,
             sagsbehandlere = excluded.sagsbehandlere, sagsbehandlere_daekket = excluded.sagsbehandlere_daekket,
             sagstyper = excluded.sagstyper, sagstyper_daekket = excluded.sagstyper_daekket, runder = excluded.runder,
             runder_uden_sager = excluded.runder_uden_sager`,
        )
        .run(f);
      return had ? 'opdateret' : 'ny';
    },

    /** The figures of these enheder for periods within fra–til. */
    within(enhedIds: readonly number[], fra: string, til: string): StoredFigure[] {
      return sqlite
        .prepare<[string, string, string], StoredFigure>(
          `SELECT ${COLUMNS} FROM daekning_tal WHERE enhed_id IN (SELECT value FROM json_each(?))
             AND fra >= ? AND til <= ? ORDER BY enhed_id, fra, til`,
        )
        .all(JSON.stringify(enhedIds), fra, til);
    },
  };
}

export type CoverageFigureStore = ReturnType<typeof createCoverageFigureStore>;
