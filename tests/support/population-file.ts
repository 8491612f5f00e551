// A sagsliste file read whole, for the tests that compare it with the slices the reader goes through one at a time.
import type Papa from 'papaparse';
import {
  CSV_SLICE,
  csvSlices,
  type FileFacts,
  openPopulationFile,
  type ReadProgress,
} from '../../electron/backend/services/population-file';

/** A file read into a grid of text cells, with what was detected about it. */
export interface FileGrid extends FileFacts {
  grid: string[][];
}

/** The file's rows in one grid, read through its slices, with its Danish errors. */
export async function readPopulationFile(
  fileName: string,
  bytes: Buffer,
  knownSha256?: string,
  progress: ReadProgress = async () => undefined,
): Promise<FileGrid> {
  const { slices, ...facts } = await openPopulationFile(fileName, bytes, knownSha256);
  const grid: string[][] = [];
  for await (const rows of slices(progress)) for (const row of rows) grid.push(row);
  return { ...facts, grid };
}

/** The text's rows through csvSlices, in one grid, with Papa Parse's errors; `progress` told after each slice. */
export async function parseCsv(
  text: string,
  delimiter: string,
  progress: ReadProgress,
  sliceSize = CSV_SLICE,
): Promise<{ grid: string[][]; errors: Papa.ParseError[]; delimiter: string }> {
  const grid: string[][] = [];
  const errors: Papa.ParseError[] = [];
  for (const part of csvSlices(text, delimiter, sliceSize)) {
    for (const row of part.rows) grid.push(row);
    errors.push(...part.errors);
    await progress({ rows: grid.length, share: part.share });
  }
  return { grid, errors, delimiter };
}
