import { createHash } from 'node:crypto';
import { ApiError } from '../../../shared/api/errors';
import { maskCpr } from '../../../shared/domain/cpr';
import { splitNumbers } from '../../../shared/domain/cpr-guard';
import { todayIso } from '../../../shared/domain/dates';
import { listDateHint } from '../../../shared/domain/list-date';
import {
  type ColumnMapping,
  cprColumnCounter,
  dataRows,
  detectHeaderRow,
  layoutKey,
  type MappedPopulation,
  memoised,
  rowMapper,
  suggestMapping,
} from '../../../shared/domain/population';
import type { FilePreview } from '../../../shared/domain/sample';
import { type Task, untracked } from '../tasks';
import { type FileGrid, readPopulationFile } from './population-file';

/**
 * What population.check and population.import send: the file the preview read, named by `fil` (its sha256, which
 * the preview answered) or sent again; its header row and the chosen mapping.
 */
export interface MappedFileInput {
  fileName: string;
  dataBase64?: string;
  fil?: string;
  headerRow: number;
  mapping: ColumnMapping;
}

/** The file a check or an import names is no longer held (another was read since, or the app restarted). */
export const FILE_NOT_HELD = 'Filen er ikke længere indlæst. Vælg filen igen.';

/**
 * Reading a sagsliste file for the import's three steps (preview, check, import). The last file read is kept, and
 * with it what was made of it: its structure per header row, and its rows mapped with the last mapping. So each
 * row is parsed, searched for CPR numbers and mapped once (issue #18), and the import stores what the check showed.
 */
