import type { FeedbackNote } from './note-types';

/** "Feedbacknotat – Anne Holm – Ledelsestilsyn 1. kvartal 2026.pdf", safe as a file name on Windows and macOS. */
export function safeFileName(name: string): string {
  const cleaned = name
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .replace(/[\\/:*?"<>|]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '');
  const dot = cleaned.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [cleaned.slice(0, dot), cleaned.slice(dot)] : [cleaned, ''];
  return `${stem.slice(0, 180).trim()}${ext}` || 'Notat';
}

export function noteFileName(note: Pick<FeedbackNote, 'kind' | 'recipient' | 'tilsyn'>): string {
  return safeFileName(
    note.kind === 'team'
      ? `Teamnotat – ${note.tilsyn.titel}.pdf`
      : `Feedbacknotat – ${note.recipient} – ${note.tilsyn.titel}.pdf`,
  );
}
