import type { SelfEvaluationStore, SelfRow, SelfSagRow } from '../../../db/self-evaluation-store';
import { ApiError } from '../../../shared/api/errors';
import { BUNDLE_EXTENSION } from '../../../shared/domain/bundle';
import { cprProblems } from '../../../shared/domain/cpr-guard';
import { formatDanishPeriod } from '../../../shared/domain/dates';
import type { GeneratedFile } from '../../../shared/domain/reports';
import { answerValueProblem, overrideProblem } from '../../../shared/domain/review';
import {
  ANSWERS_MEMBER,
  type AnswersBundle,
  carried,
  type PakkeRole,
  pakkeProgress,
  SELF_MEMBER,
  SELF_TEMPLATE_MEMBER,
  type SelfEvaluationItem,
  type SelfEvaluationView,
  type SelfSag,
  type selfAnswerInput,
  selfBundleSchema,
} from '../../../shared/domain/selvevaluering';
import { templateContentSchema } from '../../../shared/domain/template';
import type { z } from '../../../shared/zod';
import { refuseCprInAnswer } from '../dispatch';
import { safeFileName } from '../reports/file-name';
import { bundleJson, readBundle, writeBundle, wrongKind } from './bundle-file';
import { findQuestion, UNKNOWN_QUESTION } from './template-questions';

const notFound = () => new ApiError('NOT_FOUND', 'Selvevalueringen findes ikke i denne fil.');

/**
 * The caseworker's side of selvevaluering først (issue #15): a selvevalueringspakke opened in her own Tilsyn, her
 * answers and reflections saved as she gives them, and the svarpakke she sends back to her leader.
 */
