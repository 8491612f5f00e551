import type { CalibrationStore, PracticeSagRow } from '../../../db/calibration-store';
import { ApiError } from '../../../shared/api/errors';
import {
  type CalibrationView,
  type calibrationAnswerSchema,
  compareCalibration,
  type PracticeSag,
  type practiceSagInputSchema,
} from '../../../shared/domain/calibration';
import { templateNumbers } from '../../../shared/domain/numbering';
import { answerValueProblem, overrideProblem } from '../../../shared/domain/review';
import type { z } from '../../../shared/zod';
import { refuseCprInAnswer } from '../dispatch';
import type { Stores } from './stores';
import { findQuestion } from './template-questions';

/** One person, one set of answers: her name folded (case and spaces). */
const personKey = (name: string) => name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('da');

/**
 * Calibration (issue #16): practice sager kept with a template version; each leader answers one under her name, and
 * the answers are compared question by question. A practice sag is repeated for a newer version of its template.
 */
export function createCalibration(stores: Stores, store: CalibrationStore) {
  const now = () => new Date().toISOString();

  function practiceSag(row: PracticeSagRow): PracticeSag {
    const version = stores.templates.getVersion(row.skabelonVersionId);
    return {
      ...row,
      skabelon: `${version.skabelon.name}, version ${version.nummer}`,
      datoer: JSON.parse(row.datoer) as Record<string, string>,
    };
  }

  function require(id: number): PracticeSagRow {
    const row = store.get(id);
    if (!row) throw new ApiError('NOT_FOUND', 'Øvelsessagen findes ikke.');
    return row;
  }

  function view(id: number): CalibrationView {
    const sag = practiceSag(require(id));
    const content = stores.templates.publishedContent(sag.skabelonVersionId);
    const numbers = templateNumbers(content, null);
    const answers = store.answers(id).map(({ bedoemmer, answers }) => ({ bedoemmer, answers }));
    const ctxOf = (a: CalibrationView['answers'][number]['answers']) => ({
      content,
      sectionKeys: null,
      sagstype: sag.sagstype,
      answers: a,
      dates: sag.datoer,
    });
    return { sag, content, sectionKeys: null, answers, ...compareCalibration(ctxOf, answers, numbers.question) };
  }

  return {
    list: (): PracticeSag[] => store.list().map(practiceSag),
    view,

    create(input: z.output<typeof practiceSagInputSchema>): CalibrationView {
      const content = stores.templates.publishedContent(input.skabelonVersionId);
      const fields = new Set(content.dateFields.map((f) => f.key));
      const unknown = Object.keys(input.datoer).find((k) => !fields.has(k));
      if (unknown !== undefined)
        throw new ApiError('VALIDATION', `Skabelonen har ingen dato, der hedder »${unknown}«.`);
      const id = store.create({
        skabelonVersionId: input.skabelonVersionId,
        titel: input.titel,
        beskrivelse: input.beskrivelse,
        sagstype: input.sagstype,
        datoer: JSON.stringify(input.datoer),
        gentagerId: null,
        oprettet: now(),
        oprettetAf: input.navn,
      });
      return view(id);
    },

    /** The practice sag again, for another published version of its template: the leaders answer it anew. */
    repeat(id: number, skabelonVersionId: number, navn: string): CalibrationView {
      const row = require(id);
      const from = stores.templates.getVersion(row.skabelonVersionId);
      const to = stores.templates.getVersion(skabelonVersionId);
      if (to.skabelonId !== from.skabelonId || to.id === from.id)
        throw new ApiError('VALIDATION', 'Øvelsessagen kan kun gentages med en anden version af den samme skabelon.');
      stores.templates.publishedContent(skabelonVersionId);
      const copy = store.create({ ...row, skabelonVersionId, gentagerId: id, oprettet: now(), oprettetAf: navn });
      return view(copy);
    },

    answer(input: z.output<typeof calibrationAnswerSchema>): CalibrationView {
      const row = require(input.id);
      const question = findQuestion(stores.templates.publishedContent(row.skabelonVersionId), input.key);
      if (!question) throw new ApiError('VALIDATION', 'Spørgsmålet findes ikke i øvelsessagens skabelon.');
      const problem = answerValueProblem(question, input.value) ?? overrideProblem(question, input.override);
      if (problem) throw new ApiError('VALIDATION', problem);
      const key = personKey(input.bedoemmer);
      const before = store.answers(input.id).find((a) => a.noegle === key);
      const current = before?.answers[input.key] ?? { note: '', reason: '' };
      const next = {
        value: input.value === undefined ? current.value : (input.value ?? undefined),
        note: input.note ?? current.note,
        reason: input.reason ?? current.reason,
        override: input.override === undefined ? current.override : (input.override ?? undefined),
      };
      refuseCprInAnswer(next);
      store.save(input.id, key, before?.bedoemmer ?? input.bedoemmer, input.key, next, now());
      return view(input.id);
    },
  };
}

export type Calibration = ReturnType<typeof createCalibration>;
