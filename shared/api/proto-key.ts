/**
 * Where `value` holds an own »__proto__« key, as a dot-joined path (»datoer.__proto__«), or undefined. JSON.parse
 * makes such a key an ordinary property; zod then drops it without a word, so a date or an answer under that key
 * would be lost silently (found by an attack on kalibrering.opret). Inputs and read files are refused instead.
 */
export function protoKeyPath(value: unknown): string | undefined {
  const stack: [unknown, string][] = [[value, '']];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [v, path] = next;
    if (typeof v !== 'object' || v === null) continue;
    if (Object.hasOwn(v, '__proto__')) return shortened(path ? `${path}.__proto__` : '__proto__');
    for (const [k, child] of Object.entries(v))
      if (typeof child === 'object' && child !== null) stack.push([child, path ? `${path}.${k}` : k]);
  }
  return undefined;
}

export const PROTO_KEY_MESSAGE = '»__proto__« kan ikke bruges som navn eller nøgle.';

/** A path as an answer names it: at most its first steps and the key (a million nested lists made a 2 MB answer). */
function shortened(path: string): string {
  const steps = path.split('.');
  return steps.length <= MAX_STEPS ? path : [...steps.slice(0, MAX_STEPS - 1), '…', '__proto__'].join('.');
}
const MAX_STEPS = 8;
