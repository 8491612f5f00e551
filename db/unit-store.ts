import { type Unit, type UnitInput, type UnitLevel, unitKey } from '../shared/domain/enhed';
import type { TilsynDatabase } from './open';

interface UnitRow {
  id: number;
  navn: string;
  niveau: UnitLevel;
  foraelderId: number | null;
  bekraeftet: number;
  tilsyn: number;
}

/** Where an enhed sits: its parent (0 at the top) and its name's key; unique, so no two siblings share a name. */
const plads = (foraelderId: number | null, navn: string) => `${foraelderId ?? 0}/${unitKey(navn)}`;

/**
 * The enheder and what their tilsyn have seen: the caseworkers and sagstyper of the imported sagslister. Checks of
 * meaning (a parent at a higher level, no cycles, names) are the API's, with shared/domain/enhed.ts.
 */
export function createUnitStore(db: TilsynDatabase, now: () => Date = () => new Date()) {
  const { sqlite } = db;
  const listQuery = sqlite.prepare<[], UnitRow>(
    `SELECT e.id, e.navn, e.niveau, e.foraelder_id AS foraelderId, e.bekraeftet,
            (SELECT count(*) FROM tilsyn t WHERE t.enhed_id = e.id) AS tilsyn
     FROM enhed e`,
  );
  const seenQuery = (column: 'sagsbehandler' | 'sagstype') =>
    sqlite.prepare<[], { enhedId: number; value: string }>(
      `SELECT DISTINCT t.enhed_id AS enhedId, trim(ps.${column}) AS value
       FROM population_sag ps JOIN population p ON p.id = ps.population_id JOIN tilsyn t ON t.id = p.tilsyn_id
       WHERE t.enhed_id IS NOT NULL AND trim(ps.${column}) <> ''`,
    );
  const seen = { sagsbehandler: seenQuery('sagsbehandler'), sagstype: seenQuery('sagstype') };
  const insert = sqlite.prepare<[string, UnitLevel, number | null, string, number, string, string]>(
    `INSERT INTO enhed (navn, niveau, foraelder_id, plads, bekraeftet, oprettet, aendret) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const stamp = () => now().toISOString();

  const byUnit = (rows: { enhedId: number; value: string }[]) => {
    const out = new Map<number, Set<string>>();
    for (const r of rows) out.set(r.enhedId, (out.get(r.enhedId) ?? new Set()).add(r.value));
    return (id: number) => [...(out.get(id) ?? [])].sort((a, b) => a.localeCompare(b, 'da'));
  };

  const store = {
    /** Every enhed with what its sagslister have seen: for the screens (it reads every imported sag). */
    list(): Unit[] {
      const caseworkers = byUnit(seen.sagsbehandler.all());
      const types = byUnit(seen.sagstype.all());
      return store.rows().map((r) => ({ ...r, sagsbehandlere: caseworkers(r.id), sagstyper: types(r.id) }));
    },

    /** Every enhed as a row of the tree, without what its sagslister have seen: for the rules and lookups. */
    rows(): Unit[] {
      return listQuery.all().map((r) => ({ ...r, bekraeftet: r.bekraeftet === 1, sagsbehandlere: [], sagstyper: [] }));
    },

    get(id: number): Unit | undefined {
      return store.list().find((u) => u.id === id);
    },

    /** One enhed as a row of the tree (see rows). */
    row(id: number): Unit | undefined {
      return store.rows().find((u) => u.id === id);
    },

    /** True when another enhed under the same parent has a name that reads the same. */
    nameTaken(input: Pick<UnitInput, 'navn' | 'foraelderId'>, exceptId?: number): boolean {
      const key = unitKey(input.navn);
      return listQuery
        .all()
        .some((u) => u.id !== exceptId && u.foraelderId === input.foraelderId && unitKey(u.navn) === key);
    },

    create(input: UnitInput, confirmed = true): number {
      const at = stamp();
      const info = insert.run(
        input.navn,
        input.niveau,
        input.foraelderId,
        plads(input.foraelderId, input.navn),
        confirmed ? 1 : 0,
        at,
        at,
      );
      return Number(info.lastInsertRowid);
    },

    /** Renames and moves an enhed, confirms it, and gives its tilsyn the new name. */
    update(id: number, input: UnitInput): void {
      sqlite.transaction(() => {
        sqlite
          .prepare(
            `UPDATE enhed SET navn = ?, niveau = ?, foraelder_id = ?, plads = ?, bekraeftet = 1, aendret = ? WHERE id = ?`,
          )
          .run(input.navn, input.niveau, input.foraelderId, plads(input.foraelderId, input.navn), stamp(), id);
        sqlite.prepare('UPDATE tilsyn SET enhed = ? WHERE enhed_id = ?').run(input.navn, id);
      })();
    },

    /** The krav both enheder have a goal for (in the same template family): a merge would lose one of them. */
    sharedGoals(a: number, b: number): string[] {
      return sqlite
        .prepare<[number, number], { noegle: string }>(
          `SELECT x.noegle FROM maal_trin x JOIN maal_trin y ON y.familie_id = x.familie_id AND y.noegle = x.noegle
           WHERE x.enhed_id = ? AND y.enhed_id = ? ORDER BY x.noegle`,
        )
        .all(a, b)
        .map((r) => r.noegle);
    },

    /** One enhed becomes the other: its tilsyn and the enheder under it move over, and it is gone. */
    merge(fromId: number, intoId: number): void {
      sqlite.transaction(() => {
        const into = sqlite.prepare<[number], { navn: string }>('SELECT navn FROM enhed WHERE id = ?').get(intoId);
        sqlite.prepare('UPDATE tilsyn SET enhed_id = ?, enhed = ? WHERE enhed_id = ?').run(intoId, into?.navn, fromId);
        // Its goals go along (the API refuses a merge where both have one for the same krav).
        sqlite.prepare('UPDATE maal_trin SET enhed_id = ? WHERE enhed_id = ?').run(intoId, fromId);
        sqlite.prepare('UPDATE planlagt_runde SET enhed_id = ? WHERE enhed_id = ?').run(intoId, fromId);
        // Its period report's marks: each belongs to a text, and holds wherever that text is printed again.
        sqlite.prepare('UPDATE OR IGNORE periode_godkendt SET enhed_id = ? WHERE enhed_id = ?').run(intoId, fromId);
        // Its sagslister too; the flows between the joined lists are counted again (those of deleted sager stay).
        sqlite.prepare('UPDATE oversigt_liste SET enhed_id = ? WHERE enhed_id = ?').run(intoId, fromId);
        sqlite.prepare('UPDATE OR IGNORE oversigt_maal SET enhed_id = ? WHERE enhed_id = ?').run(intoId, fromId);
        // Coverage counted elsewhere: two enheder's counts of one period from one file are added up, as two files'.
        sqlite
          .prepare(
            `UPDATE daekning_tal AS d SET sagsbehandlere = d.sagsbehandlere + x.sagsbehandlere,
               sagsbehandlere_daekket = d.sagsbehandlere_daekket + x.sagsbehandlere_daekket,
               sagstyper = d.sagstyper + x.sagstyper, sagstyper_daekket = d.sagstyper_daekket + x.sagstyper_daekket,
               runder = d.runder + x.runder, runder_uden_sager = d.runder_uden_sager + x.runder_uden_sager,
               beregnet = max(d.beregnet, x.beregnet)
             FROM daekning_tal AS x
             WHERE d.enhed_id = @into AND x.enhed_id = @from AND x.fra = d.fra AND x.til = d.til
               AND x.kilde_fil = d.kilde_fil`,
          )
          .run({ into: intoId, from: fromId });
        sqlite.prepare('UPDATE OR IGNORE daekning_tal SET enhed_id = ? WHERE enhed_id = ?').run(intoId, fromId);
        sqlite
          .prepare(
            `DELETE FROM oversigt_flow WHERE fra_id IN (SELECT id FROM oversigt_liste WHERE enhed_id = ? AND sager_slettet IS NULL)
             AND til_id IN (SELECT id FROM oversigt_liste WHERE sager_slettet IS NULL)`,
          )
          .run(intoId);
        for (const child of sqlite
          .prepare<[number], { id: number; navn: string }>('SELECT id, navn FROM enhed WHERE foraelder_id = ?')
          .all(fromId))
          sqlite
            .prepare('UPDATE enhed SET foraelder_id = ?, plads = ? WHERE id = ?')
            .run(intoId, plads(intoId, child.navn), child.id);
        sqlite.prepare('UPDATE enhed SET bekraeftet = 1, aendret = ? WHERE id = ?').run(stamp(), intoId);
        sqlite.prepare('DELETE FROM enhed WHERE id = ?').run(fromId);
      })();
    },

    /** Deletes an enhed without tilsyn, enheder under it, planned rounds, goals or sagslister; false when it has any. */
    remove(id: number): boolean {
      const used = sqlite
        .prepare<{ id: number }, { n: number }>(
          `SELECT (SELECT count(*) FROM tilsyn WHERE enhed_id = @id) + (SELECT count(*) FROM enhed WHERE foraelder_id = @id)
                + (SELECT count(*) FROM planlagt_runde WHERE enhed_id = @id)
                + (SELECT count(*) FROM maal_trin WHERE enhed_id = @id)
                + (SELECT count(*) FROM oversigt_liste WHERE enhed_id = @id) AS n`,
        )
        .get({ id });
      if ((used?.n ?? 0) > 0) return false;
      sqlite.prepare('DELETE FROM enhed WHERE id = ?').run(id);
      return true;
    },

    /**
     * What coverage is computed from, for the enheder `ids` and the rounds whose period ends in fra-til (where their
     * sager count): the caseworkers and sagstyper of their sagslister, each sampled sag (not udgået) with its round's
     * last day and whether it is færdig, and how many of the rounds have no sager here.
     */
    coverageData(ids: readonly number[], fra: string, til: string) {
      return coverageWhere(
        't.enhed_id IN (SELECT value FROM json_each(@ids)) AND t.periode_til >= @fra AND t.periode_til <= @til',
        { ids: JSON.stringify(ids), fra, til },
      );
    },

    /** The same for exactly these rounds (a period report's). */
    coverageOfRounds(tilsynIds: readonly number[]) {
      return coverageWhere('t.id IN (SELECT value FROM json_each(@ids))', { ids: JSON.stringify(tilsynIds) });
    },
  };

  function coverageWhere(rounds: string, params: Record<string, string>) {
    const seen = sqlite
      .prepare<typeof params, { sagsbehandler: string; sagstype: string }>(
        `SELECT DISTINCT trim(ps.sagsbehandler) AS sagsbehandler, trim(ps.sagstype) AS sagstype
           FROM population_sag ps JOIN population p ON p.id = ps.population_id JOIN tilsyn t ON t.id = p.tilsyn_id
           WHERE ${rounds}`,
      )
      .all(params);
    const reviewed = sqlite
      .prepare<typeof params, { sagsbehandler: string; sagstype: string; periodeTil: string; faerdig: number }>(
        `SELECT ps.sagsbehandler, ps.sagstype, t.periode_til AS periodeTil, s.status = 'faerdig' AS faerdig
           FROM sag s JOIN population_sag ps ON ps.id = s.population_sag_id JOIN tilsyn t ON t.id = s.tilsyn_id
           WHERE s.rolle = 'udvalgt' AND s.status <> 'udgaaet' AND ${rounds}`,
      )
      .all(params)
      .map((r) => ({ ...r, faerdig: r.faerdig === 1 }));
    // Rounds whose sager are not in this file: read in from a pakke, or their case data deleted.
    const without = sqlite
      .prepare<typeof params, { n: number }>(
        `SELECT count(*) AS n FROM tilsyn t
         WHERE (t.kilde_uid IS NOT NULL OR EXISTS (SELECT 1 FROM resultat_snapshot r WHERE r.tilsyn_id = t.id))
           AND ${rounds}`,
      )
      .get(params);
    return {
      seen: {
        caseworkers: [...new Set(seen.map((r) => r.sagsbehandler).filter(Boolean))],
        sagstyper: [...new Set(seen.map((r) => r.sagstype).filter(Boolean))],
      },
      reviewed,
      roundsWithoutSager: without?.n ?? 0,
    };
  }

  return store;
}

export type UnitStore = ReturnType<typeof createUnitStore>;
