import type Database from 'better-sqlite3';
import { ApiError, tilsynNotFound } from '../shared/api/errors';
import type { ColumnMapping, RowIssue } from '../shared/domain/population';
import {
  type ManualSag,
  type PopulationPage,
  type PopulationSag,
  type PopulationSummary,
  type SagFacts,
  sagMatches,
} from '../shared/domain/sample';
import type { SamplingUnit } from '../shared/domain/sampling';
import { STAGE_LET_GO, STAGE_TABLE, type StagedRows } from './import-stage';
import type { TilsynDatabase } from './open';
import { populationHash } from './population-hash';

interface PopulationRowRecord {
  id: number;
  tilsyn_id: number;
  kilde_fil: string;
  format: string;
  importeret: string;
  antal_raekker: number;
  fil_hash: string;
  indhold_hash: string;
  mapping: string;
  fjernede_kolonner: string;
  maskerede: number;
  sprungne_raekker: string;
}

interface SagRecord {
  id: number;
  fil_raekke: number;
  sagsnummer: string;
  sagstype: string;
  sagsbehandler: string;
  team: string;
  datoer: string;
  ekstra: string;
  manuel: number;
}

export interface NewPopulation {
  fileName: string;
  format: string;
  fileHash: string;
  mapping: ColumnMapping;
  removedColumns: string[];
  maskedCells: number;
  skippedRows: RowIssue[];
  /** The rows a check put in the import stage. */
  rows: StagedRows;
}

