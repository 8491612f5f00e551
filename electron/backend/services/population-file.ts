import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import type { CellValue as ExcelCellValue } from 'exceljs';
import Papa from 'papaparse';
import { ApiError } from '../../../shared/api/errors';
import { containsCpr } from '../../../shared/domain/cpr';
import { SAGSLISTE_MAX_BYTES, SAGSLISTE_MAX_MB } from '../../../shared/domain/population';
import { loadExcelJS } from './lazy-modules';

/** What was detected about a sagsliste file. */
export interface FileFacts {
  format: 'csv' | 'xlsx';
  /** For CSV: 'utf-8', 'utf-8 (BOM)', 'utf-16' or 'windows-1252'. */
  encoding?: string;
  /** For CSV: the detected delimiter. */
  delimiter?: string;
  /** SHA-256 of the file's bytes: the population snapshot's fingerprint. */
  sha256: string;
}

/**
 * A sagsliste file opened: its rows are read a slice at a time, as often as asked, and not kept (issue #18: a
 * 200,000-row export's cells took 150 MB). A CSV keeps its text; an XLSX its grid, which ExcelJS reads whole.
 */
export interface PopulationFile extends FileFacts {
  /**
   * The file's rows from the first, a slice at a time, with `progress` told between two how far it has come. A file
   * with an unclosed quote, or with no rows, gets its Danish error when the slices reach it.
   */
  slices(progress?: ReadProgress): AsyncGenerator<string[][]>;
}

const XLSX_MAGIC = [0x50, 0x4b, 0x03, 0x04]; // a zip archive

/**
 * Between two slices of a CSV being parsed: how far it has come. The caller may report it, yield, or throw to stop
 * (issue #18: a 150 MB export took a second of parsing in one piece, and no status or »Afbryd« was read meanwhile).
 */
export type ReadProgress = (done: { rows: number; share: number }) => Promise<void>;

/** Opens a CSV or XLSX export from a case system, to be read a slice at a time. Bad files get a Danish error. */
export async function openPopulationFile(
  fileName: string,
  bytes: Buffer,
  knownSha256?: string,
): Promise<PopulationFile> {
  if (bytes.length === 0) throw new ApiError('VALIDATION', `Filen »${fileName}« er tom.`);
  if (bytes.length > SAGSLISTE_MAX_BYTES)
    throw new ApiError('VALIDATION', `Filen »${fileName}« er for stor (over ${SAGSLISTE_MAX_MB} MB).`);
  // The caller that has hashed the bytes already (to know the file again) passes the hash.
  const sha256 = knownSha256 ?? createHash('sha256').update(bytes).digest('hex');
  const isZip = XLSX_MAGIC.every((b, i) => bytes[i] === b);
  if (isZip || /\.xlsx$/i.test(fileName)) return { ...(await readXlsx(fileName, bytes)), sha256 };
  if (/\.xls$/i.test(fileName)) {
    throw new ApiError(
      'VALIDATION',
      `»${fileName}« er i det gamle Excel-format (.xls). Gem filen som .xlsx eller .csv, og prøv igen.`,
    );
  }
  return { ...openCsv(fileName, bytes), sha256 };
}

/** UTF-8 (with or without BOM) when the bytes are valid UTF-8; otherwise Windows-1252, as older exports are. */
export function decodeText(bytes: Buffer): { text: string; encoding: string } {
  // Excel's »Unicode-tekst (*.txt)« is UTF-16 with a byte order mark, tab-separated.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16' };
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8 (BOM)' };
  }
  // Asked without decoding: a failed decode of a 150 MB Windows-1252 export made 300 MB of text for nothing.
  if (isUtf8(bytes)) return { text: bytes.toString('utf8'), encoding: 'utf-8' };
  return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
}

// Windows-1252 differs from Latin-1 only in 0x80-0x9F (€, –, curly quotes …). Decoded by hand because
// Node's TextDecoder('windows-1252') treats the label as Latin-1 in recent versions (nodejs/node#56542).
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

export function decodeWindows1252(bytes: Uint8Array): string {
  // Latin-1 natively (a byte a character), then the 32 characters where Windows-1252 differs: a 200,000-row export
  // takes milliseconds, where a character at a time took most of a second (issue #18).
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1')
    .replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH.charAt(c.charCodeAt(0) - 0x80));
}

const DELIMITERS = [';', '\t', ',', '|'] as const;

/**
 * The delimiter that splits most of the first lines into the same number of fields (more than one); where two do
 * that for as many lines, the one that gives more fields (a title »Sagsliste; Team Nord« above a comma table gives
 * fewer), then the one Danish exports use most (semicolon first). Papa's own guess is thrown by a short file's
 * blank last line.
 */
