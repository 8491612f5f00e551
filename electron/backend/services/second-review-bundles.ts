import type { BundleStore } from '../../../db/bundle-store';
import type { SecondReviewStore } from '../../../db/second-review-store';
import { ApiError } from '../../../shared/api/errors';
import { BUNDLE_EXTENSION } from '../../../shared/domain/bundle';
import { importedRoundRefusal } from '../../../shared/domain/bundle-results';
import { formatDanishDate, formatDanishDateTime, formatDanishPeriod } from '../../../shared/domain/dates';
import type { GeneratedFile } from '../../../shared/domain/reports';
import { secondAnswerInputSchema } from '../../../shared/domain/second-review';
import {
  type AnswersBundle,
  type AnswersImportResult,
  carried,
  SELF_MEMBER,
  SELF_TEMPLATE_MEMBER,
  type SelfBundle,
} from '../../../shared/domain/selvevaluering';
import { isLocked } from '../../../shared/domain/tilsyn';
import { safeFileName } from '../reports/file-name';
import { writeBundle } from './bundle-file';
import { readCarriedAnswers } from './carried-answers';
import type { SecondReview } from './second-review';
import type { Stores } from './stores';

/**
 * The second review through a pakke (issue #16): the sager of a round's second review and the template, for the
 * second reviewer's own Tilsyn, blind as the in-file review (sagsnummer, sagstype and dates; her own earlier answers;
 * nothing of the first review, not even the caseworker's name); and the svarpakke she sends back, read in as her
 * answers, all or nothing, while the round is open.
 */