export function createPopulationReader() {
  let lastFile: { key: string; grid: FileGrid } | undefined;
  let lastStructure: { file: FileGrid; headerRow: number; value: Structure } | undefined;
  let lastMapped: { file: FileGrid; key: string; value: MappedFile } | undefined;

  async function read(fileName: string, file: { dataBase64?: string; fil?: string }, task: Task): Promise<FileGrid> {
    if (file.dataBase64 === undefined) {
      if (lastFile && lastFile.key === file.fil) return lastFile.grid;
      throw new ApiError('NOT_FOUND', FILE_NOT_HELD);
    }
    const bytes = Buffer.from(file.dataBase64, 'base64');
    const key = createHash('sha256').update(bytes).digest('hex');
    await task.checkpoint();
    if (lastFile?.key !== key) {
      // Counted in per cent of the text: the rows are not known until the file has been read.
      const reading = async ({ share }: { share: number }) => {
        task.report('Læser filen', { done: Math.floor(share * 1000), total: 1000 });
        await task.checkpoint();
      };
      lastFile = { key, grid: await readPopulationFile(fileName, bytes, key, reading) };
    }
    return lastFile.grid;
  }

  /** The header names (CPR-masked, or "Kolonne 3"), the data rows and the columns that hold CPR numbers. */
  async function structure(file: FileGrid, headerRow: number, task: Task): Promise<Structure> {
    if (lastStructure?.file === file && lastStructure.headerRow === headerRow) return lastStructure.value;
    const value = await structureOf(file, headerRow, task);
    lastStructure = { file, headerRow, value };
    return value;
  }

  async function structureOf(file: FileGrid, headerRow: number, task: Task) {
    const headerCells = file.grid[headerRow] ?? [];
    const rows = dataRows(file.grid, headerRow);
    const width = Math.max(headerCells.length, ...rows.slice(0, 200).map((r) => r.cells.length));
    const counter = cprColumnCounter(width);
    for (let from = 0; from < rows.length; from += SLICE) {
      task.report('Leder efter CPR-numre i filen', { done: from, total: rows.length, enhed: 'rækker' });
      counter.add(rows.slice(from, from + SLICE));
      await task.checkpoint();
    }
    const cpr = counter.result();
    for (const c of splitColumns(rows, width)) cpr.add(c);
    // Header names are stored (mapping, remembered layouts): never a CPR-like one.
    const headers = Array.from({ length: width }, (_, i) => {
      const name = headerCells[i]?.trim() ?? '';
      return name ? maskCpr(name).text : `Kolonne ${i + 1}`;
    });
    return { headers, rows, cpr };
  }

  /** The file read and its structure found, said to the task as it goes. */
  async function readAndStructure(
    fileName: string,
    sent: { dataBase64?: string; fil?: string },
    headerRow: number | 'find',
    task: Task,
  ) {
    task.report('Læser filen');
    const file = await read(fileName, sent, task);
    await task.checkpoint();
    const row = headerRow === 'find' ? detectHeaderRow(file.grid) : headerRow;
    const found = await structure(file, row, task);
    await task.checkpoint();
    return { file, headerRow: row, ...found };
  }

  /**
   * The file's rows mapped to sager with the caller's mapping (its header names taken from the file), a slice at a
   * time, with the rows checked said to the task between slices.
   */
  async function mapFile(input: MappedFileInput, task: Task = untracked): Promise<MappedFile> {
    const { file, headers, rows, cpr } = await readAndStructure(input.fileName, input, input.headerRow, task);
    if (input.mapping.length !== headers.length) {
      throw new ApiError('VALIDATION', 'Kolonnerne passer ikke til filen. Vælg filen igen.');
    }
    // The header names come from the file as read here, never from the caller.
    const mapping = input.mapping.map((m, i) => ({ ...m, header: headers[i] ?? m.header }));
    const key = `${input.headerRow}:${JSON.stringify(mapping)}`;
    if (lastMapped?.file === file && lastMapped.key === key) return lastMapped.value;
    // The cells are masked once: the split search below reads them as the mapper masked them.
    const maskOf = memoised(maskCpr);
    const mapper = rowMapper(mapping, cpr, maskOf);
    for (let from = 0; from < rows.length; from += SLICE) {
      task.report('Tjekker rækkerne', { done: from, total: rows.length, enhed: 'rækker' });
      mapper.add(rows.slice(from, from + SLICE));
      await task.checkpoint();
    }
    task.report('Tjekker rækkerne', { done: rows.length, total: rows.length, enhed: 'rækker' });
    const mapped = await withoutSplitNumbers(mapper.result(), rows, mapping, cpr, maskOf, task);
    const value = { file, headers, cpr, mapped, mapping };
    lastMapped = { file, key, value };
    return value;
  }

  /**
   * What the mapping step shows: the file's form, headers and first rows (CPR masked), a suggested mapping for the
   * template's date fields (or the one remembered for this layout, when it fits), and a guess at the list's date.
   */
  async function preview(
    fileName: string,
    dataBase64: string,
    dateFields: readonly { key: string; label: string }[],
    remembered: (layout: string) => ColumnMapping | undefined,
    task: Task = untracked,
  ): Promise<FilePreview> {
    const { file, headerRow, headers, rows, cpr } = await readAndStructure(fileName, { dataBase64 }, 'find', task);
    const before = remembered(layoutKey(headers));
    // A mapping remembered for this layout fits only a template that has the date fields it names, and only when
    // it feeds every date field the fresh suggestion would (made for another template, it may feed none).
    const known = new Set(dateFields.map((f) => f.key));
    const suggested = suggestMapping(
      headers,
      dateFields,
      cpr,
      rows.slice(0, 50).map((r) => r.cells),
    );
    const fed = (mapping: ColumnMapping) => new Set(mapping.flatMap((m) => (m.dateKey ? [m.dateKey] : [])));
    const usable =
      before !== undefined &&
      before.length === headers.length &&
      before.every((m) => m.target !== 'dato' || !m.dateKey || known.has(m.dateKey)) &&
      [...fed(suggested)].every((key) => fed(before).has(key));
    const mapping = (usable ? before : suggested).map((m, i) =>
      cpr.has(i) ? { ...m, target: 'ignorer' as const } : m,
    );
    // The lines above the headers, CPR masked: where an export often says when it was taken.
    const preamble = file.grid.slice(0, Math.max(0, headerRow)).map((r) => r.map((c) => maskCpr(c).text));
    // A date after today is no list's date (a name with a period's end, say): no guess then.
    const listDate = listDateHint(fileName, preamble);
    return {
      fileName,
      fil: file.sha256,
      format: file.format,
      encoding: file.encoding,
      delimiter: file.delimiter,
      headerRow,
      headers,
      // A CPR number in a column kept is shown masked, as it will be stored.
      sampleRows: rows
        .slice(0, 8)
        .map((r) => headers.map((_, i) => (cpr.has(i) ? '••••••-••••' : maskCpr(r.cells[i] ?? '').text))),
      dataRowCount: rows.length,
      cprColumns: [...cpr],
      mapping,
      mappingRemembered: usable,
      listeDato: listDate && listDate.dato <= todayIso() ? listDate : null,
    };
  }

  /**
   * The mapping as it is remembered for the layout: a column left out because this file had CPR numbers in it gets
   * the fresh suggestion instead, so a later, clean file of the same layout is not told to leave it out.
   */
  function toRemember(
    mapping: ColumnMapping,
    headers: readonly string[],
    cpr: ReadonlySet<number>,
    dateFields: readonly { key: string; label: string }[],
  ): ColumnMapping {
    if (cpr.size === 0) return mapping;
    const fresh = suggestMapping(headers, dateFields);
    return mapping.map((m, i) => (cpr.has(i) ? (fresh[i] ?? m) : m));
  }

  /** Lets go of the file read and what was made of it: after an import, 200,000 rows need not stay in memory. */
  function forget(): void {
    lastFile = undefined;
    lastStructure = undefined;
    lastMapped = undefined;
  }

  return { read, structure, mapFile, preview, toRemember, forget };
}