export function createPopulationStore(db: TilsynDatabase, now: () => Date = () => new Date()) {
  const { sqlite } = db;
  const getRecord = sqlite.prepare<[number], PopulationRowRecord>('SELECT * FROM population WHERE tilsyn_id = ?');
  const sagRows = sqlite.prepare<[number], SagRecord>(
    'SELECT id, fil_raekke, sagsnummer, sagstype, sagsbehandler, team, datoer, ekstra, manuel FROM population_sag WHERE population_id = ? ORDER BY fil_raekke, id',
  );
  const countsBy = Object.fromEntries(
    (['sagstype', 'team', 'sagsbehandler'] as const).map((field) => [
      field,
      sqlite.prepare<[number], { value: string; n: number }>(
        `SELECT ${field} AS value, count(*) AS n FROM population_sag WHERE population_id = ? GROUP BY ${field}`,
      ),
    ]),
  ) as Record<'sagstype' | 'team' | 'sagsbehandler', Database.Statement<[number], { value: string; n: number }>>;
  const dateKeysOf = sqlite.prepare<[number], { key: string }>(
    `SELECT DISTINCT j.key AS key FROM population_sag ps, json_each(ps.datoer) j WHERE ps.population_id = ?
     ORDER BY j.key`,
  );
  const countRows = sqlite.prepare<[number], { n: number }>(
    'SELECT count(*) AS n FROM population_sag WHERE population_id = ?',
  );
  const pageRows = sqlite.prepare<[number, number, number], SagRecord>(
    `SELECT id, fil_raekke, sagsnummer, sagstype, sagsbehandler, team, datoer, ekstra, manuel FROM population_sag
     WHERE population_id = ? ORDER BY fil_raekke, id LIMIT ? OFFSET ?`,
  );
  const factRows = sqlite.prepare<
    [number],
    { id: number; sagsnummer: string; sagstype: string; sagsbehandler: string; team: string }
  >(
    `SELECT id, sagsnummer, sagstype, sagsbehandler, team FROM population_sag WHERE population_id = ?
     ORDER BY fil_raekke, id`,
  );
  const rowsById = sqlite.prepare<[string], SagRecord>(
    `SELECT id, fil_raekke, sagsnummer, sagstype, sagsbehandler, team, datoer, ekstra, manuel FROM population_sag
     WHERE id IN (SELECT value FROM json_each(?)) ORDER BY fil_raekke, id`,
  );
  const insertSag = sqlite.prepare(
    'INSERT INTO population_sag (population_id, fil_raekke, sagsnummer, sagstype, sagsbehandler, team, datoer, ekstra, manuel) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const hasSample = sqlite.prepare<[number], { n: number }>('SELECT count(*) AS n FROM stikproeve WHERE tilsyn_id = ?');

  function refreshHash(populationId: number): void {
    const rows = sagRows.all(populationId).map(toSag);
    sqlite
      .prepare('UPDATE population SET indhold_hash = ?, antal_raekker = ? WHERE id = ?')
      .run(populationHash(rows), rows.length, populationId);
  }

  /** The tilsyn exists and has no sample yet: its population may still change. */
  function requireNoSample(tilsynId: number, what: string): void {
    if (!sqlite.prepare('SELECT 1 FROM tilsyn WHERE id = ?').get(tilsynId)) throw tilsynNotFound();
    if ((hasSample.get(tilsynId)?.n ?? 0) > 0) {
      throw new ApiError(
        'CONFLICT',
        `Stikprøven er allerede trukket, så ${what}. Populationen er gemt, som den var ved trækningen.`,
      );
    }
  }

  const store = {
    summary(tilsynId: number): PopulationSummary | null {
      const record = getRecord.get(tilsynId);
      if (!record) return null;
      // Counted by SQLite: the screen asks for the summary of a list of 50,000 sager each time it opens.
      const counts = { sagstype: {}, team: {}, sagsbehandler: {} } as PopulationSummary['counts'];
      for (const field of ['sagstype', 'team', 'sagsbehandler'] as const)
        for (const r of countsBy[field].all(record.id)) counts[field][r.value] = r.n;
      const dateKeys = dateKeysOf.all(record.id).map((r) => r.key);
      return {
        tilsynId,
        fileName: record.kilde_fil,
        format: record.format,
        importedAt: record.importeret,
        rowCount: record.antal_raekker,
        fileHash: record.fil_hash,
        contentHash: record.indhold_hash,
        mapping: JSON.parse(record.mapping),
        removedColumns: JSON.parse(record.fjernede_kolonner),
        maskedCells: record.maskerede,
        skippedRows: JSON.parse(record.sprungne_raekker),
        counts,
        dateKeys: [...dateKeys].sort(),
      };
    },

    /** Just what the draw needs: the snapshot's fingerprint and size. */
    header(tilsynId: number): { contentHash: string; rowCount: number } | undefined {
      const record = getRecord.get(tilsynId);
      return record ? { contentHash: record.indhold_hash, rowCount: record.antal_raekker } : undefined;
    },

    /** The sager as sampling units (no extra fields), read fast for a draw from a large population. */
    units(tilsynId: number): SamplingUnit[] {
      const rows = sqlite
        .prepare(
          `SELECT p.id, p.sagsnummer, p.sagstype, p.sagsbehandler, p.team, p.datoer FROM population_sag p
           JOIN population ON population.id = p.population_id WHERE population.tilsyn_id = ?`,
        )
        .all(tilsynId) as (Omit<SamplingUnit, 'dates'> & { datoer: string })[];
      return rows.map(({ datoer, ...u }) => ({ ...u, dates: datoer === '{}' ? {} : JSON.parse(datoer) }));
    },

    sager(tilsynId: number): PopulationSag[] {
      const record = getRecord.get(tilsynId);
      return record ? sagRows.all(record.id).map(toSag) : [];
    },

    /**
     * One page of the list in its order, of the sager that match `search` (sagMatches): the search reads the four
     * facts only, and only the page's sager are read whole.
     */
    page(tilsynId: number, search: string, from: number, count: number): PopulationPage {
      const record = getRecord.get(tilsynId);
      if (!record) return { sager: [], fundet: 0, total: 0 };
      const total = countRows.get(record.id)?.n ?? 0;
      if (!search.trim()) return { sager: pageRows.all(record.id, count, from).map(toSag), fundet: total, total };
      const found = factRows.all(record.id).filter((r) => sagMatches(r, search));
      const ids = found.slice(from, from + count).map((r) => r.id);
      return { sager: rowsById.all(JSON.stringify(ids)).map(toSag), fundet: found.length, total };
    },

    /** Replaces the tilsyn's population with a new import, all or nothing. */
    replace(tilsynId: number, data: NewPopulation): PopulationSummary {
      sqlite.transaction(() => {
        requireNoSample(tilsynId, 'sagslisten kan ikke importeres igen');
        sqlite.prepare('DELETE FROM population WHERE tilsyn_id = ?').run(tilsynId);
        const { lastInsertRowid } = sqlite
          .prepare(
            `INSERT INTO population (tilsyn_id, kilde_fil, format, importeret, antal_raekker, fil_hash, indhold_hash, mapping,
               fjernede_kolonner, maskerede, sprungne_raekker) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            tilsynId,
            data.fileName,
            data.format,
            now().toISOString(),
            data.rows.count,
            data.fileHash,
            data.rows.hash,
            JSON.stringify(data.mapping),
            JSON.stringify(data.removedColumns),
            data.maskedCells,
            JSON.stringify(data.skippedRows.slice(0, 1000)),
          );
        // Moved in file order, as they were added to the stage.
        const { changes } = sqlite
          .prepare(
            `INSERT INTO population_sag (population_id, fil_raekke, sagsnummer, sagstype, sagsbehandler, team, datoer,
               ekstra, manuel)
             SELECT ?, fil_raekke, sagsnummer, sagstype, sagsbehandler, team, datoer, ekstra, 0 FROM ${STAGE_TABLE}
             WHERE gennemgang = ? ORDER BY rowid`,
          )
          .run(lastInsertRowid, data.rows.pass);
        // The check's rows were let go meanwhile (another file read while the import waited): nothing is stored.
        if (changes !== data.rows.count) throw new ApiError('CONFLICT', STAGE_LET_GO);
      })();
      return store.summary(tilsynId) as PopulationSummary;
    },

    /** A sag entered by hand, e.g. one missing from the export. Creates the population if there is none. */
    addManual(tilsynId: number, sag: ManualSag): PopulationSag {
      return sqlite.transaction(() => {
        requireNoSample(tilsynId, 'der kan ikke tilføjes sager');
        let record = getRecord.get(tilsynId);
        if (!record) {
          sqlite
            .prepare(
              `INSERT INTO population (tilsyn_id, kilde_fil, format, importeret, antal_raekker, fil_hash, indhold_hash, mapping)
               VALUES (?, 'Indtastet manuelt', 'manuel', ?, 0, '', '', '[]')`,
            )
            .run(tilsynId, now().toISOString());
          record = getRecord.get(tilsynId) as PopulationRowRecord;
        }
        const exists = sqlite
          .prepare('SELECT 1 FROM population_sag WHERE population_id = ? AND sagsnummer = ?')
          .get(record.id, sag.sagsnummer);
        if (exists)
          throw new ApiError('VALIDATION', `Sagsnummer ${sag.sagsnummer} findes allerede i sagslisten.`, {
            sagsnummer: 'Sagsnummeret findes allerede',
          });
        const next = (
          sqlite
            .prepare('SELECT coalesce(max(fil_raekke), 0) + 1 AS n FROM population_sag WHERE population_id = ?')
            .get(record.id) as { n: number }
        ).n;
        const { lastInsertRowid } = insertSag.run(
          record.id,
          next,
          sag.sagsnummer,
          sag.sagstype,
          sag.sagsbehandler,
          sag.team,
          JSON.stringify(sag.dates),
          '{}',
          1,
        );
        refreshHash(record.id);
        return toSag(sqlite.prepare('SELECT * FROM population_sag WHERE id = ?').get(lastInsertRowid) as SagRecord);
      })();
    },

    /**
     * Corrects a sag's facts (not its number) before the draw. After it, the population is the documented
     * snapshot; what the review finds out is recorded in the review.
     */
    updateFacts(id: number, facts: SagFacts): PopulationSag {
      return sqlite.transaction(() => {
        const row = sqlite
          .prepare(
            'SELECT s.*, p.tilsyn_id FROM population_sag s JOIN population p ON p.id = s.population_id WHERE s.id = ?',
          )
          .get(id) as (SagRecord & { population_id: number; tilsyn_id: number }) | undefined;
        if (!row) throw new ApiError('NOT_FOUND', 'Sagen findes ikke i sagslisten.');
        requireNoSample(row.tilsyn_id, 'sagslisten kan ikke rettes');
        sqlite
          .prepare('UPDATE population_sag SET sagstype = ?, sagsbehandler = ?, team = ?, datoer = ? WHERE id = ?')
          .run(facts.sagstype, facts.sagsbehandler, facts.team, JSON.stringify(facts.dates), id);
        refreshHash(row.population_id);
        return toSag(sqlite.prepare('SELECT * FROM population_sag WHERE id = ?').get(id) as SagRecord);
      })();
    },

    rememberMapping(layoutKey: string, mapping: ColumnMapping): void {
      sqlite
        .prepare(
          'INSERT INTO import_mapping (layout_key, mapping, brugt) VALUES (?, ?, ?) ON CONFLICT(layout_key) DO UPDATE SET mapping = excluded.mapping, brugt = excluded.brugt',
        )
        .run(layoutKey, JSON.stringify(mapping), now().toISOString());
    },

    rememberedMapping(layoutKey: string): ColumnMapping | undefined {
      const row = sqlite.prepare('SELECT mapping FROM import_mapping WHERE layout_key = ?').get(layoutKey) as
        | { mapping: string }
        | undefined;
      return row ? JSON.parse(row.mapping) : undefined;
    },
  };
  return store;
}

export type PopulationStore = ReturnType<typeof createPopulationStore>;

function toSag(r: SagRecord): PopulationSag {
  return {
    id: r.id,
    fileRow: r.fil_raekke,
    sagsnummer: r.sagsnummer,
    sagstype: r.sagstype,
    sagsbehandler: r.sagsbehandler,
    team: r.team,
    dates: JSON.parse(r.datoer),
    extra: JSON.parse(r.ekstra),
    manual: r.manuel === 1,
  };
}
