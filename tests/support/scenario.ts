import { templateFileText } from '../../electron/backend/services/template-file';
import type { ApiClient } from '../../shared/api/client';
import type { MethodInput, MethodResult } from '../../shared/api/contract';
import { type SagReview, withUpdate } from '../../shared/domain/review';
import { applicableQuestions } from '../../shared/domain/rules';
import { type TemplateContentInput, templateContentSchema } from '../../shared/domain/template';
import { validTilsynInput } from './temp';

// Scenario builders on the public API (in-process or the e2e host's HTTP): a tilsyn with an imported case list
// and a drawn sample, answered, locked, and several rounds of one template lineage.

export type TilsynInput = MethodInput<'tilsyn.create'>;
export type SampleSpecInput = MethodInput<'stikproeve.draw'>['spec'];
export type SampleRecord = MethodResult<'stikproeve.draw'>;
export type SampledSag = SampleRecord['sager'][number];
export type Question = SagReview['content']['sections'][number]['questions'][number];
type AnswerInput = MethodInput<'gennemgang.svar'>;

/** Imports a template file and publishes it, as a leader takes in a colleague's template; returns the version. */
export async function publishedTemplate(
  api: ApiClient,
  meta: Parameters<typeof templateFileText>[0],
  content: TemplateContentInput,
): Promise<number> {
  const text = templateFileText(meta, templateContentSchema.parse(content));
  const { versionId } = await api.call('skabelon.import', { fileName: `${meta.name}.json`, text });
  await api.call('skabelon.publish', { versionId });
  return versionId;
}

/** One row of a case list export; a column is written when any row has a value for it. */
export interface CaseRow {
  sagsnummer: string;
  sagstype?: string;
  sagsbehandler?: string;
  team?: string;
  /** "Kommunen blev opmærksom på behov", as the export writes it (dd-mm-åååå). */
  opmaerksomhed?: string;
}

const COLUMNS = [
  ['sagsnummer', 'Sagsnr.'],
  ['sagstype', 'Sagstype'],
  ['sagsbehandler', 'Rådgiver'],
  ['team', 'Team'],
  ['opmaerksomhed', 'Kommunen blev opmærksom på behov'],
] as const;

/** The case list as the case systems export it: semicolons, Danish headers the import recognises. */
export function caseListCsv(rows: CaseRow[]): string {
  const columns = COLUMNS.filter(([key]) => rows.some((r) => r[key] !== undefined));
  return [
    columns.map(([, header]) => header).join(';'),
    ...rows.map((r) => columns.map(([key]) => r[key] ?? '').join(';')),
  ].join('\n');
}

export interface CaseRowOptions {
  /** Sagsnumre are `${prefix}-001`, `${prefix}-002` … unless `sagsnummer` says otherwise (default prefix '2026'). */
  prefix?: string;
  /** The sagsnummer of row i (from 1). */
  sagsnummer?: (i: number) => string;
  /** Default 'Barn'; null leaves the column out. */
  sagstype?: string | null;
  /** Taken in turn, row 1 by the first (default: Anne Holm alone). */
  caseworkers?: string[];
  /** Taken in turn; no team column without them. */
  teams?: string[];
  /** The date the municipality became aware of row i (dd-mm-åååå); no date column without it. */
  opmaerksomhed?: (i: number) => string;
}

const inTurn = (list: string[] | undefined, i: number) => (list?.length ? list[(i - 1) % list.length] : undefined);

/** `count` rows of a case list. */
export function caseRows(count: number, options: CaseRowOptions = {}): CaseRow[] {
  const { prefix = '2026', sagstype = 'Barn', caseworkers = ['Anne Holm'] } = options;
  return Array.from({ length: count }, (_, n) => {
    const i = n + 1;
    return {
      sagsnummer: options.sagsnummer?.(i) ?? `${prefix}-${String(i).padStart(3, '0')}`,
      sagstype: sagstype ?? undefined,
      sagsbehandler: inTurn(caseworkers, i),
      team: inTurn(options.teams, i),
      opmaerksomhed: options.opmaerksomhed?.(i),
    };
  });
}

