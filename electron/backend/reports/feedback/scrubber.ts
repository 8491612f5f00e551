/** Replaces every known caseworker name and sagsnummer (and anything shaped like a case number) in a text. */
export function scrubber(names: readonly string[], sagsnumre: readonly string[]): (text: string) => string {
  const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const full = [...new Set(names.map((n) => n.trim()).filter((n) => n.length > 1))].sort((a, b) => b.length - a.length);
  const parts = [...new Set(full.flatMap((n) => n.split(/\s+/)).filter((p) => p.length > 1))].sort(
    (a, b) => b.length - a.length,
  );
  const numbers = [...new Set(sagsnumre.map((s) => s.trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
  // A name may carry the genitive s ("Annes plan").
  const bounded = (s: string) => `(?<![\\p{L}\\p{N}])${escapeRe(s)}(s?)(?![\\p{L}\\p{N}])`;
  const nameRe = full.length ? new RegExp(full.map(bounded).join('|'), 'giu') : null;
  // A lone first or last name only when it is written with its capital letter (so "holm" in a word stays).
  const partRe = parts.length ? new RegExp(parts.map(bounded).join('|'), 'gu') : null;
  // "sag 2026-101", "sagsnr. 2026-101" and the bare number all become "en sag".
  const sagWord = '(?:(?<![\\p{L}])sag(?:en|snummer|snr\\.?|s nr\\.?)?\\s+(?:nr\\.?\\s*)?)?';
  const numberRe = numbers.length ? new RegExp(`${sagWord}(?:${numbers.map(bounded).join('|')})`, 'giu') : null;
  // Other case-number-like tokens (six digits or more, e.g. "27.12.08-A00-125"), but not dates.
  const caseLike =
    /(?:(?<![\p{L}])sag(?:en|snummer|snr\.?)?\s+(?:nr\.?\s*)?)?(?<![\p{L}\p{N}])[\p{L}\p{N}]*\d[\p{L}\p{N}./-]*\d(?![\p{L}\p{N}])/giu;
  const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$|^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$/.test(s);
  return (text) => {
    let out = text;
    if (numberRe) out = out.replace(numberRe, 'en sag');
    out = out.replace(caseLike, (m) => {
      const token = m.split(/\s+/).at(-1) ?? m;
      return (token.match(/\d/g) ?? []).length >= 6 && !isDate(token) ? 'en sag' : m;
    });
    // The callback gets the match, one group per name, then the offset and the whole text.
    const someone = (_match: string, ...rest: unknown[]) =>
      rest.slice(0, -2).some((g) => g === 's') ? 'sagsbehandlerens' : 'sagsbehandleren';
    if (nameRe) out = out.replace(nameRe, someone);
    if (partRe) out = out.replace(partRe, someone);
    // "Sag 2026-101 mangler …" → "En sag mangler …": a sentence still starts with a capital.
    const first = text.charAt(0);
    return first !== first.toLowerCase() ? out.charAt(0).toUpperCase() + out.slice(1) : out;
  };
}
