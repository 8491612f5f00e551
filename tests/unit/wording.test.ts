import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// One Danish word per concept (issue #13, docs/glossary.md › Ord i skærmbilleder og rapporter): the words the
// field has given up or that mean something else stay out of every screen and report the app writes.

const ROOT = join(import.meta.dirname, '..', '..');
/** What users read: the screens, the reports, and the domain's messages. The shipped templates are the law's text. */
const SOURCES = ['renderer/src', 'electron/backend/reports', 'electron/backend/services', 'shared/domain'];

const BANNED: [RegExp, string][] = [
  [/spørgeramme/i, 'skabelon'],
  [/Vi når målet/i, 'Kravet er opfyldt i …'],
  [/\bfrø(et)?\b/i, 'startværdi'],
  [/\bpopulationen\b/i, 'sagslisten'],
  [/\bhandleplan/i, 'ledelsens opfølgningsplan (handleplan is the child’s plan in the law)'],
  [/\b(hun|hende|hendes)\b/i, 'sagsbehandleren, du'],
  [/(^|[^d\p{L}])[Tt]rækning/u, 'udtrækning'],
];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** The file without its comments (code comments are English and may name the old words to explain). */
const withoutComments = (source: string) =>
  source
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split('\n')
    .map((line) => line.replace(/(^|[^:'"`])\/\/.*$/, '$1'))
    .join('\n');

describe('one word per concept in what users read', () => {
  it.each(BANNED)('never writes %s (the word is: %s)', (pattern) => {
    const found: string[] = [];
    for (const dir of SOURCES)
      for (const file of files(join(ROOT, dir))) {
        withoutComments(readFileSync(file, 'utf8'))
          .split('\n')
          .forEach((line, i) => {
            if (pattern.test(line)) found.push(`${relative(ROOT, file)}:${i + 1}: ${line.trim()}`);
          });
      }
    expect(found).toEqual([]);
  });
});