/** Previews the case list and imports it with the mapping the preview suggests, as a leader who accepts it. */
export async function importCaseList(
  api: ApiClient,
  tilsynId: number,
  list: CaseRow[] | string | Uint8Array,
  options: { fileName?: string; skipInvalid?: boolean } = {},
) {
  const text = typeof list === 'string' || list instanceof Uint8Array ? list : caseListCsv(list);
  // A Buffer (a file read from disk) is sent as it is: no copy of a large export.
  const bytes = Buffer.isBuffer(text) ? text : Buffer.from(text);
  const file = { tilsynId, fileName: options.fileName ?? 'sager.csv', dataBase64: bytes.toString('base64') };
  const preview = await api.call('population.preview', file);
  const summary = await api.call('population.import', {
    ...file,
    headerRow: preview.headerRow,
    mapping: preview.mapping,
    skipInvalid: options.skipInvalid,
  });
  return { preview, summary };
}

export interface SampledTilsynOptions extends CaseRowOptions {
  /** Over validTilsynInput. */
  tilsyn?: Partial<TilsynInput>;
  /** The case list: its rows, or how many (see CaseRowOptions); default 6. */
  sager?: number | CaseRow[];
  /** Over { method: 'simpel', size: every sag, seed: 1, spares: 0 }. */
  sample?: Partial<SampleSpecInput>;
  drawnBy?: string;
  fileName?: string;
}

export interface SampledTilsyn {
  tilsynId: number;
  /** The case list as imported. */
  rows: CaseRow[];
  preview: MethodResult<'population.preview'>;
  record: SampleRecord;
  /** The sampled sager in the sample's order (not the spares). */
  sager: SampledSag[];
  spares: SampledSag[];
  /** Sag id by sagsnummer, spares included. */
  sagId: Record<string, number>;
}

const selected = (record: SampleRecord) => record.sager.filter((s) => s.role === 'udvalgt' && s.status !== 'udgaaet');

/** A tilsyn with an imported case list and a drawn sample. */
export async function sampledTilsyn(api: ApiClient, options: SampledTilsynOptions = {}): Promise<SampledTilsyn> {
  const { id: tilsynId } = await api.call('tilsyn.create', { ...validTilsynInput, ...options.tilsyn });
  const rows = Array.isArray(options.sager) ? options.sager : caseRows(options.sager ?? 6, options);
  const { preview } = await importCaseList(api, tilsynId, rows, { fileName: options.fileName });
  const record = await api.call('stikproeve.draw', {
    tilsynId,
    spec: { method: 'simpel', size: rows.length, seed: 1, spares: 0, ...options.sample } as SampleSpecInput,
    drawnBy: options.drawnBy ?? 'Lene Leder',
  });
  return withRecord({ tilsynId, rows, preview }, record);
}

/** The same tilsyn with a newer sample record (after an exclusion, say). */
export function withRecord(t: Pick<SampledTilsyn, 'tilsynId' | 'rows' | 'preview'>, record: SampleRecord) {
  return {
    tilsynId: t.tilsynId,
    rows: t.rows,
    preview: t.preview,
    record,
    sager: selected(record),
    spares: record.sager.filter((s) => s.role === 'reserve'),
    sagId: Object.fromEntries(record.sager.map((s) => [s.sagsnummer, s.id])),
  };
}

/** The questions of a sag that apply with its answers so far (rules and chosen afsnit). */
export function applicableOf(review: SagReview): Question[] {
  const answers = Object.fromEntries(Object.entries(review.answers).map(([k, a]) => [k, a.value]));
  return applicableQuestions(
    review.content,
    { sagstype: review.sag.sagstype, answers, dates: review.dates },
    review.sectionKeys ?? undefined,
  ).flatMap((s) => s.questions);
}

export interface AnswerAllOptions {
  rolle?: 'leder' | 'sagsbehandler';
  /** Every date field of the template is entered with this date first (the leader only); null enters none. */
  date?: string | null;
  /** The value given to a question; default the first option that counts as opfyldt, else the first. */
  choose?: (q: Question) => string | null | undefined;
  reason?: string;
}

const opfyldt = (q: Question) =>
  q.answerType === 'dato' ? '2026-01-02' : (q.options.find((o) => o.outcome === 'opfyldt') ?? q.options[0])?.value;

/**
 * Answers every applicable question not answered yet (a deadline is computed from the dates, a free text is left
 * open), again and again while answers make more questions apply. Returns the review after the last answer.
 */
export async function answerAll(api: ApiClient, sagId: number, options: AnswerAllOptions = {}): Promise<SagReview> {
  const { rolle = 'leder', date = '2026-01-02', choose = opfyldt, reason } = options;
  let review = await api.call('gennemgang.sag', { sagId });
  if (rolle === 'leder' && date !== null)
    for (const field of review.content.dateFields)
      review = withUpdate(review, await api.call('gennemgang.dato', { sagId, key: field.key, date }));
  const given = () => (rolle === 'leder' ? review.answers : review.caseworkerAnswers);
  for (let round = 0; round < 5; round++) {
    let changed = false;
    for (const q of applicableOf(review)) {
      if (q.answerType === 'frist' || q.answerType === 'tekst' || given()[q.key]?.value) continue;
      const saved = await api.call('gennemgang.svar', { sagId, key: q.key, value: choose(q) ?? null, rolle, reason });
      review = withUpdate(review, saved);
      changed = true;
    }
    if (!changed) break;
  }
  return review;
}

