import { createHash } from 'node:crypto';
import { ApiError } from '../../../shared/api/errors';
import { maskCpr } from '../../../shared/domain/cpr';
import { type ColumnMapping, cprColumns, dataRows, mapRows } from '../../../shared/domain/population';
import { type FileGrid, readPopulationFile } from './population-file';

/** What population.check and population.import send: the file again, its header row and the chosen mapping. */
export interface MappedFileInput {
  fileName: string;
  dataBase64: string;
  headerRow: number;
  mapping: ColumnMapping;
}

/**
 * Reading a sagsliste file for the import's three steps (preview, check, import). The last file read is kept, so
 * the steps parse it once.
 */
export function createPopulationReader() {
  let lastFile: { key: string; grid: FileGrid } | undefined;

  async function read(fileName: string, dataBase64: string): Promise<FileGrid> {
    const bytes = Buffer.from(dataBase64, 'base64');
    const key = createHash('sha256').update(bytes).digest('hex');
    if (lastFile?.key !== key) lastFile = { key, grid: await readPopulationFile(fileName, bytes) };
    return lastFile.grid;
  }

  /** The header names (CPR-masked, or "Kolonne 3"), the data rows and the columns that hold CPR numbers. */
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

  /** The file's rows mapped to sager with the caller's mapping (its header names taken from the file). */
  async function mapFile(input: MappedFileInput) {
    const file = await read(input.fileName, input.dataBase64);
    const { headers, rows, cpr } = structure(file, input.headerRow);
    if (input.mapping.length !== headers.length) {
      throw new ApiError('VALIDATION', 'Kolonnerne passer ikke til filen. Vælg filen igen.');
    }
    // The header names come from the file as read here, never from the caller.
    const mapping = input.mapping.map((m, i) => ({ ...m, header: headers[i] ?? m.header }));
    const mapped = mapRows(rows, mapping, cpr);
    return { file, headers, cpr, mapped, mapping };
  }

  return { read, structure, mapFile };
}

export type PopulationReader = ReturnType<typeof createPopulationReader>;
