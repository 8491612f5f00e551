import { z } from '../zod';
import { unitPathSchema } from './bundle-results';
import { LOG_KINDS } from './closing';
import { inYearRange, isoDateSchema, isValidIsoDate } from './dates';
import { ACTION_STATUSES, FINDING_KINDS } from './findings';
import { columnMappingSchema } from './population';
import { PUBLIC_DOCUMENTS } from './publication';
import { ANSWER_ROLES } from './review';
import { EXCLUSION_REASONS } from './sample';
import { sampleSpecSchema } from './sampling';
import { SECOND_REVIEW_PICKS } from './second-review';
import { OUTCOMES } from './template';
import { REVIEW_FORMS, SAG_STATUSES, TILSYN_STATUSES } from './tilsyn';

/**
 * A fuld pakke (issue #15): everything of one tilsyn, to move it to another file or another leader and back. The
 * tilsyn keeps its uid wherever it goes, so a pakke of it updates it rather than making a second one. Each file keeps,
 * per tilsyn, the fingerprints of the versions it has had in common with others (`historik`): a pakke of a version
 * this file has had changes nothing; one that builds on the version it last shared, while nothing was changed here,
 * brings it up to date; one whose tilsyn was changed both there and here is a conflict the leader settles.
 *
 * The rows travel with the texts as stored (JSON columns as their text), so the fingerprint of the tilsyn read back
 * where it arrives is the pakke's. Ids of this file never travel: a sag is its sagsnummer, the rest hang under it.
 */

export const FULL_MEMBER = 'tilsyn.json';
export const FULL_SYNC_MEMBER = 'synk.json';
export const sentReportMember = (sha256: string) => `afsendelser/${sha256}.pdf`;

const MAX_TEXT = 100_000;
const text = (max = MAX_TEXT) => z.string().max(max);
const key = z.string().min(1).max(80);
/** An ISO timestamp as Tilsyn writes them (»2026-04-02T10:11:12.345Z«), or a plain date: one the calendar has. */
const stamp = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,6})?)?(Z|[+-](0\d|1[0-4]):[0-5]\d)?)?$/)
  .refine((v) => isValidIsoDate(v.slice(0, 10)) && inYearRange(v.slice(0, 10)));
const date = isoDateSchema('');
const hash = z.string().regex(/^[0-9a-f]{64}$/);
// As long as a sagsliste's cells may be: an imported list is stored as it came.
const sagsnummer = z.string().min(1).max(10_000);
const cell = text(10_000);
const count = z.number().int().min(0).max(10_000_000);

/** A JSON column's text, which must parse as `schema` says, kept as it came (its bytes are fingerprinted). */
const json = (schema: z.ZodType) =>
  z
    .string()
    .max(1_000_000)
    .refine((s) => {
      try {
        return schema.safeParse(JSON.parse(s)).success;
      } catch {
        return false;
      }
    }, 'ikke gyldig');
const dates = z.record(key, date);
const strings = z.array(text(2000)).max(10_000);

const tilsynSchema = z
  .object({
    titel: z.string().trim().min(1).max(300),
    periodeFra: date,
    periodeTil: date,
    enhed: text(200),
    form: z.enum(REVIEW_FORMS),
    formaal: text(),
    fokus: text(),
    status: z.enum(TILSYN_STATUSES),
    afsnitValg: json(z.array(key).min(1).max(100)).nullable(),
    afsluttetAf: text(200).nullable(),
    afsluttetDato: date.nullable(),
    baseline: z.boolean(),
    sammenfatning: text(),
    maalVedAfslutning: json(
      z
        .array(
          z
            .object({
              key,
              steps: z.array(z.object({ dato: date, maaltal: z.number().min(0).max(100) }).strict()).max(12),
              indikator: text(1000),
              metode: text(2000),
            })
            .strict(),
        )
        .max(2000),
    ).nullable(),
    oprettet: stamp,
    aendret: stamp,
  })
  .strict()
  .refine((t) => t.periodeFra <= t.periodeTil, { message: 'perioden slutter før den begynder', path: ['periodeTil'] });

const populationSchema = z
  .object({
    kildeFil: cell,
    format: text(40),
    importeret: stamp,
    antalRaekker: count,
    filHash: hash,
    indholdHash: hash,
    mapping: json(columnMappingSchema),
    fjernedeKolonner: json(strings),
    maskerede: count,
    sprungneRaekker: json(z.array(z.object({ fileRow: count, column: cell, message: text() }).strict()).max(1000)),
    sager: z
      .array(
        z
          .object({
            filRaekke: count,
            sagsnummer,
            sagstype: cell,
            sagsbehandler: cell,
            team: cell,
            datoer: json(dates),
            ekstra: json(z.record(cell, text())),
            manuel: z.boolean(),
          })
          .strict(),
      )
      .max(1_000_000),
  })
  .strict();

const sampleSchema = z
  .object({
    metode: text(40),
    spec: json(sampleSpecSchema),
    seed: z.number().int().min(0),
    populationHash: hash,
    populationAntal: count,
    udvalgtEfterFiltre: count,
    strata: json(
      z
        .array(z.object({ name: text(500), population: count, requested: count, drawn: count, spares: count }).strict())
        .max(10_000),
    ),
    advarsler: json(strings),
    trukketAf: text(200),
    trukket: stamp,
  })
  .strict();

const answerSchema = z
  .object({
    spoergsmaal: key,
    rolle: z.enum(ANSWER_ROLES),
    vaerdi: text(4000).nullable(),
    note: text(),
    begrundelse: text(),
    tilsidesat: json(z.object({ outcome: z.enum(OUTCOMES), reason: text(4000) }).strict()).nullable(),
    aendret: stamp,
  })
  .strict();