/**
 * A job-centre sag answered as »Andet forløb« (the krav of no particular period, so no date is needed), each question
 * with its first option.
 */
export const FINISH_AS_OTHER: AnswerAllOptions = {
  choose: (q) => (q.key === 'forloeb.type' ? 'andet' : q.options[0]?.value),
  reason: 'Se sagen',
  date: null,
};

/** answerAll(), then the sag is marked færdig. */
export async function finishSag(api: ApiClient, sagId: number, options: AnswerAllOptions = {}): Promise<SagReview> {
  await answerAll(api, sagId, options);
  return api.call('gennemgang.faerdig', { sagId });
}

/** An answer as the plan gives it: a value, or the fields of gennemgang.svar. */
export type PlannedAnswer = string | null | Omit<AnswerInput, 'sagId' | 'key'>;

/** Saves the planned answers of one sag, question by question in the plan's order. */
export async function answerSag(api: ApiClient, sagId: number, plan: Record<string, PlannedAnswer>): Promise<void> {
  for (const [key, answer] of Object.entries(plan)) {
    const fields = answer === null || typeof answer === 'string' ? { value: answer } : answer;
    await api.call('gennemgang.svar', { sagId, key, ...fields });
  }
}

export interface RoundOptions extends SampledTilsynOptions {
  /** The answers of the i-th sampled sag (from 0). */
  answers?: (sag: SampledSag, i: number) => Record<string, PlannedAnswer>;
  /** More work on each sampled sag after its answers (findings, handlinger …). */
  review?: (sag: SampledSag, i: number) => Promise<unknown>;
  /** Each sampled sag is answered fully (answerAll) and marked færdig. */
  finish?: boolean | AnswerAllOptions;
  /** Marked as the lineage's baseline. */
  baseline?: boolean;
  /** Locked (afsluttet) by this leader on this date. */
  lock?: { navn?: string; dato: string };
}

/**
 * A round of the job-centre template (version 3): one sag per entry of `plan`, which answers 'plan.aktuel' for each
 * sag in turn (reason »Se sagen«).
 */
export function jobCentreRound(titel: string, periodeFra: string, periodeTil: string, plan: string[]): RoundOptions {
  return {
    tilsyn: { titel, periodeFra, periodeTil, skabelonVersionId: 3 },
    sager: plan.length,
    sagsnummer: (i) => `${titel.slice(0, 3)}-${i}`,
    sagstype: null,
    caseworkers: ['Omar Said', 'Karin Lund'],
    teams: ['Nord'],
    fileName: 's.csv',
    drawnBy: 'Lene',
    answers: (_, i) => ({ 'plan.aktuel': { value: plan[i] ?? 'ja', reason: 'Se sagen' } }),
  };
}

/** A round of a tilsyn: sampled, each sag answered (and færdig), optionally the baseline and locked. */
export async function round(api: ApiClient, options: RoundOptions = {}): Promise<SampledTilsyn> {
  const made = await sampledTilsyn(api, options);
  for (const [i, sag] of made.sager.entries()) {
    if (options.answers) await answerSag(api, sag.id, options.answers(sag, i));
    await options.review?.(sag, i);
    if (options.finish) await finishSag(api, sag.id, options.finish === true ? {} : options.finish);
  }
  if (options.baseline) await api.call('tilsyn.baseline', { tilsynId: made.tilsynId, baseline: true });
  if (options.lock) await lockTilsyn(api, made.tilsynId, options.lock);
  return made;
}

/** Several rounds of one template lineage, made oldest first (a round's development sees only earlier ones). */
export async function lineage(api: ApiClient, rounds: RoundOptions[]): Promise<SampledTilsyn[]> {
  const made: SampledTilsyn[] = [];
  for (const options of rounds) made.push(await round(api, options));
  return made;
}

/** Locks the tilsyn (afslut), as its leader does when the review is done. */
export function lockTilsyn(api: ApiClient, tilsynId: number, by: { navn?: string; dato: string }) {
  return api.call('tilsyn.afslut', { tilsynId, navn: by.navn ?? 'Lene Leder', dato: by.dato });
}
