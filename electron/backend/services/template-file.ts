import { findNodeAtLocation, type Node, type ParseError, parseTree } from 'jsonc-parser';
import { PROTO_KEY_MESSAGE, protoKeyPath } from '../../../shared/api/proto-key';
import { cprProblems, cprRefusal } from '../../../shared/domain/cpr-guard';
import {
  type TemplateContent,
  type TemplateMeta,
  templateContentSchema,
  templateMetaSchema,
} from '../../../shared/domain/template';
import { validateTemplateContent } from '../../../shared/domain/template-validation';
import { z } from '../../../shared/zod';

/** The file municipalities share templates with: one version's content and the template's name. */
export const TEMPLATE_FILE_FORMAT = 'tilsyn-skabelon';
export const TEMPLATE_FILE_VERSION = 1;
const MAX_FILE_CHARS = 5_000_000;
/** A template is a few levels deep; far deeper input would exhaust the parser's stack. */
const MAX_DEPTH = 64;

/** jsonc-parser's error codes (1-16) in Danish. */
const SYNTAX_ERRORS: Record<number, string> = {
  1: 'ugyldigt symbol',
  2: 'ugyldigt tal',
  3: 'feltnavn forventet',
  4: 'værdi forventet',
  5: 'kolon forventet',
  6: 'komma forventet',
  7: '} forventet',
  8: '] forventet',
  9: 'filen burde slutte her',
  10: 'kommentarer er ikke tilladt',
  11: 'kommentaren slutter ikke',
  12: 'tekst uden afsluttende anførselstegn',
  13: 'tallet slutter uventet',
  14: 'ugyldigt unicode-tegn',
  15: 'ugyldig escape-sekvens',
  16: 'ugyldigt tegn',
};

/** The offset where brackets nest deeper than `max` (outside strings), or undefined. */
function nestingBeyond(text: string, max: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      if (++depth > max) return i;
    } else if (c === ']' || c === '}') depth--;
  }
  return undefined;
}

export const templateFileSchema = z
  .object({
    format: z.literal(TEMPLATE_FILE_FORMAT, {
      error: `Filen er ikke en Tilsyn-skabelon (format skal være »${TEMPLATE_FILE_FORMAT}«)`,
    }),
    formatVersion: z.literal(TEMPLATE_FILE_VERSION, {
      error: 'Filen er fra en version af Tilsyn, som denne ikke kender',
    }),
    skabelon: templateMetaSchema,
    indhold: templateContentSchema,
  })
  .strict();
export type TemplateFile = z.infer<typeof templateFileSchema>;

export function templateFileText(meta: TemplateMeta, content: TemplateContent): string {
  const file: TemplateFile = {
    format: TEMPLATE_FILE_FORMAT,
    formatVersion: TEMPLATE_FILE_VERSION,
    skabelon: meta,
    indhold: content,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export type ParsedTemplateFile = { ok: true; file: TemplateFile } | { ok: false; errors: string[] };

/** Reads a shared template file; every error names its line and field, in Danish. */
export function parseTemplateFile(text: string): ParsedTemplateFile {
  if (text.length > MAX_FILE_CHARS) return { ok: false, errors: ['Filen er for stor til at være en skabelon.'] };
  const tooDeep = nestingBeyond(text, MAX_DEPTH);
  if (tooDeep !== undefined) {
    return {
      ok: false,
      errors: [`Linje ${lineOf(text, tooDeep)}: filen er indlejret for dybt til at være en skabelon.`],
    };
  }
  const syntaxErrors: ParseError[] = [];
  const tree = parseTree(text, syntaxErrors, { allowTrailingComma: false, disallowComments: true });
  if (syntaxErrors.length > 0 || !tree) {
    return {
      ok: false,
      errors: syntaxErrors
        .slice(0, 5)
        .map((e) => `Linje ${lineOf(text, e.offset)}: ugyldig JSON (${SYNTAX_ERRORS[e.error] ?? 'ukendt fejl'}).`),
    };
  }
  const raw = JSON.parse(text) as unknown;
  const proto = protoKeyPath(raw);
  if (proto) {
    const path = proto.split('.').map((step) => (/^\d+$/.test(step) ? Number(step) : step));
    return { ok: false, errors: [located(text, tree, path, PROTO_KEY_MESSAGE)] };
  }
  const parsed = templateFileSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.slice(0, 20).map((i) => located(text, tree, i.path, i.message)) };
  }
  // Every text of a template keeps its meaning only whole: a CPR-like number refuses the file, naming the field.
  const cpr = cprProblems(parsed.data);
  if (cpr.length > 0) {
    return {
      ok: false,
      errors: cpr
        .slice(0, 20)
        .map((p) => located(text, tree, p.paths[0] ?? [], cprRefusal([p], 'skabelonen importeres').message)),
    };
  }
  const { issues } = validateTemplateContent(parsed.data.indhold);
  if (issues.length > 0) {
    return {
      ok: false,
      errors: issues.slice(0, 20).map((i) => located(text, tree, ['indhold', ...i.path], i.message)),
    };
  }
  return { ok: true, file: parsed.data };
}

