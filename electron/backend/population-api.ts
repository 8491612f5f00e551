import { createHash } from 'node:crypto';
import { createAfslutningStore } from '../../db/afslutning-store';
import type { TilsynDatabase } from '../../db/open';
import { createPopulationStore } from '../../db/population-store';
import type { SkabelonStore } from '../../db/skabelon-store';
import { createStikproeveStore } from '../../db/stikproeve-store';
import type { TilsynStore } from '../../db/tilsyn-store';
import { ApiError } from '../../shared/api/errors';
import { maskCpr } from '../../shared/domain/cpr';
import {
  type ColumnMapping,
  cprColumns,
  dataRows,
  detectHeaderRow,
  layoutKey,
  mapRows,
  suggestMapping,
} from '../../shared/domain/population';
import { drawSample, type SamplingUnit } from '../../shared/domain/sampling';
import { EXCLUSION_REASON_LABELS } from '../../shared/domain/stikproeve';
import type { Handlers } from './dispatch';
import { type FileGrid, readPopulationFile } from './population-file';

type PopulationHandlers = Pick<
  Handlers,
  | 'population.preview'
  | 'population.check'
  | 'population.import'
  | 'population.get'
  | 'population.sager'
  | 'population.addSag'
  | 'population.updateSag'
  | 'stikproeve.get'
  | 'stikproeve.preview'
  | 'stikproeve.draw'
  | 'stikproeve.exclude'
>;

const MAX_ISSUES_SHOWN = 200;

