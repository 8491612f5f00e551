import type { Statement } from 'better-sqlite3';
import { ApiError } from '../shared/api/errors';
import type { PopulationRow } from '../shared/domain/population';
import type { TilsynDatabase } from './open';
import { hashLine, hashOfLines } from './population-hash';

/**
 * The sager a check of a sagsliste found can be stored, kept until the import moves them (issue #18: the import
 * stores what the check showed, and 200,000 mapped rows need not stay in memory meanwhile). A table in SQLite's
 * temporary database: it belongs to this connection alone, is never in the tilsyn file or its backups, and lies in a
 * temporary file SQLite deletes itself. It holds what the population will: CPR numbers left out or masked.
 */
export const STAGE_TABLE = 'temp.sagsliste_klar';

/** One pass of a check over a file: its rows are added a slice at a time, in file order, then it is finished. */
export interface StagePass {
  id: number;
  add(rows: readonly PopulationRow[]): void;
}

/** The rows of a finished pass, as the population store moves them. */
export interface StagedRows {
  pass: number;
  count: number;
  /** The rows' populationHash. */
  hash: string;
}

export function createImportStage({ sqlite }: TilsynDatabase) {
  // Made at the first check, not at the start: a write, even to the temporary database, passes the file guard.
  let insert: Statement | undefined;
  const table = () => {
    if (insert) return insert;
    sqlite.exec(
      `CREATE TEMP TABLE IF NOT EXISTS sagsliste_klar (gennemgang INTEGER NOT NULL, fil_raekke INTEGER NOT NULL,
         sagsnummer TEXT NOT NULL, sagstype TEXT NOT NULL, sagsbehandler TEXT NOT NULL, team TEXT NOT NULL,
         person TEXT NOT NULL, datoer TEXT NOT NULL, ekstra TEXT NOT NULL, hash_linje TEXT NOT NULL)`,
    );
    insert = sqlite.prepare(
      `INSERT INTO ${STAGE_TABLE} (gennemgang, fil_raekke, sagsnummer, sagstype, sagsbehandler, team, person, datoer,
         ekstra, hash_linje) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    return insert;
  };
  // The row's line of the population's hash is made here, from the row as it is stored: sorting the rows by
  // sagsnummer is then SQLite's work, and no row is read back and parsed again.
  const addRows = sqlite.transaction((pass: Pass, rows: readonly PopulationRow[]) => {
    if (!open.has(pass.id)) throw new ApiError('CONFLICT', STAGE_LET_GO);
    const insertRow = table();
    for (const r of rows) {
      const [datoer, ekstra] = [JSON.stringify(r.dates), JSON.stringify(r.extra)];
      insertRow.run(
        pass.id,
        r.fileRow,
        r.sagsnummer,
        r.sagstype,
        r.sagsbehandler,
        r.team,
        r.person,
        datoer,
        ekstra,
        hashLine(r),
      );
      // SQLite orders by UTF-8 bytes, JavaScript by UTF-16 units: the two differ only from U+E000 on.
      if (!pass.ordersApart && ORDERS_APART.test(r.sagsnummer)) pass.ordersApart = true;
    }
    pass.count += rows.length;
  });
  let passes = 0;
  /** The passes that have rows in the table. */
  const open = new Map<number, Pass>();

  /** populationHash of a pass's rows: sorted by SQLite, where its order is JavaScript's. */
  function hashOf(pass: Pass): string {
    if (pass.ordersApart) {
      const rows = sqlite
        .prepare<[number], { s: string; line: string }>(
          `SELECT sagsnummer AS s, hash_linje AS line FROM ${STAGE_TABLE} WHERE gennemgang = ?`,
        )
        .all(pass.id);
      rows.sort((a, b) => (a.s < b.s ? -1 : a.s > b.s ? 1 : 0));
      return hashOfLines(rows.map((r) => r.line));
    }
    const lines = sqlite
      .prepare<[number], string>(`SELECT hash_linje FROM ${STAGE_TABLE} WHERE gennemgang = ? ORDER BY sagsnummer`)
      .pluck();
    return hashOfLines(lines.iterate(pass.id));
  }

  /** The rows of the passes `gone` names go. */
  function remove(gone: (id: number) => boolean): void {
    for (const id of [...open.keys()].filter(gone)) {
      sqlite.prepare(`DELETE FROM ${STAGE_TABLE} WHERE gennemgang = ?`).run(id);
      open.delete(id);
    }
  }

  return {
    /** A new pass; the rows of earlier ones stay until it is finished. */
    begin(): StagePass {
      table();
      const pass: Pass = { id: ++passes, count: 0, ordersApart: false };
      open.set(pass.id, pass);
      return { id: pass.id, add: (rows) => addRows(pass, rows) };
    },

    /** The pass's rows are those kept: every other pass's go. */
    finish({ id }: StagePass): StagedRows {
      // A pass let go meanwhile lets nothing else go: the pass that finished before it holds the rows.
      const pass = open.get(id);
      if (!pass) throw new ApiError('CONFLICT', STAGE_LET_GO);
      remove((other) => other !== id);
      return { pass: id, count: pass.count, hash: hashOf(pass) };
    },

    /** Whether the rows of a finished pass are still staged. */
    holds(staged: StagedRows): boolean {
      return open.has(staged.pass);
    },

    /** A pass given up (stopped, or its file refused): its rows go. */
    drop({ id }: StagePass): void {
      remove((other) => other === id);
    },

    /** Every row goes: after an import, or when the file is let go. */
    clear(): void {
      // Without a WHERE, SQLite empties the table at once rather than row by row.
      if (insert) sqlite.prepare(`DELETE FROM ${STAGE_TABLE}`).run();
      open.clear();
    },

    /** The staged rows in file order (they were added so), as a kept list holds them. */
    *rows(staged: StagedRows): Generator<Omit<PopulationRow, 'dates' | 'extra'>> {
      yield* sqlite
        .prepare<[number], Omit<PopulationRow, 'dates' | 'extra'>>(
          `SELECT fil_raekke AS fileRow, sagsnummer, sagstype, sagsbehandler, team, person FROM ${STAGE_TABLE}
           WHERE gennemgang = ? ORDER BY rowid`,
        )
        .iterate(staged.pass);
    },
  };
}

export type ImportStage = ReturnType<typeof createImportStage>;

interface Pass {
  id: number;
  count: number;
  /** Whether a sagsnummer holds a character SQLite and JavaScript order apart. */
  ordersApart: boolean;
}

/** A check's rows let go before they were used: the file was checked again, or another read, meanwhile. */
export const STAGE_LET_GO =
  'Tjekket af filen blev afbrudt, fordi filen blev tjekket igen, eller en anden fil blev valgt imens. Tjek filen igen.';

const ORDERS_APART = /[\uE000-\uFFFF\uD800-\uDFFF]/;
