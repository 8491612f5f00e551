import { maskCpr } from './cpr';

/** Control characters (C0 and C1) other than tab and line breaks: never meant in a leader's text. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are what it removes.
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g;

/**
 * A free text as it is stored: control characters dropped (»Ho\u0001lm« would print as Holm but be read as two
 * words), the next-line character as a line break, and any CPR-like number masked. The one rule for every text the
 * API keeps.
 */
export function storedText(value: string): string {
  return maskCpr(value.replace(CONTROLS, '').replace(/\u0085/g, '\n')).text;
}
