import { ApiError } from '../../shared/api/errors';
import type { NamespaceHandlers } from './dispatch';
import type { Services } from './services';
import { findQuestion, UNKNOWN_QUESTION } from './services/template-questions';

/** The texts for the committee report are written after the review is locked, until the report is sent. */
const LOCKED_TEXTS = 'ændre vurderinger, planer og sammenfatning';

/** A tilsyn's results and their development, and ledelsens vurdering and sammenfatning for the committee report. */
export function resultaterApi({ stores, results }: Services): NamespaceHandlers<'resultater'> {
  return {
    'resultater.get': ({ tilsynId }) => results.view(tilsynId),
    'resultater.maal': ({ tilsynId, ...goal }) => results.saveGoal(tilsynId, goal),
    'resultater.koblinger': ({ tilsynId }) => results.unmatched(tilsynId),
    'resultater.kobl': ({ tilsynId, gammel, ny }) => results.link(tilsynId, gammel, ny),
    'resultater.vurdering': ({ tilsynId, ...assessment }) => {
      const t = stores.requireTextsOpen(tilsynId, LOCKED_TEXTS);
      if (!findQuestion(stores.templates.publishedContent(t.skabelonVersionId), assessment.key))
        throw new ApiError('VALIDATION', UNKNOWN_QUESTION);
      stores.results.saveAssessment(tilsynId, assessment);
      const saved = stores.results.assessments(tilsynId).find((a) => a.key === assessment.key);
      return saved ?? { ...assessment, planStatus: 'aaben' };
    },
    'resultater.sammenfatning': ({ tilsynId, tekst }) => {
      stores.requireTextsOpen(tilsynId, LOCKED_TEXTS);
      stores.results.saveSummary(tilsynId, tekst);
      return null;
    },
  };
}
