import type { NamespaceHandlers } from './dispatch';
import type { Services } from './services';

/**
 * Kalibrering (issue #16): practice sager kept with a template version, the leaders' answers to them, compared
 * question by question; a practice sag repeated when the template gets a new version.
 */
export function kalibreringApi({ calibration }: Services): NamespaceHandlers<'kalibrering'> {
  return {
    'kalibrering.list': () => calibration.list(),
    'kalibrering.opret': (input) => calibration.create(input),
    'kalibrering.get': ({ id }) => calibration.view(id),
    'kalibrering.svar': (input) => calibration.answer(input),
    'kalibrering.gentag': ({ id, skabelonVersionId, navn }) => calibration.repeat(id, skabelonVersionId, navn),
  };
}
