import type { PlannedRound, PlannedRoundInput } from '../shared/domain/aarshjul';
import type { TilsynStatus } from '../shared/domain/tilsyn';
import type { TilsynDatabase } from './open';

interface Row extends Omit<PlannedRound, 'afsnit' | 'stikproeve'> {
  afsnit: string | null;
  stikproeve: string;
  enhed: string;
}

const SELECT = `
  SELECT p.id, p.enhed_id AS enhedId, p.art, p.titel, p.skabelon_version_id AS skabelonVersionId, p.afsnit_valg AS afsnit,
         p.form, p.stikproeve, p.ansvarlig, p.fra, p.til, p.tilsyn_id AS tilsynId, t.status AS tilsynStatus, e.navn AS enhed
  FROM planlagt_runde p JOIN enhed e ON e.id = p.enhed_id LEFT JOIN tilsyn t ON t.id = p.tilsyn_id`;

const toRound = ({ afsnit, stikproeve, ...row }: Row): PlannedRound & { enhed: string } => ({
  ...row,
  tilsynStatus: (row.tilsynStatus as TilsynStatus | null) ?? null,
  afsnit: afsnit ? (JSON.parse(afsnit) as string[]) : null,
  stikproeve: JSON.parse(stikproeve) as PlannedRound['stikproeve'],
});

/** The årshjul's planned rounds, with the state of the tilsyn each started. */
export function createPlanStore(db: TilsynDatabase, now: () => Date = () => new Date()) {
  const { sqlite } = db;
  const yearQuery = sqlite.prepare<{ from: string; to: string; enhed: number | null }, Row>(
    `${SELECT} WHERE p.fra <= @to AND p.til >= @from AND (@enhed IS NULL OR p.enhed_id = @enhed)
     ORDER BY p.fra, e.navn, p.id`,
  );
  const getQuery = sqlite.prepare<[number], Row>(`${SELECT} WHERE p.id = ?`);
  const values = (r: PlannedRoundInput) => [
    r.enhedId,
    r.art,
    r.titel,
    r.skabelonVersionId,
    r.afsnit ? JSON.stringify(r.afsnit) : null,
    r.form,
    JSON.stringify(r.stikproeve),
    r.ansvarlig,
    r.fra,
    r.til,
  ];

  const store = {
    /** The rounds that lie (partly) in the year, of one enhed or all. */
    year(aar: number, enhedId: number | null) {
      return yearQuery.all({ from: `${aar}-01-01`, to: `${aar}-12-31`, enhed: enhedId }).map(toRound);
    },

    /**
     * The enheder's tilsyn in the year that no planned round started: shown in the year beside the plan, with minus
     * the tilsyn's id as theirs.
     */
    unplanned(aar: number, enhedId: number | null) {
      return sqlite
        .prepare<{ from: string; to: string; enhed: number | null }, Row>(
          `SELECT -t.id AS id, t.enhed_id AS enhedId, 'loebende' AS art, t.titel, t.skabelon_version_id AS skabelonVersionId,
                  t.afsnit_valg AS afsnit, t.form, '{"regel":"antal","antal":0}' AS stikproeve, '' AS ansvarlig,
                  t.periode_fra AS fra, t.periode_til AS til, t.id AS tilsynId, t.status AS tilsynStatus, e.navn AS enhed
           FROM tilsyn t JOIN enhed e ON e.id = t.enhed_id
           WHERE t.periode_fra <= @to AND t.periode_til >= @from AND (@enhed IS NULL OR t.enhed_id = @enhed)
             AND NOT EXISTS (SELECT 1 FROM planlagt_runde p WHERE p.tilsyn_id = t.id)
           ORDER BY t.periode_fra, e.navn, t.id`,
        )
        .all({ from: `${aar}-01-01`, to: `${aar}-12-31`, enhed: enhedId })
        .map(toRound);
    },

    get(id: number) {
      const row = getQuery.get(id);
      return row ? toRound(row) : undefined;
    },

    create(rounds: readonly PlannedRoundInput[]): number[] {
      const at = now().toISOString();
      const insert = sqlite.prepare(
        `INSERT INTO planlagt_runde (enhed_id, art, titel, skabelon_version_id, afsnit_valg, form, stikproeve, ansvarlig,
                                     fra, til, oprettet, aendret) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      return sqlite.transaction(() => rounds.map((r) => Number(insert.run(...values(r), at, at).lastInsertRowid)))();
    },

    update(id: number, r: PlannedRoundInput): void {
      sqlite
        .prepare(
          `UPDATE planlagt_runde SET enhed_id = ?, art = ?, titel = ?, skabelon_version_id = ?, afsnit_valg = ?, form = ?,
                                     stikproeve = ?, ansvarlig = ?, fra = ?, til = ?, aendret = ? WHERE id = ?`,
        )
        .run(...values(r), now().toISOString(), id);
    },

    remove(id: number): void {
      sqlite.prepare('DELETE FROM planlagt_runde WHERE id = ?').run(id);
    },

    /** The round was started: its tilsyn. */
    started(id: number, tilsynId: number): void {
      sqlite
        .prepare('UPDATE planlagt_runde SET tilsyn_id = ?, aendret = ? WHERE id = ?')
        .run(tilsynId, now().toISOString(), id);
    },
  };
  return store;
}

export type PlanStore = ReturnType<typeof createPlanStore>;