export function createSelfEvaluation(
  store: SelfEvaluationStore,
  fileId: () => string,
  settings: () => { kommune: string; forvaltning: string },
) {
  function require(id: number): SelfRow {
    const row = store.get(id);
    if (!row) throw notFound();
    return row;
  }

  function sagOf(row: SelfRow, s: SelfSagRow, answers: SelfSag['answers']): SelfSag {
    const ctx = { content: row.content, sectionKeys: row.sectionKeys, sagstype: s.sagstype, answers, dates: s.dates };
    return { ...s, answers, progress: pakkeProgress(row.rolle, ctx) };
  }

  function sagerOf(row: SelfRow): SelfSag[] {
    const answers = store.answers(row.id);
    return store.sager(row.id).map((s) => sagOf(row, s, answers.get(s.noegle) ?? {}));
  }

  function requireSag(row: SelfRow, noegle: number): SelfSagRow {
    const sag = store.sager(row.id).find((s) => s.noegle === noegle);
    if (!sag)
      throw new ApiError(
        'NOT_FOUND',
        row.rolle === 'anden'
          ? 'Sagen er ikke en del af den anden gennemgang.'
          : 'Sagen er ikke en del af selvevalueringen.',
      );
    return sag;
  }

  const item = (row: SelfRow): SelfEvaluationItem => {
    const sager = sagerOf(row);
    const { content: _c, sectionKeys: _s, uid: _u, pakkeOprettet: _p, ...rest } = row;
    return { ...rest, sager: sager.length, besvarede: sager.filter((s) => s.progress.missing.length === 0).length };
  };

  return {
    list: (): SelfEvaluationItem[] => store.list().map(item),

    view(id: number): SelfEvaluationView {
      const row = require(id);
      const { uid: _u, pakkeOprettet: _p, ...rest } = row;
      return { ...rest, sager: sagerOf(row) };
    },

    /** Opens a selvevalueringspakke: a new selvevaluering, or the same one again (brought up to date). */
    open(fileName: string, bytes: Uint8Array): { id: number; ny: boolean } {
      const bundle = readBundle(fileName, bytes);
      const { manifest } = bundle;
      if (manifest.art !== 'selvevaluering' && manifest.art !== 'anden_gennemgang')
        throw wrongKind(fileName, manifest.art, 'en selvevalueringspakke eller en pakke til anden gennemgang');
      const rolle: PakkeRole = manifest.art === 'anden_gennemgang' ? 'anden' : 'sagsbehandler';
      if (manifest.kilde.filId === fileId())
        throw new ApiError(
          'CONFLICT',
          rolle === 'anden'
            ? `»${fileName}« er lavet fra netop denne fil. Send den til den, der gennemgår sagerne anden gang, eller brug »Åbn den anden gennemgang« under tilsynets Gennemgang.`
            : `»${fileName}« er lavet fra netop denne fil. Send den til sagsbehandleren, som åbner den i sin egen Tilsyn.`,
        );
      const self = bundleJson(bundle, fileName, SELF_MEMBER, selfBundleSchema);
      const content = bundleJson(bundle, fileName, SELF_TEMPLATE_MEMBER, templateContentSchema);
      if (!self.uid.startsWith(`${manifest.kilde.filId}:`))
        throw new ApiError('VALIDATION', `»${fileName}« kan ikke indlæses: pakken er ændret eller beskadiget.`);
      // The pakke's uid names the leader's file (a uuid, which may hold ten digits in a row): an id, not a text.
      const notText = (path: (string | number)[]) => path.length === 1 && path[0] === 'uid';
      if (cprProblems(self, notText).length > 0 || cprProblems(content).length > 0)
        throw new ApiError('VALIDATION', `»${fileName}« indeholder noget, der ligner et CPR-nummer, og åbnes ikke.`);
      // Answers she gave before come along when the pakke is sent again: each must be one the template allows.
      for (const sag of self.sager)
        for (const [key, a] of Object.entries(sag.svar)) {
          const question = findQuestion(content, key);
          if (!question || answerValueProblem(question, a.value) || overrideProblem(question, a.override))
            throw new ApiError('VALIDATION', `»${fileName}« kan ikke åbnes: pakken er ændret eller beskadiget.`);
        }
      // A pakke older than the one opened here (the leader sent it again since) does not take the newer one back.
      const existing = store.byUid(self.uid);
      if (existing && existing.rolle !== rolle)
        throw new ApiError('VALIDATION', `»${fileName}« kan ikke åbnes: pakken er ændret eller beskadiget.`);
      if (existing && manifest.oprettet < existing.pakkeOprettet) return { id: existing.id, ny: false };
      const fra = [manifest.kilde.kommune, manifest.kilde.forvaltning].filter(Boolean).join(', ');
      return store.open(self, content, fra, manifest.oprettet, rolle);
    },

    answer(input: z.output<typeof selfAnswerInput>): SelfSag {
      const row = require(input.id);
      const sag = requireSag(row, input.noegle);
      const question = findQuestion(row.content, input.key);
      if (!question) throw new ApiError('VALIDATION', UNKNOWN_QUESTION);
      const problem = answerValueProblem(question, input.value) ?? overrideProblem(question, input.override);
      if (problem) throw new ApiError('VALIDATION', problem);
      const current = store.answers(row.id).get(sag.noegle)?.[input.key];
      const next = carried({
        value: input.value === undefined ? current?.value : (input.value ?? undefined),
        note: input.note ?? current?.note ?? '',
        reason: input.reason ?? current?.reason ?? '',
        override: input.override === undefined ? current?.override : (input.override ?? undefined),
      });
      refuseCprInAnswer(next);
      store.saveAnswer(row.id, sag.noegle, input.key, next);
      return sagOf(row, sag, store.answers(row.id).get(sag.noegle) ?? {});
    },

    reflect(id: number, noegle: number, tekst: string): null {
      const row = require(id);
      requireSag(row, noegle);
      // A second reviewer judges the sag; reflections on one's own work are the caseworker's.
      if (row.rolle === 'anden')
        throw new ApiError('VALIDATION', 'En anden gennemgang har ingen refleksioner: de er sagsbehandlerens egne.');
      store.saveReflection(row.id, noegle, tekst);
      return null;
    },

    /** The svarpakke back to the leader: her answers and reflections per sag, by the keys the leader's file gave. */
    answersFile(id: number): GeneratedFile {
      const row = require(id);
      const answers = store.answers(row.id);
      const pakke: AnswersBundle = {
        uid: row.uid,
        sagsbehandler: row.sagsbehandler,
        sager: store.sager(row.id).map((s) => ({
          noegle: s.noegle,
          svar: Object.fromEntries(Object.entries(answers.get(s.noegle) ?? {}).map(([k, a]) => [k, carried(a)])),
          refleksioner: s.refleksioner,
        })),
      };
      const { kommune, forvaltning } = settings();
      const bytes = writeBundle(
        { art: 'svar', oprettet: new Date().toISOString(), kilde: { filId: fileId(), kommune, forvaltning } },
        { [ANSWERS_MEMBER]: JSON.stringify(pakke) },
      );
      return {
        fileName: safeFileName(
          `Svar ${row.sagsbehandler} ${formatDanishPeriod(row.periodeFra, row.periodeTil)}${BUNDLE_EXTENSION}`,
        ),
        mimeType: 'application/zip',
        dataBase64: bytes.toString('base64'),
      };
    },
  };
}

export type SelfEvaluation = ReturnType<typeof createSelfEvaluation>;