/** Importing the sagsliste and drawing the stikprøve. */
export function createPopulationHandlers(
  db: TilsynDatabase,
  tilsyn: TilsynStore,
  skabeloner: SkabelonStore,
): PopulationHandlers {
  const populations = createPopulationStore(db);
  const samples = createStikproeveStore(db, populations);
  const afslutning = createAfslutningStore(db);
  // The last file read, so the preview, check and import steps parse it once.
  let lastFile: { key: string; grid: FileGrid } | undefined;
  // The last population read as sampling units, keyed by its fingerprint: the live preview asks often.
  let lastUnits: { tilsynId: number; hash: string; units: SamplingUnit[] } | undefined;

  function unitsOf(tilsynId: number): SamplingUnit[] {
    const hash = populations.header(tilsynId)?.contentHash ?? '';
    if (lastUnits?.tilsynId !== tilsynId || lastUnits.hash !== hash) {
      lastUnits = { tilsynId, hash, units: populations.units(tilsynId) };
    }
    return lastUnits.units;
  }

  async function readFile(fileName: string, dataBase64: string): Promise<FileGrid> {
    const bytes = Buffer.from(dataBase64, 'base64');
    const key = createHash('sha256').update(bytes).digest('hex');
    if (lastFile?.key !== key) lastFile = { key, grid: await readPopulationFile(fileName, bytes) };
    return lastFile.grid;
  }

  function dateFieldsOf(tilsynId: number) {
    const t = tilsyn.get(tilsynId);
    if (!t) throw new ApiError('NOT_FOUND', 'Tilsynet findes ikke (det kan være slettet).');
    return skabeloner.publishedContent(t.skabelonVersionId).dateFields;
  }

  function structure(file: FileGrid, headerRow: number) {
    const headerCells = file.grid[headerRow] ?? [];
    const rows = dataRows(file.grid, headerRow);
    const width = Math.max(headerCells.length, ...rows.slice(0, 200).map((r) => r.cells.length));
    const cpr = cprColumns(rows, width);
    // Header names are stored (mapping, remembered layouts): never a CPR-like one.
    const headers = Array.from({ length: width }, (_, i) => {
      const name = headerCells[i]?.trim() ?? '';
      return name ? maskCpr(name).text : `Kolonne ${i + 1}`;
    });
    return { headers, rows, cpr };
  }

  async function mapFile(input: { fileName: string; dataBase64: string; headerRow: number; mapping: ColumnMapping }) {
    const file = await readFile(input.fileName, input.dataBase64);
    const { headers, rows, cpr } = structure(file, input.headerRow);
    if (input.mapping.length !== headers.length) {
      throw new ApiError('VALIDATION', 'Kolonnerne passer ikke til filen. Vælg filen igen.');
    }
    // The header names come from the file as read here, never from the caller.
    const mapping = input.mapping.map((m, i) => ({ ...m, header: headers[i] ?? m.header }));
    const mapped = mapRows(rows, mapping, cpr);
    return { file, headers, cpr, mapped, mapping };
  }

  return {
    'population.preview': async ({ tilsynId, fileName, dataBase64 }) => {
      const file = await readFile(fileName, dataBase64);
      const headerRow = detectHeaderRow(file.grid);
      const { headers, rows, cpr } = structure(file, headerRow);
      const remembered = populations.rememberedMapping(layoutKey(headers));
      const usable = remembered && remembered.length === headers.length;
      const mapping = (usable ? remembered : suggestMapping(headers, dateFieldsOf(tilsynId), cpr)).map((m, i) =>
        cpr.has(i) ? { ...m, target: 'ignorer' as const } : m,
      );
      return {
        fileName,
        format: file.format,
        encoding: file.encoding,
        delimiter: file.delimiter,
        headerRow,
        headers,
        sampleRows: rows
          .slice(0, 8)
          .map((r) => headers.map((_, i) => (cpr.has(i) ? '••••••-••••' : (r.cells[i] ?? '')))),
        dataRowCount: rows.length,
        cprColumns: [...cpr],
        mapping,
        mappingRemembered: Boolean(usable),
      };
    },

    'population.check': async (input) => {
      const { headers, cpr, mapped } = await mapFile(input);
      return {
        validRows: mapped.rows.length,
        issueCount: mapped.issues.length,
        issues: mapped.issues.slice(0, MAX_ISSUES_SHOWN),
        maskedCells: mapped.masked.length,
        removedColumns: [...cpr].map((i) => headers[i] ?? ''),
      };
    },

    'population.import': async ({ tilsynId, skipInvalid, ...input }) => {
      const { file, headers, cpr, mapped, mapping } = await mapFile(input);
      if (mapped.issues.length > 0 && !skipInvalid) {
        throw new ApiError(
          'VALIDATION',
          `${mapped.issues.length === 1 ? 'Én række har fejl' : `${mapped.issues.length} rækker har fejl`}. Ret filen, eller vælg at springe rækkerne over.`,
        );
      }
      if (mapped.rows.length === 0) throw new ApiError('VALIDATION', 'Filen har ingen sager, der kan importeres.');
      const summary = populations.replace(tilsynId, {
        fileName: maskCpr(input.fileName).text,
        format: file.format,
        fileHash: file.sha256,
        mapping,
        removedColumns: [...cpr].map((i) => headers[i] ?? ''),
        maskedCells: mapped.masked.length,
        skippedRows: mapped.issues,
        rows: mapped.rows,
      });
      populations.rememberMapping(layoutKey(headers), mapping);
      lastUnits = undefined;
      return summary;
    },

    'population.get': ({ tilsynId }) => populations.summary(tilsynId),
    'population.sager': ({ tilsynId }) => populations.sager(tilsynId),
    // A changed population gets new row ids: the cached sampling units must be read again.
    'population.addSag': ({ tilsynId, sag }) => {
      lastUnits = undefined;
      return populations.addManual(tilsynId, sag);
    },
    'population.updateSag': ({ id, facts }) => {
      lastUnits = undefined;
      return populations.updateFacts(id, facts);
    },

    'stikproeve.get': ({ tilsynId }) => samples.get(tilsynId),
    'stikproeve.preview': ({ tilsynId, spec }) => {
      const units = unitsOf(tilsynId);
      const history =
        spec.avoidRecentlyReviewed || spec.preferUnreviewed
          ? samples.history(tilsynId, new Date().toISOString().slice(0, 10))
          : undefined;
      const result = drawSample(units, spec, history);
      return {
        populationCount: units.length,
        afterFilters: result.populationAfterFilters,
        strata: result.strata,
        warnings: result.warnings,
      };
    },
    'stikproeve.draw': ({ tilsynId, spec, drawnBy }) => samples.draw(tilsynId, spec, drawnBy, unitsOf(tilsynId)),
    // After a reopening, a sag leaving the sample is a change to the review like any other: logged.
    'stikproeve.exclude': ({ sagId, reason, note }) =>
      db.sqlite.transaction(() => {
        const result = samples.exclude(sagId, reason, note);
        const sag = result.record.sager.find((s) => s.id === sagId);
        afslutning.recordChange(result.record.tilsynId, {
          sagsnummer: sag?.sagsnummer ?? '',
          what: 'Sagen udgår af stikprøven',
          oldValue: null,
          newValue: [EXCLUSION_REASON_LABELS[reason], note].filter(Boolean).join(': '),
        });
        return result;
      })(),
  };
}
