import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shorten } from '../../electron/backend/reports/pdf-style';
import { svgDataUrl } from '../../renderer/src/files';
import { cutText } from '../../shared/domain/format';

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