export type PopulationReader = ReturnType<typeof createPopulationReader>;

interface Structure {
  headers: string[];
  rows: ReturnType<typeof dataRows>;
  cpr: Set<number>;
}

interface MappedFile {
  file: FileGrid;
  headers: string[];
  cpr: Set<number>;
  mapped: MappedPopulation;
  mapping: ColumnMapping;
}

/** Rows mapped between two reports of the import's progress. */
const SLICE = 2000;

/** Rows read to find column pairs that hold a CPR number between them (a birth date and a serial, say). */
const PAIR_SAMPLE = 500;

/** Neighbouring columns whose cells, read together, are mostly CPR-like: never stored, like a CPR column. */
function splitColumns(rows: readonly { cells: readonly string[] }[], width: number): number[] {
  const flagged: number[] = [];
  for (let c = 0; c + 1 < width; c++) {
    let filled = 0;
    let split = 0;
    for (const { cells } of rows.slice(0, PAIR_SAMPLE)) {
      const pair = [cells[c]?.trim() ?? '', cells[c + 1]?.trim() ?? ''];
      if (!pair[0] || !pair[1]) continue;
      filled++;
      if (splitNumbers(pair).length > 0) split++;
    }
    if (split > 0 && split >= filled / 2) flagged.push(c, c + 1);
  }
  return flagged;
}

/**
 * A row whose kept cells, read side by side, hold a CPR-like number is not stored: it becomes a row issue (shown
 * before anything is stored, and skipped only on purpose).
 */
async function withoutSplitNumbers(
  mapped: MappedPopulation,
  rows: readonly { fileRow: number; cells: readonly string[] }[],
  mapping: ColumnMapping,
  cpr: ReadonlySet<number>,
  maskOf: (text: string) => ReturnType<typeof maskCpr>,
  task: Task,
): Promise<MappedPopulation> {
  const kept = mapping.flatMap((m, c) => (m.target === 'ignorer' || cpr.has(c) ? [] : [c]));
  const refused = new Set<number>();
  const issues = [...mapped.issues];
  for (const [i, { fileRow, cells }] of rows.entries()) {
    if (i % SLICE === 0) {
      task.report('Leder efter CPR-numre delt på to kolonner', { done: i, total: rows.length, enhed: 'rækker' });
      await task.checkpoint();
    }
    const texts = kept.map((c) => maskOf(cells[c]?.trim() ?? '').text);
    const [split] = splitNumbers(texts);
    if (!split) continue;
    refused.add(fileRow);
    const columns = split.map((i) => `»${mapping[kept[i] ?? 0]?.header ?? ''}«`).join(' og ');
    const message = `Række ${fileRow}: kolonnerne ${columns} indeholder tilsammen noget, der ligner et CPR-nummer`;
    issues.push({ fileRow, column: mapping[kept[split[0] ?? 0] ?? 0]?.header ?? '', message });
  }
  if (refused.size === 0) return mapped;
  return { ...mapped, rows: mapped.rows.filter((r) => !refused.has(r.fileRow)), issues };
}
