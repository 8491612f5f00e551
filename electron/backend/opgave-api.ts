import type { NamespaceHandlers } from './dispatch';
import type { Tasks } from './tasks';

/** Following long work (an import, a PDF, a backup) by the id the renderer gave it, and cancelling it. */
export function opgaveApi(tasks: Tasks): NamespaceHandlers<'opgave'> {
  return {
    'opgave.status': ({ id }) => tasks.status(id),
    'opgave.annuller': ({ id }) => ({ annulleret: tasks.cancel(id) }),
  };
}
