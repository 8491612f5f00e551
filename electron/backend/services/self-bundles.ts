import type { BundleStore } from '../../../db/bundle-store';
import { ApiError } from '../../../shared/api/errors';
import { BUNDLE_EXTENSION } from '../../../shared/domain/bundle';
import { importedRoundRefusal } from '../../../shared/domain/bundle-results';
import { formatDanishDate, formatDanishDateTime, formatDanishPeriod } from '../../../shared/domain/dates';
import { unitKey } from '../../../shared/domain/enhed';
import type { GeneratedFile } from '../../../shared/domain/reports';
import { answerInputSchema } from '../../../shared/domain/review';
import {
  ANSWERS_MEMBER,
  type AnswersImportResult,
  answersBundleSchema,
  carried,
  SELF_MEMBER,
  SELF_TEMPLATE_MEMBER,
  SELF_UID,
  type SelfBundle,
  type SelfStatus,
  selfProgress,
  selfReflectionInput,
} from '../../../shared/domain/selvevaluering';
import { isLocked } from '../../../shared/domain/tilsyn';
import { refuseCprInRecord } from '../dispatch';
import { safeFileName } from '../reports/file-name';
import { bundleJson, readBundle, writeBundle, wrongKind } from './bundle-file';
import { readCarriedAnswers } from './carried-answers';
import type { Review } from './review';
import type { SecondReviewBundles } from './second-review-bundles';
import type { Stores } from './stores';

/** How far ahead of this computer's clock a svarpakke may be dated (another computer's clock may be a little off). */
const CLOCK_SLACK_MS = 2 * 60 * 60 * 1000;

/**
 * The leader's side of selvevaluering først across files (issue #15): a selvevalueringspakke per caseworker with her
 * own sager of the tilsyn and nothing about anyone else, and reading the svarpakke she sends back into the tilsyn as
 * her answers, all or nothing, while the tilsyn is open.
 */
