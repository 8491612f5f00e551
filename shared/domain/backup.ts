import { z } from '../zod';

/**
 * How long after the start a file found as the app left it is checked at the latest (db/integrity.ts); the screen
 * asks app.info again after it, so a check that failed is said even before the first save.
 */
export const DEFERRED_CHECK_MS = 2000;

/** Why a backup copy was made ('reddet': what the app still had open when its file changed under it). */
export const BACKUP_KINDS = ['auto', 'manuel', 'migrering', 'foer-gendannelse', 'reddet'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

export interface BackupInfo {
  fileName: string;
  /** ISO timestamp. */
  createdAt: string;
  sizeBytes: number;
  kind: BackupKind;
}

export const restoreInputSchema = z
  .object({
    fileName: z
      .string()
      .min(1)
      .max(300)
      .regex(/^[^\\/]+$/, 'Ugyldigt filnavn'),
  })
  .strict();

export interface RestoreResult {
  /** Danish: what happened and what the user must do next. */
  message: string;
  restartRequired: boolean;
}