export function guessDelimiter(text: string): string {
  // The first lines only: a 200,000-line export need not be split whole to find them (a megabyte holds 60 lines of
  // all but the widest exports, which are split whole).
  const lines = (part: string) => part.split(/\r\n|\n|\r/);
  const head = lines(text.slice(0, 1 << 20));
  const sample = (head.length > 61 ? head : lines(text))
    .filter((l) => l.trim())
    .slice(0, 60)
    .join('\n');
  let best = { d: ',', lines: 0, fields: 0 };
  for (const d of DELIMITERS) {
    const tally = new Map<number, number>();
    for (const r of Papa.parse<string[]>(sample, { delimiter: d }).data)
      if (r.length > 1) tally.set(r.length, (tally.get(r.length) ?? 0) + 1);
    const [fields, lines] = [...tally].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0] ?? [0, 0];
    if (lines > best.lines || (lines === best.lines && lines > 0 && fields > best.fields)) best = { d, lines, fields };
  }
  return best.d;
}

/** A quarter of a megabyte of text per slice: a few thousand rows, parsed and let go in a few milliseconds. */
export const CSV_SLICE = 1 << 18;

/** A slice of a CSV's rows, with Papa Parse's errors (their rows counted from the file's first) and how far it is. */
export interface CsvSlice {
  rows: string[][];
  errors: Papa.ParseError[];
  share: number;
}

/**
 * The text's rows, a slice at a time. A slice ends at a line break outside quotes (counted from the start), and each
 * is parsed on its own, so the rows are those of one parse: the parser reads left to right, and at such a break it
 * stands between two rows. A stray quote in an unquoted cell (»x"y«, which Papa Parse reads as a character) can make
 * the count wrong; the slice then ends inside a quoted field, Papa Parse says so, and the rest of the text is parsed
 * in one piece instead (the slices before it ended where one parse has a row end). (Papa Parse's own slicing of a
 * text was tried: it split quoted fields, and refused valid files.)
 */
export function* csvSlices(text: string, delimiter: string, sliceSize = CSV_SLICE): Generator<CsvSlice> {
  const start = Papa.parse<string[]>(text.slice(0, CSV_SLICE), { delimiter, preview: 1 }).meta.linebreak;
  const newline = start === '\r' || start === '\r\n' ? start : '\n';
  const parse = (part: string) => Papa.parse<string[]>(part, { delimiter, newline, skipEmptyLines: false });
  const cells = (rows: string[][]) => rows.map((row) => row.map((cell: string | undefined) => String(cell ?? '')));
  const quotes = quoteFinder(text);
  // An error's row counts from its slice, so it is moved on.
  let done = 0;
  const moved = (errors: Papa.ParseError[]) => errors.map((e) => ({ ...e, row: (e.row ?? 0) + done }));
  for (let from = 0; from < text.length; ) {
    const to = sliceEnd(text, from, sliceSize, newline, quotes);
    const part = parse(text.slice(from, to));
    if (to < text.length) {
      if (part.errors.some((e) => e.type === 'Quotes')) {
        const rest = parse(text.slice(from));
        yield { rows: cells(rest.data), errors: moved(rest.errors), share: 1 };
        return;
      }
      // The empty row after the slice's last line break is the next slice's first row.
      part.data.pop();
    }
    yield { rows: cells(part.data), errors: moved(part.errors), share: to / text.length };
    done += part.data.length;
    from = to;
  }
}

/**
 * Where a slice from `from` ends: after the first line break outside quotes `size` characters on, or at the end. One
 * pass over the text: the line break looked for is moved on only once a quoted stretch has passed it (a long line of
 * quoted cells searched anew for each would take minutes).
 */
function sliceEnd(text: string, from: number, size: number, newline: string, quoteFrom: QuoteFinder): number {
  let at = from;
  let end = text.indexOf(newline, from + size);
  for (;;) {
    if (end < 0) return text.length;
    const quote = quoteFrom(at);
    if (quote < 0 || quote > end) return end + newline.length;
    // A quoted stretch: the line breaks in it do not end a row.
    const closing = quoteFrom(quote + 1);
    if (closing < 0) return text.length;
    at = closing + 1;
    if (at > end) end = text.indexOf(newline, at);
  }
}

/** Where the text's next quote from a place is (-1: none). */
type QuoteFinder = (at: number) => number;

/**
 * A QuoteFinder that remembers its last answer: a text without quotes is searched to its end once, not once a slice
 * (a 19 MB export cut in 19 slices was searched for 180 MB).
 */
function quoteFinder(text: string): QuoteFinder {
  let searched = { from: 0, at: text.indexOf('"') };
  return (at) => {
    // No quote between `from` and the one found (or the end): the answer for any place between them.
    if (searched.from <= at && (searched.at < 0 || searched.at >= at)) return searched.at;
    searched = { from: at, at: text.indexOf('"', at) };
    return searched.at;
  };
}

