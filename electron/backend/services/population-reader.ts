import { createHash } from 'node:crypto';
import { type ImportStage, STAGE_LET_GO, type StagedRows, type StagePass } from '../../../db/import-stage';
import { ApiError } from '../../../shared/api/errors';
import { CPR_MASK, maskCpr } from '../../../shared/domain/cpr';
import { cellReading, splitNumbers } from '../../../shared/domain/cpr-guard';
import { todayIso } from '../../../shared/domain/dates';
import { listDateHint } from '../../../shared/domain/list-date';
import {
  type ColumnMapping,
  cprColumnCounter,
  type DataRow,
  dataRowStream,
  detectHeaderRow,
  layoutKey,
  memoised,
  type PopulationRow,
  type RowIssue,
  rowMapper,
  suggestMapping,
} from '../../../shared/domain/population';
import type { FilePreview } from '../../../shared/domain/sample';
import { type Task, untracked } from '../tasks';
import { openPopulationFile, type PopulationFile } from './population-file';

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
 * Reading a sagsliste file for the import's three steps (preview, check, import). The last file read is kept (a
 * CSV as its text), and with it what was made of it: its structure per header row, and its rows mapped with the last
 * mapping, put in the import stage. Its cells are read a slice at a time and let go (issue #18): the preview counts
 * the structure in one pass, the check maps the rows in another, and the import moves what the check staged, so the
 * import stores what the check showed.
 */
export function createPopulationReader(stage: ImportStage) {
  let lastFile: { key: string; file: PopulationFile } | undefined;
  let lastStructure: { file: PopulationFile; asked: number | 'find'; value: Structure } | undefined;
  let lastMapped: { file: PopulationFile; key: string; value: MappedFile } | undefined;

  async function read(fileName: string, sent: { dataBase64?: string; fil?: string }, task: Task) {
    if (sent.dataBase64 === undefined) {
      if (lastFile && lastFile.key === sent.fil) return lastFile.file;
      throw new ApiError('NOT_FOUND', FILE_NOT_HELD);
    }
    const bytes = Buffer.from(sent.dataBase64, 'base64');
    const key = createHash('sha256').update(bytes).digest('hex');
    await task.checkpoint();
    if (lastFile?.key !== key) {
      forget();
      lastFile = { key, file: await openPopulationFile(fileName, bytes, key) };
    }
    return lastFile.file;
  }

  /** The header names (CPR-masked, or "Kolonne 3"), the data rows' count and first rows, and the CPR columns. */
  async function structure(file: PopulationFile, asked: number | 'find', task: Task): Promise<Structure> {
    const known = lastStructure;
    if (known?.file === file && (known.asked === asked || known.value.headerRow === asked)) return known.value;
    const value = await structureOf(file, asked, task);
    lastStructure = { file, asked, value };
    return value;
  }

  /** The file read, said to the task as it goes, and its structure found on the way. */
  async function readAndStructure(
    fileName: string,
    sent: { dataBase64?: string; fil?: string },
    headerRow: number | 'find',
    task: Task,
  ) {
    task.report('Læser filen');
    const file = await read(fileName, sent, task);
    await task.checkpoint();
    const found = await structure(file, headerRow, task);
    await task.checkpoint();
    return { file, ...found };
  }

  /**
   * The file's rows mapped to sager with the caller's mapping (its header names taken from the file), a slice at a
   * time, with the rows checked said to the task between slices; those that can be stored are put in the stage.
   */
  async function mapFile(input: MappedFileInput, task: Task = untracked): Promise<MappedFile> {
    const { file, headers, cpr, rowCount } = await readAndStructure(input.fileName, input, input.headerRow, task);
    if (input.mapping.length !== headers.length) {
      throw new ApiError('VALIDATION', 'Kolonnerne passer ikke til filen. Vælg filen igen.');
    }
    // The header names come from the file as read here, never from the caller.
    const mapping = input.mapping.map((m, i) => ({ ...m, header: headers[i] ?? m.header }));
    const key = `${input.headerRow}:${JSON.stringify(mapping)}`;
    const known = lastMapped;
    if (known?.file === file && known.key === key && stage.holds(known.value.staged)) return known.value;
    const pass = stage.begin();
    try {
      const mapped = await mapRowsOf(file, input.headerRow, mapping, cpr, rowCount, pass, task);
      const staged = stage.finish(pass);
      const value = { file, headers, cpr, mapping, ...mapped, staged, validRows: staged.count };
      lastMapped = { file, key, value };
      return value;
    } catch (e) {
      stage.drop(pass);
      throw e;
    }
  }

  /** One pass over the file's rows: mapped, searched for CPR numbers split over two cells, and staged. */
  async function mapRowsOf(
    file: PopulationFile,
    headerRow: number,
    mapping: ColumnMapping,
    cpr: ReadonlySet<number>,
    rowCount: number,
    pass: StagePass,
    task: Task,
  ) {
    // The cells are masked once: the split search reads them as the mapper masked them.
    const maskOf = memoised(maskCpr);
    const mapper = rowMapper(mapping, cpr, maskOf);
    const split = splitSearch(mapping, cpr, maskOf);
    const rows = dataRowStream(headerRow);
    let done = 0;
    const take = (slice: DataRow[]) => {
      const stored = split.refuse(mapper.add(slice), slice);
      if (stored.length > 0) pass.add(stored);
      done += slice.length;
    };
    for await (const grid of file.slices()) {
      task.report('Tjekker rækkerne', { done, total: rowCount, enhed: 'rækker' });
      take(rows.add(grid));
      await task.checkpoint();
    }
    take(rows.end());
    task.report('Tjekker rækkerne', { done: rowCount, total: rowCount, enhed: 'rækker' });
    const { issues, masked } = mapper.result();
    // The split numbers' issues come after the mapper's, as they did when they were searched after it.
    return { issues: [...issues, ...split.issues], masked: masked.length };
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
    const { file, headerRow, headers, first, rowCount, preamble, cpr } = await readAndStructure(
      fileName,
      { dataBase64 },
      'find',
      task,
    );
    const before = remembered(layoutKey(headers));
    // A mapping remembered for this layout fits only a template that has the date fields it names, and only when
    // it feeds every date field the fresh suggestion would (made for another template, it may feed none).
    const known = new Set(dateFields.map((f) => f.key));
    const suggested = suggestMapping(
      headers,
      dateFields,
      cpr,
      first.slice(0, 50).map((r) => r.cells),
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
      sampleRows: first
        .slice(0, 8)
        .map((r) => headers.map((_, i) => (cpr.has(i) ? '••••••-••••' : maskCpr(r.cells[i] ?? '').text))),
      dataRowCount: rowCount,
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

  /** Lets go of the file read and what was made of it: after an import, 200,000 rows need not stay anywhere. */
  function forget(): void {
    lastFile = undefined;
    lastStructure = undefined;
    lastMapped = undefined;
    stage.clear();
  }

  /**
   * What a kept list holds of the staged rows: only what the overview needs (the person is hashed by the store). A
   * person reference that held a CPR number (masked) is no reference: all such would read as one person.
   */
  function keptList({ staged }: MappedFile) {
    const rows = Array.from(stage.rows(staged), ({ sagsnummer, sagsbehandler, team, sagstype, person }) => ({
      sagsnummer,
      sagsbehandler,
      team,
      sagstype,
      person: person.includes(CPR_MASK) ? '' : person,
    }));
    // The check's rows were let go meanwhile (another file read while the import waited): nothing is kept.
    if (rows.length !== staged.count) throw new ApiError('CONFLICT', STAGE_LET_GO);
    return rows;
  }

  return { read, structure, mapFile, preview, toRemember, keptList, forget };
}

export type PopulationReader = ReturnType<typeof createPopulationReader>;

const MAX_ISSUES_SHOWN = 200;

/** What a check answers of a mapped file: the sager that can be stored, the first issues, the columns left out. */
export function checkSummary(mapped: MappedFile) {
  return {
    validRows: mapped.validRows,
    issueCount: mapped.issues.length,
    issues: mapped.issues.slice(0, MAX_ISSUES_SHOWN),
    maskedCells: mapped.masked,
    removedColumns: removedColumns(mapped),
  };
}

/** The columns left out because they hold CPR numbers, by their names. */
export const removedColumns = ({ cpr, headers }: MappedFile) => [...cpr].map((i) => headers[i] ?? '');

/** Refuses a file whose rows have errors (unless skipped on purpose) or that has no sager. */
export function refuseUnusable(mapped: MappedFile, skipInvalid: boolean) {
  const issues = mapped.issues.length;
  if (issues > 0 && !skipInvalid) {
    throw new ApiError(
      'VALIDATION',
      `${issues === 1 ? 'Én række har fejl' : `${issues} rækker har fejl`}. Ret filen, eller vælg at springe rækkerne over.`,
    );
  }
  if (mapped.validRows === 0) throw new ApiError('VALIDATION', 'Filen har ingen sager, der kan importeres.');
}

interface Structure {
  /** The header row found or asked for (-1: none). */
  headerRow: number;
  headers: string[];
  /** The lines above the header row, CPR masked: where an export often says when it was taken. */
  preamble: string[][];
  /** The first data rows (the preview's sample, the suggested mapping, the search for split columns). */
  first: DataRow[];
  rowCount: number;
  cpr: Set<number>;
}

interface MappedFile {
  file: PopulationFile;
  headers: string[];
  cpr: Set<number>;
  mapping: ColumnMapping;
  /** The rows that can be stored, as the stage holds them. */
  staged: StagedRows;
  validRows: number;
  issues: RowIssue[];
  /** Kept cells where a CPR-like number was masked. */
  masked: number;
}

/** Rows read to find the header row. */
const HEAD = 50;

/** Data rows read to find the file's width. */
const WIDTH_SAMPLE = 200;

/** Rows read to find column pairs that hold a CPR number between them (a birth date and a serial, say). */
const PAIR_SAMPLE = 500;

/**
 * The file's structure, in one pass over its rows a slice at a time: the header row (found in the first rows when
 * not asked for), the width (from the headers and the first data rows), the columns that hold CPR numbers (counted
 * over every row), and the first rows kept. Said to the task as »Læser filen« in per cent of the text.
 */
async function structureOf(file: PopulationFile, asked: number | 'find', task: Task): Promise<Structure> {
  const head: string[][] = [];
  let headerRow = asked === 'find' ? undefined : asked;
  let stream = headerRow === undefined ? undefined : dataRowStream(headerRow);
  const first: DataRow[] = [];
  let rowCount = 0;
  let counter: ReturnType<typeof cprColumnCounter> | undefined;
  let waiting: DataRow[] = [];
  let width = 0;
  // A header row asked for below the first rows (by hand: the screen asks for the one found) is kept on its own.
  let rowsRead = 0;
  let askedCells: readonly string[] | undefined;
  const headerCellsOf = () => (headerRow === undefined ? undefined : (head[headerRow] ?? askedCells)) ?? [];
  const count = (rows: DataRow[]) => {
    rowCount += rows.length;
    for (const r of rows) if (first.length < PAIR_SAMPLE) first.push(r);
    if (counter) return counter.add(rows);
    waiting = waiting.concat(rows);
    if (waiting.length >= WIDTH_SAMPLE) startCounting();
  };
  const startCounting = () => {
    width = Math.max(headerCellsOf().length, ...first.slice(0, WIDTH_SAMPLE).map((r) => r.cells.length));
    counter = cprColumnCounter(width);
    counter.add(waiting);
    waiting = [];
  };
  const reading = async ({ share }: { share: number }) => {
    task.report('Læser filen', { done: Math.floor(share * 1000), total: 1000 });
    await task.checkpoint();
  };
  for await (const grid of file.slices(reading)) {
    if (typeof asked === 'number' && asked >= rowsRead && asked < rowsRead + grid.length)
      askedCells = grid[asked - rowsRead];
    rowsRead += grid.length;
    const fresh = head.length < HEAD ? grid.slice(0, HEAD - head.length) : [];
    head.push(...fresh);
    if (stream) count(stream.add(grid));
    else if (head.length >= HEAD) {
      headerRow = detectHeaderRow(head);
      stream = dataRowStream(headerRow);
      // The rows of this slice after those in the head: read once the header row is known.
      count(stream.add(head));
      count(stream.add(grid.slice(fresh.length)));
    }
  }
  if (!stream) {
    headerRow = detectHeaderRow(head);
    stream = dataRowStream(headerRow);
    count(stream.add(head));
  }
  count(stream.end());
  if (!counter) startCounting();
  const cpr = counter?.result() ?? new Set<number>();
  for (const c of splitColumns(first, width)) cpr.add(c);
  const row = headerRow ?? -1;
  const headerCells = headerCellsOf();
  // Header names are stored (mapping, remembered layouts): never a CPR-like one.
  const headers = Array.from({ length: width }, (_, i) => {
    const name = headerCells[i]?.trim() ?? '';
    return name ? maskCpr(name).text : `Kolonne ${i + 1}`;
  });
  const preamble = head.slice(0, Math.max(0, row)).map((r) => r.map((c) => maskCpr(c).text));
  return { headerRow: row, headers, preamble, first, rowCount, cpr };
}

/** Neighbouring columns whose cells, read together, are mostly CPR-like: never stored, like a CPR column. */
function splitColumns(rows: readonly DataRow[], width: number): number[] {
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
 * before anything is stored, and skipped only on purpose). `refuse` takes a slice's mapped rows and the slice.
 */
function splitSearch(
  mapping: ColumnMapping,
  cpr: ReadonlySet<number>,
  maskOf: (text: string) => ReturnType<typeof maskCpr>,
) {
  const kept = mapping.flatMap((m, c) => (m.target === 'ignorer' || cpr.has(c) ? [] : [c]));
  const issues: RowIssue[] = [];
  const reading = memoised(cellReading);
  return {
    issues,
    refuse(mapped: PopulationRow[], slice: readonly DataRow[]): PopulationRow[] {
      const refused = new Set<number>();
      for (const { fileRow, cells } of slice) {
        const texts = kept.map((c) => maskOf(cells[c]?.trim() ?? '').text);
        const [split] = splitNumbers(texts, { reading });
        if (!split) continue;
        refused.add(fileRow);
        const columns = split.map((i) => `»${mapping[kept[i] ?? 0]?.header ?? ''}«`).join(' og ');
        const message = `Række ${fileRow}: kolonnerne ${columns} indeholder tilsammen noget, der ligner et CPR-nummer`;
        issues.push({ fileRow, column: mapping[kept[split[0] ?? 0] ?? 0]?.header ?? '', message });
      }
      return refused.size === 0 ? mapped : mapped.filter((r) => !refused.has(r.fileRow));
    },
  };
}
