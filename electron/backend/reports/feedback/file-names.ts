import { safeFileName, titlePart } from '../file-name';
import type { FeedbackNote } from './note-types';

export function noteFileName(note: Pick<FeedbackNote, 'kind' | 'recipient' | 'tilsyn'>): string {
  return safeFileName(
    note.kind === 'team'
      ? `Teamnotat – ${titlePart(note.tilsyn.titel)}.pdf`
      : `Feedbacknotat – ${note.recipient} – ${titlePart(note.tilsyn.titel)}.pdf`,
  );
}

/** The one file every note of a round travels in when downloaded (browser mode): »Feedbacknotater – <titel>.zip«. */
export function notesZipName(titel: string): string {
  return safeFileName(`Feedbacknotater – ${titlePart(titel)}.zip`);
}