function located(text: string, tree: Node, path: PropertyKey[], message: string): string {
  const segments = path.filter((p): p is string | number => typeof p !== 'symbol');
  // The deepest node that exists: a missing field is reported at the object that lacks it.
  let node: Node | undefined;
  for (let n = segments.length; n >= 0 && !node; n--) node = findNodeAtLocation(tree, segments.slice(0, n));
  return `Linje ${lineOf(text, node?.offset ?? 0)}, ${describePath(segments)}: ${message}`;
}

/** Lists, numbered from 1 as the leader counts: »afsnit 2 › spørgsmål 3«. */
const PATH_NAMES: Record<string, string> = {
  sections: 'afsnit',
  questions: 'spørgsmål',
  options: 'svarmulighed',
  rules: 'regel',
  dateFields: 'datofelt',
  tidligereRegler: 'tidligere regel',
  anyOf: 'værdi',
};

/** The file's field names in the words of the editor. */
const FIELD_NAMES: Record<string, string> = {
  text: 'tekst',
  help: 'hjælpetekst',
  legalRef: 'lovhenvisning',
  category: 'kategori',
  answerType: 'svartype',
  target: 'måltal',
  key: 'nøgle',
  label: 'navn',
  title: 'titel',
  description: 'beskrivelse',
  value: 'nøgle',
  outcome: 'hvordan svaret tæller',
  frist: 'frist',
  fra: 'fra',
  til: 'til',
  foer: 'før',
  graense: 'længde',
  enhed: 'enhed',
  kilde: 'kilde',
  felt: 'datofelt',
  question: 'spørgsmål',
  type: 'type',
  foerOpfylder: 'før opfylder',
  reasonRequiredOnNegative: 'begrundelse kræves',
  active: 'aktiv',
};

/** ['indhold','sections',0,'questions',2,'text'] → "afsnit 1 › spørgsmål 3 › tekst". */
export function describePath(path: (string | number)[]): string {
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    const next = path[i + 1];
    if (segment === 'indhold') continue;
    // Own names only: »__proto__« or »constructor« in a file is no name of ours (it read »[object Object]«).
    const list = typeof segment === 'string' && Object.hasOwn(PATH_NAMES, segment) ? PATH_NAMES[segment] : undefined;
    if (list && typeof next === 'number') {
      parts.push(`${list} ${next + 1}`);
      i++;
    } else if (typeof segment === 'string')
      parts.push(Object.hasOwn(FIELD_NAMES, segment) ? (FIELD_NAMES[segment] ?? segment) : segment);
    else if (segment !== undefined) parts.push(String(segment + 1));
  }
  return parts.length ? `felt »${parts.join(' › ')}«` : 'filen';
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
