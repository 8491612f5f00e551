import type { z } from 'zod';

export const API_ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'UNKNOWN_METHOD',
  'FORBIDDEN',
  'DISK_FULL',
  'READ_ONLY',
  'DB_BUSY',
  /** The open database file was deleted, moved or replaced under the app: nothing more is written to it. */
  'FILE_CHANGED',
  /** The open database file failed its integrity check just after the start: nothing more is written to it. */
  'DAMAGED',
  'TRANSPORT',
  /** Long work the leader cancelled (shared/domain/progress.ts): nothing of it was kept. */
  'CANCELLED',
  'INTERNAL',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** What crosses a transport when a call fails. `message` is Danish and shown to the user as is. */
export interface ApiErrorBody {
  code: ApiErrorCode;
  message: string;
  /** Field path (dot-joined) → Danish message, for VALIDATION errors. */
  fieldErrors?: Record<string, string>;
}

export type Envelope<R> = { ok: true; value: R } | { ok: false; error: ApiErrorBody };

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly fieldErrors?: Record<string, string>;

  constructor(code: ApiErrorCode, message: string, fieldErrors?: Record<string, string>) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.fieldErrors = fieldErrors;
  }

  toBody(): ApiErrorBody {
    return this.fieldErrors
      ? { code: this.code, message: this.message, fieldErrors: this.fieldErrors }
      : { code: this.code, message: this.message };
  }
}

/** Turns zod issues into one Danish message per field (the first issue wins). */
export function fieldErrorsFromZod(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}

export function validationError(error: z.ZodError): ApiError {
  const fieldErrors = fieldErrorsFromZod(error);
  const count = Object.keys(fieldErrors).length;
  const message =
    count === 1 ? (Object.values(fieldErrors)[0] ?? 'Ugyldige oplysninger') : `Der er ${count} fejl i oplysningerne`;
  return new ApiError('VALIDATION', message, fieldErrors);
}

/** »Handlingen findes ikke (den kan være slettet).«: the one wording for a thing that is not (or no longer) there. */
export function notFound(subject: string, pronoun: 'den' | 'det'): ApiError {
  return new ApiError('NOT_FOUND', `${subject} findes ikke (${pronoun} kan være slettet).`);
}

/** The one error for a tilsyn id that is not (or no longer) in the file. */
export function tilsynNotFound(): ApiError {
  return notFound('Tilsynet', 'det');
}

/** The one error for a sag id that is not in a tilsyn's sample. */
export function sagNotInSample(): ApiError {
  return new ApiError('NOT_FOUND', 'Sagen findes ikke i stikprøven.');
}

/** The one error for a report refused while no sag is færdig; `made` is what would be made (»rapporten til udvalget«). */
export function noSagFinished(made: string): ApiError {
  return new ApiError(
    'CONFLICT',
    `Ingen sager er færdiggennemgået endnu. Markér mindst én sag som færdig, før ${made} laves.`,
  );
}

/**
 * The one error for a change refused because the tilsyn is afsluttet (see `isLocked` in shared/domain/tilsyn).
 * `toDo` finishes the sentence »Genåbn det for at …«, e.g. 'ændre gennemgangen'.
 */
export function tilsynLocked(toDo: string): ApiError {
  return new ApiError('CONFLICT', `Tilsynet er afsluttet og låst. Genåbn det for at ${toDo}.`);
}

/**
 * The one error for a change to the report's texts after the report was sent to the udvalg (see `textsLocked`).
 * `sentOn` is the Danish date; `toDo` as in `tilsynLocked`.
 */
export function reportSent(sentOn: string, toDo: string): ApiError {
  return new ApiError(
    'CONFLICT',
    `Rapporten blev sendt til udvalget den ${sentOn}, så teksterne er låst. Genåbn tilsynet under 4. Gennemgang for at ${toDo}; den sendte rapport gemmes.`,
  );
}
