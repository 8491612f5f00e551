import { useState } from 'react';
import { messageOf } from '../errors';

/** The line under a field saved as it is typed: »Gemmer …«, then »✓ Gemt« or »Ikke gemt: …« for the latest save. */
export function useSaveStatus() {
  const [status, setStatus] = useState<string>();
  return {
    status,
    saving: () => setStatus('Gemmer …'),
    /** Shows how `save` ends; the promise it gives never fails. */
    settle: (save: Promise<unknown>) =>
      save.then(
        () => setStatus('✓ Gemt'),
        (err) => setStatus(`Ikke gemt: ${messageOf(err)}`),
      ),
  };
}
