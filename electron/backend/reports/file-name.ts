/**
 * The one rule for the name of a file the app makes (PDFs, Excel): what Windows and macOS refuse is replaced,
 * control characters dropped, no trailing dots or spaces, and not too long.
 */

/** "Feedbacknotat – Anne Holm – Ledelsestilsyn 1. kvartal 2026.pdf", safe as a file name on Windows and macOS. */
export function safeFileName(name: string): string {
  const cleaned = name
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
    .replace(/[\\/:*?"<>|]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '');
  const dot = cleaned.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [cleaned.slice(0, dot), cleaned.slice(dot)] : [cleaned, ''];
  return `${stem.slice(0, 180).trim()}${ext}` || 'Notat';
}

/** A title as part of a file name: without what ends it (».«, spaces), so »Tilsyn.« does not give »Tilsyn..pdf«. */
export const titlePart = (title: string) => title.trim().replace(/[. ]+$/, '');
