import { existsSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, parse } from 'node:path';
import { ApiError } from '../../../shared/api/errors';
import type { GeneratedFile } from '../../../shared/domain/reports';

/** "Notat.pdf" for n = 1, then "Notat (2).pdf", "Notat (3).pdf" … */
function numberedName(fileName: string, n: number): string {
  const { name, ext } = parse(fileName);
  return n === 1 ? fileName : `${name} (${n})${ext}`;
}

/** The first of "Notat.pdf", "Notat (2).pdf", "Notat (3).pdf" … that `taken` says no to. */
export function uniqueName(fileName: string, taken: (name: string) => boolean): string {
  let n = 1;
  while (taken(numberedName(fileName, n))) n++;
  return numberedName(fileName, n);
}

/**
 * Writes files into a folder on this computer, each as a new file (never over an existing one); returns their
 * paths. The folder is checked before the files are made. All or nothing: a file that fails takes the ones written
 * before it away again.
 */
export async function writeIntoFolder(folder: string, make: () => Promise<GeneratedFile[]>): Promise<string[]> {
  requireFolder(folder);
  const files = await make();
  const written: string[] = [];
  try {
    for (const file of files) written.push(writeNew(folder, file.fileName, Buffer.from(file.dataBase64, 'base64')));
  } catch (err) {
    for (const path of written) unlinkQuietly(path);
    throw fileError(err, folder);
  }
  return written;
}

function requireFolder(folder: string): void {
  if (!isAbsolute(folder)) {
    const message = 'Vælg en mappe med dens fulde sti';
    throw new ApiError('VALIDATION', `${message} (fx C:\\Users\\…\\Dokumenter).`, { folder: message });
  }
  if (!existsSync(folder)) throw new ApiError('NOT_FOUND', `Mappen »${folder}« findes ikke. Vælg en anden mappe.`);
  if (!statSync(folder).isDirectory()) {
    const message = `»${folder}« er en fil, ikke en mappe`;
    throw new ApiError('VALIDATION', `${message}. Vælg en mappe.`, { folder: message });
  }
}

/** Writes a new file in the folder, never over an existing one (" (2)" etc. is added); returns its path. */
function writeNew(folder: string, fileName: string, bytes: Buffer): string {
  for (let n = 1; n < 1000; n++) {
    const path = join(folder, numberedName(fileName, n));
    const existed = existsSync(path);
    try {
      writeFileSync(path, bytes, { flag: 'wx' });
      return path;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') continue;
      // A half-written file of ours goes; a file that was there before is never touched.
      if (!existed) unlinkQuietly(path);
      throw err;
    }
  }
  throw new ApiError('CONFLICT', `Der findes allerede for mange filer med navnet »${fileName}« i mappen.`);
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Nothing was written, or it cannot be removed either: the error that matters is the first one.
  }
}

function fileError(err: unknown, folder: string): ApiError {
  if (err instanceof ApiError) return err;
  switch ((err as NodeJS.ErrnoException).code) {
    case 'ENOSPC':
      return new ApiError('DISK_FULL', `Der er ikke plads på disken til notaterne i »${folder}«. Ingen filer er gemt.`);
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new ApiError(
        'READ_ONLY',
        `Tilsyn må ikke skrive i mappen »${folder}« (skrivebeskyttet eller manglende adgang). Vælg en anden mappe.`,
      );
    case 'ENOENT':
      return new ApiError('NOT_FOUND', `Mappen »${folder}« findes ikke længere. Vælg en anden mappe.`);
    default:
      return new ApiError('INTERNAL', `Notaterne kunne ikke gemmes i »${folder}«. Ingen filer er gemt.`);
  }
}