const sagSchema = z
  .object({
    sagsnummer,
    status: z.enum(SAG_STATUSES),
    /** The population's sag it was drawn as (by its sagsnummer), if it was drawn. */
    population: sagsnummer.nullable(),
    stratum: cell,
    rolle: z.enum(['udvalgt', 'reserve']),
    orden: z.number().int().min(0).max(1_000_000),
    udgaaetAarsag: z.enum(EXCLUSION_REASONS).nullable(),
    udgaaetNote: text().nullable(),
    udgaaetTid: stamp.nullable(),
    /** The excluded sag a spare replaces, by its sagsnummer. */
    erstatter: sagsnummer.nullable(),
    datoer: json(dates),
    dialog: json(
      z.object({ dato: date.nullable().optional(), deltagere: text(1000).optional(), refleksioner: text().optional() }),
    ),
    svar: z.array(answerSchema).max(5000),
    fund: z
      .array(
        z.object({ art: z.enum(FINDING_KINDS), tekst: text(), spoergsmaal: key.nullable(), oprettet: stamp }).strict(),
      )
      .max(5000),
    handlinger: z
      .array(
        z
          .object({
            tekst: text(),
            ansvarlig: text(200),
            frist: date.nullable(),
            status: z.enum(ACTION_STATUSES),
            spoergsmaal: key.nullable(),
            oprettet: stamp,
            aendret: stamp,
          })
          .strict(),
      )
      .max(5000),
    /** Comments pinned to its questions (issue #16), open or worked through. */
    kommentarer: z
      .array(
        z
          .object({
            spoergsmaal: key,
            tekst: text(2000),
            af: text(200),
            oprettet: stamp,
            loestAf: text(200).nullable(),
            loestTid: stamp.nullable(),
          })
          .strict(),
      )
      .max(5000),
  })
  .strict();

export const fullTilsynSchema = z
  .object({
    /** »<the file it was made in>:<its id there>«: the tilsyn's one id in every file it comes to. */
    // A tilsyn's number in its file: never so long that it could read as a CPR number.
    uid: z.string().regex(/^[0-9a-f-]{36}:\d{1,9}$/),
    tilsyn: tilsynSchema,
    /** The member holding its template version (as in a resultatpakke). */
    skabelon: z.string().regex(/^skabeloner\/[0-9a-f]{64}\.json$/),
    population: populationSchema.nullable(),
    stikproeve: sampleSchema.nullable(),
    sager: z.array(sagSchema).max(10_000),
    log: z
      .array(
        z
          .object({
            art: z.enum(LOG_KINDS),
            tidspunkt: stamp,
            hvem: text(200),
            sagsnummer: sagsnummer.nullable(),
            hvad: text(),
            gammel: text().nullable(),
            ny: text().nullable(),
            hvorfor: text(),
          })
          .strict(),
      )
      .max(100_000),
    vurderinger: z
      .array(
        z
          .object({
            spoergsmaal: key,
            vurdering: text(),
            plan: text(),
            ansvarlig: text(200),
            frist: date.nullable(),
            planStatus: z.enum(ACTION_STATUSES),
            aendret: stamp,
          })
          .strict(),
      )
      .max(5000),
    refleksioner: z
      .array(
        z
          .object({ sagsbehandler: text(200).nullable(), spoergsmaal: key.nullable(), tekst: text(), oprettet: stamp })
          .strict(),
      )
      .max(10_000),
    godkendte: z
      .array(
        z
          // A pakke from before marks had a document (issue #14) carries none: such a mark counts in both.
          .object({
            dokument: z.enum(PUBLIC_DOCUMENTS).optional(),
            tekstHash: hash,
            start: count,
            slut: count,
            markeret: stamp,
          })
          .strict()
          .refine((g) => g.start <= g.slut),
      )
      .max(100_000),
    /** The second review (issue #16): who, how the sager were chosen, which, and the moderated disagreements. */
    andenGennemgang: z
      .object({
        bedoemmer: z.string().trim().min(1).max(200),
        udvaelgelse: z.enum(SECOND_REVIEW_PICKS),
        seed: z.number().int().min(0).nullable(),
        oprettet: stamp,
        oprettetAf: text(200),
        sager: z.array(sagsnummer).max(10_000),
        moderering: z
          .array(
            z
              .object({
                sagsnummer,
                spoergsmaal: key,
                foerste: text(80),
                anden: text(80),
                endelig: text(80),
                begrundelse: text(),
                hvem: text(200),
                tid: stamp,
              })
              .strict(),
          )
          .max(100_000),
      })
      .strict()
      .nullable(),
    /** Who must approve the round before its report is sent, and whether that approval holds for its locking. */
    godkendelse: z
      .object({
        godkender: z.string().trim().min(1).max(200),
        godkendtAf: text(200).nullable(),
        godkendtTid: stamp.nullable(),
        gyldig: z.boolean(),
      })
      .strict()
      .nullable(),
    /** The committee reports as sent; each one's PDF is the member `afsendelser/<sha256>.pdf`. */
    afsendelser: z
      .array(
        z
          .object({
            dato: date,
            hvem: text(200),
            registreret: stamp,
            filnavn: text(1000),
            sha256: hash,
            gaeldende: z.boolean(),
          })
          .strict(),
      )
      .max(1000),
  })
  .strict();
export type FullTilsyn = z.infer<typeof fullTilsynSchema>;
export type FullSag = FullTilsyn['sager'][number];

/** What travels beside the tilsyn and is not its content: where it belongs, and the versions it has had. */
export const fullSyncSchema = z
  .object({
    enhed: unitPathSchema,
    historik: z.array(hash).min(1).max(10_000),
  })
  .strict();
