/**
 * The one rule for the name of a file the app makes (PDFs, Excel): what Windows and macOS refuse is replaced,
 * control characters and signs that turn text around dropped, no trailing dots or spaces, and not too long (cut
 * between characters, never inside an emoji).
 */
import { cutText } from '../../../shared/domain/format';
import { BIDI_CONTROLS } from '../../../shared/domain/invisible';

/** "Feedbacknotat – Anne Holm – Ledelsestilsyn 1. kvartal 2026.pdf", safe as a file name on Windows and macOS. */
export function safeFileName(name: string): string {
  const cleaned = name
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
    .replace(BIDI_CONTROLS, '')
    .replace(/[\\/:*?"<>|]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '');
  const dot = cleaned.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [cleaned.slice(0, dot), cleaned.slice(dot)] : [cleaned, ''];
  return `${cutText(stem, 180).trim()}${ext}` || 'Notat';
}

/** A title as part of a file name: without what ends it (».«, spaces), so »Tilsyn.« does not give »Tilsyn..pdf«. */
export const titlePart = (title: string) => title.trim().replace(/[. ]+$/, '');
