import { findNodeAtLocation, type Node, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import { z } from '../zod';
import { type TemplateContent, type TemplateMeta, templateContentSchema, templateMetaSchema } from './skabelon';
import { validateTemplateContent } from './template-validation';

/** The file municipalities share templates with: one version's content and the template's name. */
export const TEMPLATE_FILE_FORMAT = 'tilsyn-skabelon';
export const TEMPLATE_FILE_VERSION = 1;
const MAX_FILE_CHARS = 5_000_000;

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
  const syntaxErrors: ParseError[] = [];
  const tree = parseTree(text, syntaxErrors, { allowTrailingComma: false, disallowComments: true });
  if (syntaxErrors.length > 0 || !tree) {
    return {
      ok: false,
      errors: syntaxErrors
        .slice(0, 5)
        .map((e) => `Linje ${lineOf(text, e.offset)}: ugyldig JSON (${printParseErrorCode(e.error)}).`),
    };
  }
  const raw = JSON.parse(text) as unknown;
  const parsed = templateFileSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.slice(0, 20).map((i) => located(text, tree, i.path, i.message)) };
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

const PATH_NAMES: Record<string, string> = {
  sections: 'afsnit',
  questions: 'spørgsmål',
  options: 'svarmulighed',
  rules: 'regel',
  dateFields: 'datofelt',
};

/** ['indhold','sections',0,'questions',2,'text'] → "afsnit 1 › spørgsmål 3 › text". */
export function describePath(path: (string | number)[]): string {
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    const next = path[i + 1];
    if (segment === 'indhold') continue;
    if (typeof segment === 'string' && PATH_NAMES[segment] && typeof next === 'number') {
      parts.push(`${PATH_NAMES[segment]} ${next + 1}`);
      i++;
    } else parts.push(String(segment));
  }
  return parts.length ? `felt »${parts.join(' › ')}«` : 'filen';
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
