import { z } from '../zod';
import { COMMITTEE_FORMATS, type GeneratedFile } from './reports';
import { maskedText } from './sample';
import { tilsynIdSchema } from './tilsyn';

/**
 * The committee report as sent to the udvalg (issue #12): kept in the file with its sha256, so what the committee
 * received can be shown again. While a sending is current, the report's texts are locked.
 */
export interface ReportSending {
  id: number;
  /** åååå-mm-dd: the date printed in the report and the day it was marked as sent. */
  dato: string;
  hvem: string;
  /** ISO timestamp of the marking. */
  registreret: string;
  filnavn: string;
  /** sha256 of the PDF's bytes, hex: what the committee received can be compared with any copy. */
  sha256: string;
  bytes: number;
  /** False once the tilsyn was reopened after it: kept, but no longer what locks the texts. */
  gaeldende: boolean;
}

/** The sending and the report's file, to save where the leader sends it from. */
export interface SentReport {
  sending: ReportSending;
  file: GeneratedFile;
}

const name = maskedText(200).refine((v) => v.length > 0, 'Skriv dit navn');

export const sendReportInputSchema = z
  .object({
    tilsynId: tilsynIdSchema,
    navn: name,
    format: z.enum(COMMITTEE_FORMATS, { error: 'Vælg rapportens form' }).default('fuld'),
  })
  .strict();

export const sentReportRef = z
  .object({ tilsynId: tilsynIdSchema, id: z.number({ error: 'Ugyldigt id' }).int().positive('Ugyldigt id') })
  .strict();

/** The sha256 as people compare it by eye: groups of four, the first 16 characters. */
export function shortHash(sha256: string): string {
  return (
    sha256
      .slice(0, 16)
      .match(/.{1,4}/g)
      ?.join(' ') ?? ''
  );
}
