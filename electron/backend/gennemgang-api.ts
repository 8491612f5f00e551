import { createGennemgangStore, type ReviewSagRow } from '../../db/gennemgang-store';
import type { TilsynDatabase } from '../../db/open';
import type { SkabelonStore } from '../../db/skabelon-store';
import type { TilsynStore } from '../../db/tilsyn-store';
import { ApiError } from '../../shared/api/errors';
import { type ReviewProgress, reviewProgress, type SagReview } from '../../shared/domain/gennemgang';
import type { Handlers } from './dispatch';

type GennemgangHandlers = Pick<
  Handlers,
  'gennemgang.sager' | 'gennemgang.sag' | 'gennemgang.svar' | 'gennemgang.dato' | 'gennemgang.faerdig'
>;

/** The review of each sampled sag: answers and dates saved as they are given, and completion. */
export function createGennemgangHandlers(
  db: TilsynDatabase,
  tilsyn: TilsynStore,
  skabeloner: SkabelonStore,
): GennemgangHandlers {
  const store = createGennemgangStore(db);

  function templateOf(tilsynId: number) {
    const t = tilsyn.get(tilsynId);
    if (!t) throw new ApiError('NOT_FOUND', 'Tilsynet findes ikke (det kan være slettet).');
    return { content: skabeloner.publishedContent(t.skabelonVersionId), sectionKeys: t.afsnit };
  }

  type Template = ReturnType<typeof templateOf>;
  type Answers = ReturnType<typeof store.answers>;

  function progressOf(sag: ReviewSagRow, { content, sectionKeys }: Template, answers: Answers): ReviewProgress {
    const dates = { ...sag.importedDates, ...sag.enteredDates };
    return reviewProgress({ content, sectionKeys, sagstype: sag.sagstype, answers, dates });
  }

  /** Reads the sag, its tilsyn's template and its answers once each. */
  function review(sagId: number): SagReview {
    const sag = store.sag(sagId);
    const template = templateOf(sag.tilsynId);
    const answers = store.answers(sagId);
    const { importedDates, enteredDates, tilsynId: _, ...facts } = sag;
    return {
      sag: facts,
      dates: { ...importedDates, ...enteredDates },
      enteredDates,
      content: template.content,
      sectionKeys: template.sectionKeys,
      answers,
      progress: progressOf(sag, template, answers),
    };
  }

  /** A færdig sag whose answers change so that something is missing goes back to i gang. */
  function afterChange(sagId: number): SagReview {
    const result = review(sagId);
    if (result.sag.status === 'faerdig' && result.progress.missing.length > 0) {
      store.setStatus(sagId, 'i_gang');
      return review(sagId);
    }
    return result;
  }

  return {
    'gennemgang.sager': ({ tilsynId }) => {
      const template = templateOf(tilsynId);
      return store.sager(tilsynId).map((sag) => {
        const { importedDates: _, enteredDates: __, tilsynId: ___, ...facts } = sag;
        const progress =
          sag.status === 'udgaaet'
            ? { applicable: 0, answered: 0, missing: [] }
            : progressOf(sag, template, store.answers(sag.id));
        return { ...facts, progress };
      });
    },
    'gennemgang.sag': ({ sagId }) => review(sagId),
    'gennemgang.svar': ({ sagId, key, value, note, reason, override }) => {
      const { content } = templateOf(store.sag(sagId).tilsynId);
      if (!content.sections.some((s) => s.questions.some((q) => q.key === key))) {
        throw new ApiError('VALIDATION', 'Spørgsmålet findes ikke i tilsynets skabelon.');
      }
      store.saveAnswer(sagId, key, { value, note, reason, override });
      return afterChange(sagId);
    },
    'gennemgang.dato': ({ sagId, key, date }) => {
      store.saveDate(sagId, key, date);
      return afterChange(sagId);
    },
    'gennemgang.faerdig': ({ sagId }) => {
      const current = review(sagId);
      if (current.progress.missing.length > 0) {
        throw new ApiError(
          'VALIDATION',
          `Sagen kan ikke markeres som færdig endnu. Der mangler:\n${current.progress.missing.map((m) => `• ${m.message}`).join('\n')}`,
        );
      }
      store.setStatus(sagId, 'faerdig');
      return review(sagId);
    },
  };
}
