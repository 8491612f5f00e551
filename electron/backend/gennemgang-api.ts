import { ApiError } from '../../shared/api/errors';
import { answerChanges } from '../../shared/domain/afslutning';
import { formatDanishDate } from '../../shared/domain/dates';
import { answerLabel, answerValueProblem } from '../../shared/domain/gennemgang';
import type { Handlers } from './dispatch';
import type { Review } from './review';

type GennemgangHandlers = Pick<
  Handlers,
  'gennemgang.sager' | 'gennemgang.sag' | 'gennemgang.svar' | 'gennemgang.dato' | 'gennemgang.faerdig'
>;

/** The review of each sampled sag: answers and dates saved as they are given, and completion. */
export function createGennemgangHandlers(review: Review): GennemgangHandlers {
  const { answers: store } = review;

  return {
    'gennemgang.sager': ({ tilsynId }) => {
      const template = review.templateOf(tilsynId);
      return store.sager(tilsynId).map((sag) => {
        const { importedDates: _, enteredDates: __, tilsynId: ___, ...facts } = sag;
        const progress =
          sag.status === 'udgaaet'
            ? { applicable: 0, answered: 0, missing: [] }
            : review.progressOf(sag, template, store.answers(sag.id));
        return { ...facts, progress };
      });
    },
    'gennemgang.sag': ({ sagId }) => review.review(sagId),
    'gennemgang.svar': ({ sagId, key, rolle, value, note, reason, override }) =>
      review.change(sagId, (sag) => {
        const { tilsyn, content } = review.templateOf(sag.tilsynId);
        const question = content.sections.flatMap((s) => s.questions).find((q) => q.key === key);
        if (!question) throw new ApiError('VALIDATION', 'Spørgsmålet findes ikke i tilsynets skabelon.');
        const problem = answerValueProblem(question, value);
        if (problem) throw new ApiError('VALIDATION', problem);
        if (rolle === 'sagsbehandler' && tilsyn.form !== 'selvevaluering_foerst')
          throw new ApiError('VALIDATION', 'Sagsbehandlerens egne svar hører til tilsyn med selvevaluering først.');
        const { before, after } = store.saveAnswer(sagId, key, rolle, { value, note, reason, override });
        const dates = { ...sag.importedDates, ...sag.enteredDates };
        const text = rolle === 'sagsbehandler' ? `${question.text} (sagsbehandlerens svar)` : question.text;
        return answerChanges(text, (a) => answerLabel(question, a, dates), before, after);
      }),
    'gennemgang.dato': ({ sagId, key, date }) =>
      review.change(sagId, (sag) => {
        const { content } = review.templateOf(sag.tilsynId);
        const field = content.dateFields.find((f) => f.key === key);
        if (!field) throw new ApiError('VALIDATION', 'Datoen findes ikke i tilsynets skabelon.');
        const before = store.saveDate(sagId, key, date);
        const shown = (d: string | null | undefined) => (d ? formatDanishDate(d) : null);
        return [{ what: `Dato: ${field.label}`, oldValue: shown(before), newValue: shown(date) }];
      }),
    'gennemgang.faerdig': ({ sagId }) => {
      store.requireReviewable(sagId);
      const current = review.review(sagId);
      if (current.sag.status === 'faerdig') return current;
      if (current.progress.missing.length > 0) {
        throw new ApiError(
          'VALIDATION',
          `Sagen kan ikke markeres som færdig endnu. Der mangler:\n${current.progress.missing.map((m) => `• ${m.message}`).join('\n')}`,
        );
      }
      return review.change(sagId, () => {
        store.setStatus(sagId, 'faerdig');
        return [{ what: 'Sagens status', oldValue: 'I gang', newValue: 'Færdig' }];
      });
    },
  };
}
