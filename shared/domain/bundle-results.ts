import { z } from '../zod';
import { formatDanishDateTime, isoDateSchema } from './dates';
import { UNIT_LEVELS, unitNameSchema } from './enhed';
import { capitalFirst } from './format';
import type { MeasureGoal } from './goals';
import { type Share, shareOfCounts, type TilsynResults, totalsOf } from './results';
import { CATEGORIES, type TemplateContent } from './template';
import { REVIEW_FORMS, type ReviewForm } from './tilsyn';

/**
 * What a resultatpakke carries (issue #15): afsluttede rounds as aggregates, the way a round is kept once its
 * case-level data is deleted (no sagsnumre, names, notes or break-downs per person), with the templates they used.
 * No free text a leader wrote travels: only the templates' own texts and the enheder's names.
 */
export const ROUNDS_MEMBER = 'runder.json';
export const templateMember = (hash: string) => `skabeloner/${hash}.json`;

export interface BundleRound {
  /** »<the file's id>:<the tilsyn's id>«: the round's one id everywhere it goes, also when it is sent on. */
  uid: string;
  /** Sent on from a file that imported it (a department's to the municipality's): its uid is of another file. */
  videresendt?: true;
  periodeFra: string;
  periodeTil: string;
  form: ReviewForm;
  afsluttetDato: string;
  baseline: boolean;
  afsnit: string[] | null;
  /** From the top: forvaltning › afdeling › team. */
  enhed: { navn: string; niveau: (typeof UNIT_LEVELS)[number] }[];
  /** The member holding its template version. */
  skabelon: string;
  resultater: TilsynResults;
  /** The enhed's goals as the round was locked with them. */
  maal: MeasureGoal[];
}

export interface BundleTemplate {
  /** »<the file's id>:<its template id>«: versions of one template stay one template in the department's file. */
  uid: string;
  navn: string;
  omraade: string;
  beskrivelse: string;
  /** The shipped template the family descends from, so it joins that family where it arrives. */
  standardId: string | null;
  nummer: number;
  indhold: TemplateContent;
}

/** Why something of a round's sager cannot be done to a round that came in a resultatpakke (`what`: »så …«). */
export const importedRoundRefusal = (titel: string, what: string, then = 'Det gøres i den fil, runden kom fra.') =>
  `»${titel}« er indlæst fra en resultatpakke, som kun har rundens samlede resultater, så ${what}. ${then}`;

const count = z.number().int().min(0).max(10_000_000);
const share = { met: count, applicable: count, share: z.number().min(0).max(1).nullable(), smallN: z.boolean() };
const name = z.string().trim().min(1).max(200);
const uid = z.string().regex(/^[0-9a-f-]{36}:\d{1,12}$/);

const measureSchema = z
  .object({
    ...share,
    key: z.string().min(1).max(80),
    number: z.string().max(20),
    text: z.string().max(2000),
    sectionKey: z.string().max(80),
    sectionTitle: z.string().max(500),
    category: z.enum(CATEGORIES),
    target: z.number().min(0).max(100).nullable(),
    targetDue: isoDateSchema('').nullable().optional(),
    belowTarget: z.boolean().nullable(),
    counts: z
      .object({ opfyldt: count, delvist: count, ikke_opfyldt: count, udeladt: count, ubesvaret: count })
      .strict(),
    late: z
      .object({ count, medianDays: z.number().min(0), worstDays: z.number().min(0) })
      .strict()
      .optional(),
  })
  .strict();
const groupSchema = z.object({ ...share, key: z.string().max(80), label: z.string().max(500) }).strict();

export const bundleResultsSchema = z
  .object({
    sager: count,
    faerdige: count,
    measures: z.array(measureSchema).min(1).max(2000),
    sections: z.array(groupSchema).max(200),
    categories: z.array(groupSchema).max(20),
    overall: z.object(share).strict(),
    // A pakke carries no break-down per person: anything here is refused.
    breakdowns: z.object({ sagsbehandler: z.tuple([]), team: z.tuple([]), sagstype: z.tuple([]) }).strict(),
  })
  .strict();

const goalSchema = z
  .object({
    key: z.string().min(1).max(80),
    steps: z.array(z.object({ dato: isoDateSchema(''), maaltal: z.number().min(0).max(100) }).strict()).max(12),
    indikator: z.string().max(1000),
    metode: z.string().max(2000),
  })
  .strict();

/** An enhed's path from the top: names as an enhed's are kept where it is made, each level below the one above. */
export const unitPathSchema = z
  .array(z.object({ navn: unitNameSchema, niveau: z.enum(UNIT_LEVELS) }).strict())
  .min(1)
  .max(3)
  .refine((path) =>
    path.every((e, i) => i === 0 || UNIT_LEVELS.indexOf(e.niveau) > UNIT_LEVELS.indexOf(path[i - 1]?.niveau ?? 'team')),
  );

export const bundleRoundsSchema = z
  .array(
    z
      .object({
        uid,
        videresendt: z.literal(true).optional(),
        periodeFra: isoDateSchema(''),
        periodeTil: isoDateSchema(''),
        form: z.enum(REVIEW_FORMS),
        afsluttetDato: isoDateSchema(''),
        baseline: z.boolean(),
        afsnit: z.array(z.string().max(80)).max(100).nullable(),
        enhed: unitPathSchema,
        skabelon: z.string().regex(/^skabeloner\/[0-9a-f]{64}\.json$/),
        resultater: bundleResultsSchema,
        maal: z.array(goalSchema).max(2000),
      })
      .strict()
      .refine((r) => r.periodeFra <= r.periodeTil),
  )
  .min(1)
  .max(10_000);