export function createSelfBundles(
  stores: Stores,
  bundles: BundleStore,
  review: Review,
  secondBundles: SecondReviewBundles,
) {
  const { answers, findings } = stores;

  function requireSelfEvaluated(tilsynId: number) {
    const t = stores.requireTilsyn(tilsynId);
    if (t.indlaest) throw new ApiError('CONFLICT', importedRoundRefusal(t.titel, 'sendes der ikke selvevalueringer'));
    if (t.form !== 'selvevaluering_foerst')
      throw new ApiError(
        'CONFLICT',
        'Tilsynet gennemgås ikke med selvevaluering først, så sagsbehandlerne skal ikke svare selv.',
      );
    return t;
  }

  return {
    /** Per caseworker of the sample (udgåede sager aside): her sager, and in how many her own answers are complete. */
    status(tilsynId: number): SelfStatus[] {
      const t = requireSelfEvaluated(tilsynId);
      const content = stores.templates.publishedContent(t.skabelonVersionId);
      const byName = new Map<string, SelfStatus>();
      for (const s of answers.sager(tilsynId)) {
        if (s.status === 'udgaaet' || !s.sagsbehandler.trim()) continue;
        const key = unitKey(s.sagsbehandler);
        const row = byName.get(key) ?? { sagsbehandler: s.sagsbehandler, sager: 0, besvarede: 0 };
        const given = answers.answers(s.id, 'sagsbehandler');
        const ctx = {
          content,
          sectionKeys: t.afsnit,
          sagstype: s.sagstype,
          answers: given,
          dates: { ...s.importedDates, ...s.enteredDates },
        };
        row.sager++;
        if (Object.keys(given).length > 0 && selfProgress(ctx).missing.length === 0) row.besvarede++;
        byName.set(key, row);
      }
      return [...byName.values()].sort((a, b) => a.sagsbehandler.localeCompare(b.sagsbehandler, 'da'));
    },

    exportSelf(tilsynId: number, sagsbehandler: string): GeneratedFile {
      const t = requireSelfEvaluated(tilsynId);
      if (isLocked(t))
        throw new ApiError('CONFLICT', 'Tilsynet er afsluttet, så der sendes ikke flere selvevalueringer ud.');
      const key = unitKey(sagsbehandler);
      const all = answers.sager(tilsynId);
      const hers = all.filter((s) => s.status !== 'udgaaet' && unitKey(s.sagsbehandler) === key);
      const first = hers[0];
      if (!first)
        throw new ApiError(
          'VALIDATION',
          all.length === 0
            ? 'Stikprøven er ikke trukket endnu, så der er ingen sager at sende.'
            : all.some((s) => unitKey(s.sagsbehandler) === key)
              ? `Alle ${sagsbehandler}s sager er udgået af stikprøven, så der er ingen at sende.`
              : `Ingen af stikprøvens sager har ${sagsbehandler} som sagsbehandler.`,
        );
      const name = first.sagsbehandler;
      const period = formatDanishPeriod(t.periodeFra, t.periodeTil);
      const fileId = bundles.fileId();
      // Only what is hers: the sag's number, type and dates, and the answers and reflections she gave before.
      const self: SelfBundle = {
        uid: `${fileId}:${t.id}:${bundles.selfToken(t.id, key)}`,
        titel: `Selvevaluering ${t.enhed} ${period}`.trim(),
        sagsbehandler: name,
        periodeFra: t.periodeFra,
        periodeTil: t.periodeTil,
        afsnit: t.afsnit,
        sager: hers.map((s) => ({
          noegle: s.id,
          sagsnummer: s.sagsnummer,
          sagstype: s.sagstype,
          datoer: { ...s.importedDates, ...s.enteredDates },
          svar: Object.fromEntries(
            Object.entries(answers.answers(s.id, 'sagsbehandler')).map(([k, a]) => [k, carried(a)]),
          ),
          // What she wrote is kept in her own file; the leader's notes on the sag never travel to her.
          refleksioner: '',
        })),
      };
      const settings = stores.results.settings();
      const bytes = writeBundle(
        {
          art: 'selvevaluering',
          oprettet: new Date().toISOString(),
          kilde: { filId: fileId, kommune: settings.kommune, forvaltning: settings.forvaltning },
        },
        {
          [SELF_MEMBER]: JSON.stringify(self),
          [SELF_TEMPLATE_MEMBER]: JSON.stringify(stores.templates.publishedContent(t.skabelonVersionId)),
        },
      );
      return {
        fileName: safeFileName(`Selvevaluering ${name} ${period}${BUNDLE_EXTENSION}`),
        mimeType: 'application/zip',
        dataBase64: bytes.toString('base64'),
      };
    },

    importAnswers(fileName: string, bytes: Uint8Array): AnswersImportResult {
      const bundle = readBundle(fileName, bytes);
      if (bundle.manifest.art !== 'svar') throw wrongKind(fileName, bundle.manifest.art, 'en svarpakke');
      const pakke = bundleJson(bundle, fileName, ANSWERS_MEMBER, answersBundleSchema);
      const [, fileId, tilsynId, token = ''] = SELF_UID.exec(pakke.uid) ?? [];
      if (fileId !== bundles.knownFileId())
        throw new ApiError('CONFLICT', `»${fileName}« er svar på et tilsyn i en anden fil. Den indlæses i den fil.`);
      // The token says which pakke it answers: the tilsyn and the caseworker are this file's, not the pakke's word.
      const made = bundle.manifest.oprettet;
      // A file dated later than now would hold every real one after it back as »older«: its maker's clock is wrong.
      if (Date.parse(made) > Date.now() + CLOCK_SLACK_MS)
        throw new ApiError(
          'VALIDATION',
          `»${fileName}« er dateret ${formatDanishDateTime(made)}, senere end nu. Uret på den computer, den blev lavet på, går forkert: ret det, og lav svarpakken igen.`,
        );
      const second = secondBundles.sending(token);
      if (second && second.tilsynId === Number(tilsynId))
        return secondBundles.importAnswers(fileName, made, pakke, second);
      const sending = bundles.selfSending(token);
      if (!sending) {
        const stale = secondBundles.staleRefusal(fileName, Number(tilsynId));
        if (stale) throw stale;
      }
      if (!sending || sending.tilsynId !== Number(tilsynId))
        throw new ApiError(
          'VALIDATION',
          `»${fileName}« svarer ikke på en selvevalueringspakke eller en anden gennemgang fra denne fil. Den kan være ændret.`,
        );
      const t = stores.tilsyn.get(sending.tilsynId);
      if (!t)
        throw new ApiError(
          'NOT_FOUND',
          `Tilsynet, som svarene i »${fileName}« hører til, findes ikke længere i filen.`,
        );
      requireSelfEvaluated(t.id);
      const sager = new Map(answers.sager(t.id).map((s) => [s.id, s]));
      const name =
        [...sager.values()].find((s) => unitKey(s.sagsbehandler) === sending.person)?.sagsbehandler ??
        pakke.sagsbehandler;
      if (isLocked(t))
        throw new ApiError(
          'CONFLICT',
          `»${t.titel}« blev afsluttet ${formatDanishDate(t.afsluttetDato ?? t.aendret.slice(0, 10))}, så svarene fra ${name} kan ikke indlæses længere. Skal de med, genåbnes tilsynet under 4. Gennemgang, og svarene indlæses igen.`,
        );
      if (sending.svarOprettet && made < sending.svarOprettet)
        throw new ApiError(
          'CONFLICT',
          `»${fileName}« er ældre end de svar fra ${name}, der allerede er indlæst (lavet ${formatDanishDateTime(sending.svarOprettet)}). De nyere svar er beholdt. Er pakken den nyeste, går uret forkert på en af computerne: ret det, og lav svarpakken igen.`,
        );
      const result: AnswersImportResult = {
        sagsbehandler: name,
        sager: 0,
        aendrede: 0,
        refleksioner: 0,
        udgaaede: [],
        indlaestFoer: sending.svarOprettet !== null,
        genaabnede: 0,
      };
      stores.db.sqlite.transaction(() => {
        for (const s of pakke.sager) {
          const sag = sager.get(s.noegle);
          if (!sag || unitKey(sag.sagsbehandler) !== sending.person)
            throw new ApiError(
              'VALIDATION',
              `»${fileName}« har svar på en sag, der ikke er ${name}s i stikprøven. Intet er indlæst.`,
            );
          if (sag.status === 'udgaaet') {
            result.udgaaede.push(sag.sagsnummer);
            continue;
          }
          result.sager++;
          const before = answers.answers(sag.id, 'sagsbehandler');
          result.aendrede += readCarriedAnswers(
            fileName,
            sag,
            s.svar,
            before,
            (key, raw) => answerInputSchema.parse({ sagId: sag.id, key, rolle: 'sagsbehandler', ...raw }),
            (a) => review.answer(a),
          );
          const dialog = findings.dialog(sag.id);
          const reflections = selfReflectionInput.shape.tekst.parse(s.refleksioner);
          if (reflections !== dialog.refleksioner) {
            const next = { ...dialog, refleksioner: reflections };
            refuseCprInRecord(next);
            findings.saveDialog(sag.id, next);
            result.refleksioner++;
          }
        }
        bundles.markAnswersRead(token, made);
      })();
      return result;
    },
  };
}

export type SelfBundles = ReturnType<typeof createSelfBundles>;