/** A CSV decoded and its delimiter guessed; its rows are parsed when read. */
function openCsv(fileName: string, bytes: Buffer): Omit<PopulationFile, 'sha256'> {
  const { text, encoding } = decodeText(bytes);
  if (text.includes('\u0000')) {
    throw new ApiError('VALIDATION', `»${fileName}« ligner ikke en CSV-fil (den indeholder binære data).`);
  }
  const delimiter = guessDelimiter(text);
  async function* slices(progress: ReadProgress = async () => undefined) {
    let rows = 0;
    let filled = false;
    for (const part of csvSlices(text, delimiter)) {
      const fatal = part.errors.find((e) => e.type === 'Quotes');
      if (fatal) {
        throw new ApiError(
          'VALIDATION',
          `»${fileName}« kan ikke læses: et anførselstegn er ikke lukket (omkring række ${(fatal.row ?? 0) + 1}).`,
        );
      }
      filled ||= part.rows.some((r) => r.some((c) => c.trim()));
      rows += part.rows.length;
      yield part.rows;
      await progress({ rows, share: part.share });
    }
    if (!filled) throw new ApiError('VALIDATION', `»${fileName}« indeholder ingen rækker.`);
  }
  return { format: 'csv', encoding, delimiter, slices };
}

/** Rows of an XLSX's grid given at a time. */
const XLSX_SLICE = 2000;

async function readXlsx(fileName: string, bytes: Buffer): Promise<Omit<PopulationFile, 'sha256'>> {
  const ExcelJS = loadExcelJS();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new ApiError('VALIDATION', `»${fileName}« kan ikke åbnes som Excel-fil (.xlsx). Den kan være beskadiget.`);
  }
  const sheet = workbook.worksheets.find((ws) => ws.rowCount > 0);
  if (!sheet) throw new ApiError('VALIDATION', `»${fileName}« har ingen ark med data.`);
  const width = sheet.columnCount;
  const grid: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      // A merged title cell repeats its value in every merged cell; keep it once, in its master cell.
      cells.push(cell.isMerged && cell.master.address !== cell.address ? '' : cellText(cell.value, cell.numFmt));
    }
    grid.push(cells);
  }
  async function* slices(progress: ReadProgress = async () => undefined) {
    for (let from = 0; from < grid.length; from += XLSX_SLICE) {
      const to = Math.min(grid.length, from + XLSX_SLICE);
      yield grid.slice(from, to);
      await progress({ rows: to, share: to / grid.length });
    }
  }
  return { format: 'xlsx', slices };
}

function cellText(value: ExcelCellValue, numFmt?: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return numberText(value, numFmt);
  // Real Excel dates arrive as Date objects (UTC midnight); keep the calendar date.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result as ExcelCellValue, numFmt);
    // A formula Excel never calculated (no cached result): nothing to show.
    if ('formula' in value || 'sharedFormula' in value) return '';
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
  }
  return String(value);
}

/** A number format made of digit places and separators only, like 000000-0000 (how a CPR column is often kept). */
// No decimal point among the literals: 0.00 is a number with decimals (read plainly), not 0 + "." + 00.
const DIGIT_FORMAT = /^(?:[0#]|[-\s/]|\\.|"[^"0-9]*")+$/;

/**
 * A number as the leader sees it in Excel: through a digit-place format (000000-0000 shows 101901234 as
 * 010190-1234), and a nine-digit whole number that is a CPR number without its leading zero (Excel drops it from a
 * number typed as 0101901234) read with the zero, so the CPR check finds it either way.
 */
export function numberText(value: number, numFmt?: string): string {
  const plain = String(value);
  if (!Number.isInteger(value) || value < 0) return plain;
  if (numFmt && DIGIT_FORMAT.test(numFmt) && /0/.test(numFmt)) return throughDigitFormat(plain, numFmt);
  return plain.length === 9 && containsCpr(`0${plain}`) ? `0${plain}` : plain;
}

function throughDigitFormat(digits: string, numFmt: string): string {
  const tokens = numFmt.match(/\\.|"[^"]*"|./g) ?? [];
  const minimum = tokens.filter((t) => t === '0').length;
  let rest = digits.padStart(minimum, '0');
  let out = '';
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i] ?? '';
    if (t === '0' || t === '#') {
      out = rest.slice(-1) + out;
      rest = rest.slice(0, -1);
    } else {
      out = (t.startsWith('"') ? t.slice(1, -1) : t.startsWith('\\') ? t.slice(1) : t) + out;
    }
  }
  return rest + out;
}
