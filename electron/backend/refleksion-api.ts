import { ApiError } from '../../shared/api/errors';
import type { NamespaceHandlers } from './dispatch';
import type { Services } from './services';
import { reflectionSuggestions } from './services/reflection-suggestions';
import { findQuestion, UNKNOWN_QUESTION } from './services/template-questions';

/** Refleksionsspørgsmål are texts of the formidling: they may change until the report is sent to the udvalg. */
const LOCKED_REFLECTIONS = 'ændre refleksionsspørgsmålene';

/** The refleksionsspørgsmål saved for the feedback notes (per caseworker or for the team), and suggestions. */
export function refleksionApi({ stores, review, results }: Services): NamespaceHandlers<'refleksion'> {
  const { reflections, answers } = stores;

  /** The template of a tilsyn whose refleksionsspørgsmål may change. */
  function requireOpen(tilsynId: number) {
    stores.requireTextsOpen(tilsynId, LOCKED_REFLECTIONS);
    return review.templateOf(tilsynId);
  }

  return {
    'refleksion.list': ({ tilsynId }) => {
      stores.requireTilsyn(tilsynId);
      return reflections.list(tilsynId);
    },

    'refleksion.tilfoej': ({ tilsynId, sagsbehandler, questionKey, text }) => {
      const { content } = requireOpen(tilsynId);
      if (questionKey !== null && !findQuestion(content, questionKey)) {
        throw new ApiError('VALIDATION', UNKNOWN_QUESTION, { questionKey: UNKNOWN_QUESTION });
      }
      if (sagsbehandler !== null) {
        const known = new Set(answers.sager(tilsynId).map((s) => s.sagsbehandler.trim()));
        if (sagsbehandler === '' || !known.has(sagsbehandler)) {
          const message =
            sagsbehandler === ''
              ? 'Vælg en sagsbehandler, eller gem spørgsmålet til teamet'
              : `${sagsbehandler} har ingen sager i tilsynets stikprøve`;
          throw new ApiError('VALIDATION', message, { sagsbehandler: message });
        }
      }
      reflections.add(tilsynId, { sagsbehandler, questionKey, text });
      return reflections.list(tilsynId);
    },

    'refleksion.slet': ({ id }) => {
      const tilsynId = reflections.tilsynOf(id);
      requireOpen(tilsynId);
      reflections.remove(id);
      return reflections.list(tilsynId);
    },

    'refleksion.forslag': ({ tilsynId, sagsbehandler }) =>
      reflectionSuggestions(results.resultsOf(tilsynId), sagsbehandler),
  };
}
