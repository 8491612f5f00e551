import { createRequire } from 'node:module';
import { join } from 'node:path';
import type ExcelJSModule from 'exceljs';
import type pdfmakeModule from 'pdfmake';

/**
 * The heavy packages, loaded the first time they are used, not when the app starts (issue #18: exceljs and pdfmake
 * took about 380 ms of every start). They stay external to the esbuild bundle and are loaded with `require` inside a
 * function: a dynamic import() of an external package would be a real ES import in the bundle, which neither
 * NODE_PATH nor Electron's asar archive serves.
 */
function nodeRequire(): NodeJS.Require {
  // CommonJS in the bundle (dist/electron/*.cjs). Run from the sources as ES modules (tsx: the benches), there is
  // no `require`: resolve from the project folder, the working directory of `npm run bench`.
  return typeof require === 'function' ? require : createRequire(join(process.cwd(), 'package.json'));
}

const interop = <T>(m: T | { default: T }): T =>
  m && typeof m === 'object' && 'default' in m && m.default ? m.default : (m as T);

let excel: typeof ExcelJSModule | undefined;
export function loadExcelJS(): typeof ExcelJSModule {
  excel ??= interop<typeof ExcelJSModule>(nodeRequire()('exceljs'));
  return excel;
}

let pdf: typeof pdfmakeModule | undefined;
export function loadPdfmake(): typeof pdfmakeModule {
  pdf ??= interop<typeof pdfmakeModule>(nodeRequire()('pdfmake'));
  return pdf;
}

/** The folder a package is installed in, found the same way (the fonts ship inside pdfmake's). */
export function packageDir(name: string): string {
  return join(nodeRequire().resolve(`${name}/package.json`), '..');
}
