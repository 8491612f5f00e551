import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeFileName } from '../../electron/backend/reports/file-name';
import { shorten } from '../../electron/backend/reports/pdf-style';
import { svgDataUrl } from '../../renderer/src/files';
import { cutText } from '../../shared/domain/format';
import { BIDI_CONTROLS } from '../../shared/domain/invisible';
import { tilsynInputSchema } from '../../shared/domain/tilsyn';

// A title cut for a chart label split an emoji in two; encodeURIComponent threw on the half, and the Resultater screen
// of every round in the enhed went blank (found by an attack). Texts are cut between the characters a reader sees.
const graphemes = (t: string) =>
  Array.from(new Intl.Segmenter('da', { granularity: 'grapheme' }).segment(t), (s) => s.segment);
const wellFormed = (t: string) => !/\p{Cs}/u.test(t);

describe('cutting a text', () => {
  it('keeps an emoji, a family of emoji or a letter with its accent whole', () => {
    const family = '👩‍👧‍👦';
    expect(cutText(`${'a'.repeat(17)}${family} tilsyn`, 19)).toBe(`${'a'.repeat(17)}${family}…`);
    expect(cutText(`${'a'.repeat(18)}${family} tilsyn`, 19)).toBe(`${'a'.repeat(18)}…`);
    expect(cutText('Sø\u0301ren Ærø', 3)).toBe('Sø\u0301…');
    expect(cutText('Kort', 24)).toBe('Kort');
  });

  it('gives a start of the text, at most max characters, well formed, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.integer({ min: 2, max: 30 }), (text, max) => {
        const cut = cutText(text, max);
        expect(wellFormed(cut)).toBe(true);
        expect(graphemes(cut).length).toBeLessThanOrEqual(max);
        if (cut !== text) {
          expect(cut.endsWith('…')).toBe(true);
          expect(text.startsWith(cut.slice(0, -1))).toBe(true);
        }
      }),
    );
  });

  it('at a word in the PDFs’ footers, and never inside an emoji', () => {
    expect(shorten('Frederiksberg Kommune, Børne- og Ungeforvaltningen', 30)).toBe('Frederiksberg Kommune…');
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (text) => {
        expect(wellFormed(shorten(text, 20))).toBe(true);
      }),
    );
  });
});

describe('a chart as a data URL', () => {
  it('takes a text with half a surrogate pair, showing the replacement sign', () => {
    const url = svgDataUrl('<svg><text>A\uD83D B</text></svg>');
    expect(decodeURIComponent(url.slice(url.indexOf(',') + 1))).toBe('<svg><text>A\uFFFD B</text></svg>');
  });
});

describe('a file name the app makes', () => {
  it('drops the signs that turn text around, so ».exe« cannot pass for ».txt«', () => {
    // »Tilsyn ‮txt.exe« shows as »Tilsyn exe.txt« with U+202E: the name keeps its letters, in their order.
    expect(safeFileName('Tilsyn \u202Etxt.exe.pdf')).toBe('Tilsyn txt.exe.pdf');
    expect(safeFileName('Runde \u2066أ\u2069 1.pdf')).toBe('Runde أ 1.pdf');
  });

  it('is cut between characters when long, its extension kept', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 150, maxLength: 300 }), (stem) => {
        const name = safeFileName(`${stem}.pdf`);
        expect(wellFormed(name)).toBe(true);
        expect(name.endsWith('.pdf') || name === 'Notat').toBe(true);
        expect(name).not.toMatch(new RegExp(BIDI_CONTROLS.source, 'u'));
      }),
    );
  });
});

describe('a tilsyn title as stored', () => {
  it('has no sign that turns text around', () => {
    const parsed = tilsynInputSchema.shape.titel.parse('Tilsyn \u202Eexe.txt 2026');
    expect(parsed).toBe('Tilsyn exe.txt 2026');
  });
});