export function createSecondReviewBundles(
  stores: Stores,
  bundles: BundleStore,
  secondReview: SecondReview,
  store: SecondReviewStore,
) {
  const { answers, closing } = stores;

  function requireSecondReview(tilsynId: number) {
    const t = stores.requireTilsyn(tilsynId);
    if (t.indlaest) throw new ApiError('CONFLICT', importedRoundRefusal(t.titel, 'sendes der ingen anden gennemgang'));
    const row = store.get(tilsynId);
    if (!row) throw new ApiError('NOT_FOUND', `»${t.titel}« har ingen anden gennemgang.`);
    return { t, row };
  }

  return {
    /** The pakke for the second reviewer: her sager of the round, the template and her own answers, nothing else. */
    exportSecond(tilsynId: number): GeneratedFile {
      const { t, row } = requireSecondReview(tilsynId);
      if (isLocked(t))
        throw new ApiError('CONFLICT', `»${t.titel}« er afsluttet, så der sendes ingen anden gennemgang ud.`);
      const list = secondReview.blindList(tilsynId);
      if (list.sager.length === 0)
        throw new ApiError('CONFLICT', 'Alle sagerne i den anden gennemgang er udgået af stikprøven.');
      const period = formatDanishPeriod(t.periodeFra, t.periodeTil);
      const fileId = bundles.fileId();
      const first = secondReview.blindSag(list.sager[0]?.sagId ?? 0);
      const pakke: SelfBundle = {
        uid: `${fileId}:${t.id}:${store.token(t.id)}`,
        titel: `Anden gennemgang ${t.enhed} ${period}`.trim(),
        sagsbehandler: row.bedoemmer,
        periodeFra: t.periodeFra,
        periodeTil: t.periodeTil,
        afsnit: first.sectionKeys,
        // Built from the blind view only: what the second reviewer may see in the file is all that travels. The dates go
        // along (the sagsliste's and those the first reviewer entered from the sag): they are facts of the sag the
        // frister are computed from, not judgements, and both reviewers must judge the frister of the same dates.
        sager: list.sager.map(({ sagId }) => {
          const b = secondReview.blindSag(sagId);
          return {
            noegle: sagId,
            sagsnummer: b.sagsnummer,
            sagstype: b.sagstype,
            datoer: b.dates,
            svar: Object.fromEntries(Object.entries(b.answers).map(([k, a]) => [k, carried(a)])),
            refleksioner: '',
          };
        }),
      };
      const settings = stores.results.settings();
      const bytes = writeBundle(
        {
          art: 'anden_gennemgang',
          oprettet: new Date().toISOString(),
          kilde: { filId: fileId, kommune: settings.kommune, forvaltning: settings.forvaltning },
        },
        { [SELF_MEMBER]: JSON.stringify(pakke), [SELF_TEMPLATE_MEMBER]: JSON.stringify(first.content) },
      );
      return {
        fileName: safeFileName(`Anden gennemgang ${row.bedoemmer} ${period}${BUNDLE_EXTENSION}`),
        mimeType: 'application/zip',
        dataBase64: bytes.toString('base64'),
      };
    },

    /** The second review a svarpakke's token answers, or undefined when it answers none. */
    sending: (token: string) => store.sending(token),

    /**
     * Why a svarpakke whose token is none of this file's is refused, when the tilsyn it names has a second review: the
     * pakke it answers was sent before the second review was set up again (or it was changed).
     */
    staleRefusal(fileName: string, tilsynId: number): ApiError | null {
      const row = store.get(tilsynId);
      const t = stores.tilsyn.get(tilsynId);
      if (!row || !t) return null;
      return new ApiError(
        'CONFLICT',
        `»${fileName}« svarer på en pakke til anden gennemgang af »${t.titel}«, der blev sendt, før den anden gennemgang blev sat op igen (eller pakken er ændret). Hent den nye pakke til ${row.bedoemmer}, og indlæs svarene fra den. Intet er indlæst.`,
      );
    },

    /** Reads her svarpakke: each answer as if she had given it in this file, all or nothing; logged. */
    importAnswers(
      fileName: string,
      made: string,
      pakke: AnswersBundle,
      sending: { tilsynId: number; svarOprettet: string | null },
    ): AnswersImportResult {
      const { t, row } = requireSecondReview(sending.tilsynId);
      const name = row.bedoemmer;
      if (isLocked(t))
        throw new ApiError(
          'CONFLICT',
          `»${t.titel}« blev afsluttet ${formatDanishDate(t.afsluttetDato ?? t.aendret.slice(0, 10))}, så svarene fra ${name}s anden gennemgang kan ikke indlæses længere. Skal de med, genåbnes tilsynet under 4. Gennemgang, og svarene indlæses igen.`,
        );
      if (sending.svarOprettet && made < sending.svarOprettet)
        throw new ApiError(
          'CONFLICT',
          `»${fileName}« er ældre end de svar fra ${name}, der allerede er indlæst (lavet ${formatDanishDateTime(sending.svarOprettet)}). De nyere svar er beholdt. Er pakken den nyeste, går uret forkert på en af computerne: ret det, og lav svarpakken igen.`,
        );
      const chosen = new Set(store.sager(t.id));
      const result: AnswersImportResult = {
        sagsbehandler: name,
        sager: 0,
        aendrede: 0,
        refleksioner: 0,
        udgaaede: [],
        indlaestFoer: sending.svarOprettet !== null,
        genaabnede: 0,
      };
      // A settled disagreement that her new answers open again is said, not slipped in.
      const settled = () =>
        new Set(
          (secondReview.view(t.id)?.disagreements ?? [])
            .filter((d) => d.moderated !== null)
            .map((d) => `${d.sagId}:${d.key}`),
        );
      const settledBefore = settled();
      stores.db.sqlite.transaction(() => {
        for (const s of pakke.sager) {
          if (!chosen.has(s.noegle))
            throw new ApiError(
              'VALIDATION',
              `»${fileName}« har svar på en sag, der ikke er valgt til anden gennemgang. Intet er indlæst.`,
            );
          const sag = answers.sag(s.noegle);
          if (sag.status === 'udgaaet') {
            result.udgaaede.push(sag.sagsnummer);
            continue;
          }
          result.sager++;
          const before = answers.answers(sag.id, 'anden');
          result.aendrede += readCarriedAnswers(
            fileName,
            sag,
            s.svar,
            before,
            (key, raw) => secondAnswerInputSchema.parse({ sagId: sag.id, key, ...raw }),
            (a) => secondReview.answer(a),
          );
        }
        const settledAfter = settled();
        result.genaabnede = [...settledBefore].filter((k) => !settledAfter.has(k)).length;
        store.markAnswersRead(t.id, made);
        if (result.aendrede > 0)
          closing.recordQuality(
            t.id,
            name,
            `Anden gennemgang indlæst fra pakke: ${result.aendrede === 1 ? 'ét svar' : `${result.aendrede} svar`} i ${result.sager === 1 ? 'én sag' : `${result.sager} sager`}`,
          );
      })();
      return result;
    },
  };
}

export type SecondReviewBundles = ReturnType<typeof createSecondReviewBundles>;
