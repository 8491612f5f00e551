import { useState } from 'react';
import { fieldErrorsOf, messageOf } from '../errors';
import { isCancelled } from '../tasks';

/**
 * Runs what a button asks for, one thing at a time: `busy` while it runs, and the Danish message of why it
 * failed until the next try. `run` gives true when it went through.
 */
export function useAction() {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
      return true;
    } catch (err) {
      // Work the leader stopped is said in the progress panel, not as an error by the button.
      if (!isCancelled(err)) setError(messageOf(err));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { error, setError, busy, run };
}

/**
 * useAction for a form: a refusal that names fields puts its messages by those fields (`errors`); any other
 * failure is one message (`error`).
 */
export function useFormAction() {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<unknown>): Promise<boolean> => {
    setErrors({});
    setError(undefined);
    setBusy(true);
    try {
      await action();
      return true;
    } catch (err) {
      const fields = fieldErrorsOf(err);
      if (Object.keys(fields).length > 0) setErrors(fields);
      else if (!isCancelled(err)) setError(messageOf(err));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { errors, error, busy, run };
}
