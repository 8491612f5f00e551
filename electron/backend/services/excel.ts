import { PassThrough } from 'node:stream';
import type { CellValue as ExcelCellValue } from 'exceljs';
import type { CellValue, ColumnType, SheetData } from '../reports/excel-data';
import { type Task, untracked } from '../tasks';
import { loadExcelJS } from './lazy-modules';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const FORMATS: Record<ColumnType, string | undefined> = {
  text: undefined,
  number: '0',
  percent: '0.0%',
  date: 'dd.mm.yyyy',
};

/** åååå-mm-dd → a Date at UTC midnight, which exceljs stores as that calendar day; anything else stays text. */
function toCell(value: CellValue, type: ColumnType): ExcelCellValue {
  if (value === null || value === '') return null;
  if (type === 'date' && typeof value === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : value;
  }
  return value;
}

function displayLength(value: CellValue, type: ColumnType): number {
  if (value === null) return 0;
  if (type === 'date') return 10;
  if (type === 'percent') return 7;
  return String(value).length;
}

/** Rows written between two reports of the workbook's progress. */
const ROWS_PER_REPORT = 2000;

/**
 * Writes the sheets as an .xlsx workbook: a bold header row that stays in view, an autofilter over it, widths that
 * follow the content (within limits), dates as real Excel dates shown dd.mm.yyyy and shares as percentages.
 * Streams row by row (exceljs' WorkbookWriter): an export of many tilsyn has tens of thousands of rows.
 */
export async function renderWorkbook(
  sheets: readonly SheetData[],
  now: Date = new Date(),
  task: Task = untracked,
): Promise<Buffer> {
  const total = sheets.reduce((n, s) => n + s.rows.length, 0);
  let done = 0;
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const ExcelJS = loadExcelJS();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: true });
  wb.creator = 'Tilsyn';
  wb.created = now;
  wb.modified = now;
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name, {
      views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
      ...(sheet.columns.length > 0
        ? { autoFilter: { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } } }
        : {}),
    });
    ws.columns = sheet.columns.map((c, i) => {
      const longest = sheet.rows.reduce((n, r) => Math.max(n, displayLength(r[i] ?? null, c.type)), 0);
      const width = Math.min(Math.max(c.header.length + 2, longest + 2, 8), c.maxWidth ?? 30);
      const numFmt = FORMATS[c.type];
      return { header: c.header, width, style: numFmt ? { numFmt } : {} };
    });
    const header = ws.getRow(1);
    header.font = { bold: true };
    header.alignment = { vertical: 'middle' };
    header.eachCell((cell) => {
      cell.numFmt = 'General';
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EBEF' } };
      cell.border = { bottom: { style: 'thin', color: { argb: 'FF8A8F98' } } };
    });
    header.commit();
    for (const r of sheet.rows) {
      ws.addRow(r.map((v, i) => toCell(v, sheet.columns[i]?.type ?? 'text'))).commit();
      if (++done % ROWS_PER_REPORT === 0) {
        task.report('Skriver rækkerne', { done, total, enhed: 'rækker' });
        await task.checkpoint();
      }
    }
    ws.commit();
  }
  task.report('Pakker arbejdsbogen');
  await wb.commit();
  await ended;
  await task.checkpoint();
  return Buffer.concat(chunks);
}
