import { ApiError } from '../../shared/api/errors';

/** The Danish message to show for a failed call; anything but an API error gets a general one. */
export function messageOf(err: unknown): string {
  return err instanceof ApiError ? err.message : 'Der opstod en uventet fejl. Prøv igen.';
}

/** The Danish messages per field a failed call carries (none for other errors). */
export function fieldErrorsOf(err: unknown): Record<string, string> {
  return err instanceof ApiError ? (err.fieldErrors ?? {}) : {};
}

/** The call was refused because of the state of things (CONFLICT): the message says what to do first. */
export function isConflict(err: unknown): boolean {
  return err instanceof ApiError && err.code === 'CONFLICT';
}