/** The template member; its content is checked by the template schema where it is placed. */
export const bundleTemplateSchema = z
  .object({
    uid,
    navn: name,
    omraade: z.string().max(40),
    beskrivelse: z.string().max(2000),
    standardId: z.string().max(80).nullable(),
    nummer: z.number().int().min(1).max(100_000),
    indhold: z.unknown(),
  })
  .strict();

/** What an import did, for the leader: »3 nye runder, 1 opdateret, 2 var der allerede«. */
export interface BundleImportResult {
  /**
   * aeldre: this file has the round from a newer pakke, which is kept; andenFil: the round came here from another file
   * (sent directly and sent on by a department), and only that file brings it up to date.
   */
  runder: { ny: number; opdateret: number; uaendret: number; aeldre: number; andenFil: number };
  /** The enheder and periods whose coverage, counted in the leader's file, came new or newer. */
  daekning: { enheder: number; perioder: number };
  enheder: string[];
  skabeloner: string[];
  fra: { kommune: string; forvaltning: string; oprettet: string };
}

/**
 * What does not add up in a round's results, in Danish, or null: a pakke's numbers are kept as they came, so they
 * must be the numbers Tilsyn itself would have reckoned from its counts (a krav met in more sager than it applied
 * in, a share that is not its counts', an afsnit's total that is not its krav's, two krav of one key).
 */
export function resultsProblem(r: TilsynResults): string | null {
  if (r.faerdige > r.sager) return 'flere færdige sager end sager';
  if (new Set(r.measures.map((m) => m.key)).size !== r.measures.length) return 'det samme krav to gange';
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const shareKeys = ({ met, applicable, share, smallN }: Share) => ({
    met,
    applicable,
    share,
    smallN,
  });
  for (const m of r.measures) {
    const c = m.counts;
    if (c.opfyldt + c.delvist + c.ikke_opfyldt + c.udeladt + c.ubesvaret > r.sager)
      return `krav ${m.number} er talt i flere sager end runden har`;
    if (!same(shareKeys(m), shareOfCounts(c))) return `tallene for krav ${m.number} passer ikke sammen`;
    const below = m.target === null || m.share === null ? null : m.share * 100 < m.target;
    if (m.belowTarget !== below) return `måltallet for krav ${m.number} passer ikke til andelen`;
    if (m.late && m.late.count > c.ikke_opfyldt + c.delvist + c.opfyldt)
      return `overskredne frister for krav ${m.number} passer ikke til sagerne`;
  }
  const totals = totalsOf(r.measures);
  const groups = (g: TilsynResults['sections']) => g.map((x) => ({ key: x.key, label: x.label, ...shareKeys(x) }));
  if (!same(groups(r.sections), groups(totals.sections))) return 'afsnittenes tal passer ikke til kravenes';
  if (!same(groups(r.categories), groups(totals.categories))) return 'kategoriernes tal passer ikke til kravenes';
  if (!same(shareKeys(r.overall), shareKeys(totals.overall))) return 'de samlede tal passer ikke til kravenes';
  return null;
}

const roundsInWords = (n: number) => (n === 1 ? 'én runde' : `${n} runder`);

/**
 * What an import did, in a sentence: »2 runder nye, én runde var her allerede (fra Esbjerg Kommune, lavet …).«, with
 * the rounds it left as they were and why, and the enheder and templates it made.
 */
export function importInWords(r: BundleImportResult): string {
  const { ny, opdateret, uaendret, aeldre, andenFil } = r.runder;
  const parts = [
    ny > 0 && `${roundsInWords(ny)} ${ny === 1 ? 'ny' : 'nye'}`,
    opdateret > 0 && `${roundsInWords(opdateret)} opdateret`,
    uaendret > 0 && `${roundsInWords(uaendret)} var her allerede`,
    aeldre > 0 && `${roundsInWords(aeldre)} er her fra en nyere pakke, som er beholdt`,
    andenFil > 0 && `${roundsInWords(andenFil)} kom hertil før fra en anden fil og opdateres kun derfra`,
  ].filter(Boolean);
  const from = [r.fra.kommune, r.fra.forvaltning].filter(Boolean).join(', ');
  const said = parts.join(', ');
  const { enheder, perioder } = r.daekning;
  const news = [
    perioder > 0 &&
      ` Dækningen er opdateret for ${enheder === 1 ? 'én enhed' : `${enheder} enheder`} (${perioder === 1 ? 'én periode' : `${perioder} perioder`}).`,
    r.enheder.length > 0 && ` Nye enheder at bekræfte: ${r.enheder.join(', ')}.`,
    r.skabeloner.length > 0 && ` Nye skabeloner: ${r.skabeloner.join(', ')}.`,
  ]
    .filter(Boolean)
    .join('');
  return `${capitalFirst(said)}${from ? ` (fra ${from}, lavet ${formatDanishDateTime(r.fra.oprettet)})` : ''}.${news}`;
}
