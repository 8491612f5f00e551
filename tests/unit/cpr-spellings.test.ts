import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CPR_MASK, containsCpr, findCprNumbers, isCprValue, maskCpr } from '../../shared/domain/cpr';

// Every spelling of 010190-1234 (and friends) a person, a spreadsheet or a copied web page produces.
const SPELLINGS: [string, string][] = [
  ['010190.1234', 'a dot'],
  ['01.01.90-1234', 'dots in the date, a dash before the serial'],
  ['01.01.90.1234', 'dots everywhere'],
  ['01/01/90-1234', 'slashes'],
  ['010190/1234', 'a slash'],
  ['010190_1234', 'an underscore'],
  ['01 01 90 1234', 'a space between every pair'],
  ['01 01 90 12 34', 'a space in the serial too'],
  ['01-01-90 12 34', 'mixed separators'],
  ['01.01.90 - 12 34', 'mixed and spaced'],
  ['010190 - 1234', 'a spaced dash'],
  ['010190--1234', 'a doubled dash'],
  ['010190 -- 1234', 'a spaced doubled dash'],
  ['010190\t1234', 'a tab'],
  ['010190\u20091234', 'a thin space'],
  ['010190\u202f1234', 'a narrow no-break space'],
  ['010190\u00a01234', 'a no-break space'],
  ['010190\u30001234', 'an ideographic space'],
  ['010190\u00ad1234', 'a soft hyphen'],
  ['0101\u00ad901234', 'a soft hyphen inside the date'],
  ['010190-\u200b1234', 'a zero-width space after the dash'],
  ['01\u200d01\u200c90\u20601234', 'zero-width joiner, non-joiner and word joiner'],
  ['0101\ufeff901234', 'a byte order mark inside'],
  ['010190\u200e-1234', 'a left-to-right mark'],
  ['010190\u20131234', 'an en dash'],
  ['010190\u20141234', 'an em dash'],
  ['010190\u22121234', 'a minus sign'],
  ['010190\u20111234', 'a non-breaking hyphen'],
  ['010190\ufe631234', 'a small hyphen-minus'],
  ['\uff10\uff11\uff10\uff11\uff19\uff10\uff0d\uff11\uff12\uff13\uff14', 'full-width ０１０１９０－１２３４'],
  ['\u0660\u0661\u0660\u0661\u0669\u0660-\u0661\u0662\u0663\u0664', 'Arabic-Indic digits'],
  ['\u06f0\u06f1\u06f0\u06f1\u06f9\u06f0\u06f1\u06f2\u06f3\u06f4', 'Extended Arabic-Indic (Persian) digits'],
  ['\u0966\u0967\u0966\u0967\u096f\u0966-\u0967\u0968\u0969\u096a', 'Devanagari digits'],
  ['\u{1d7ce}\u{1d7cf}\u{1d7ce}\u{1d7cf}\u{1d7d7}\u{1d7ce}\u{1d7cf}\u{1d7d0}\u{1d7d1}\u{1d7d2}', 'mathematical bold'],
  ['0\ufe0f\u20e31\ufe0f\u20e30\ufe0f\u20e31\ufe0f\u20e39\ufe0f\u20e30\ufe0f\u20e3-1234', 'keycap emoji'],
  ['0\u03321\u03320\u03321\u03329\u03320\u0332-1234', 'combining underline'],
  ['010190\r\n1234', 'a line break'],
];

const CONTEXTS: [string, (cpr: string) => string][] = [
  ['alone', (c) => c],
  ['in a sentence', (c) => `Barnets cpr ${c} fremgår af sagen`],
  ['glued to a prefix', (c) => `SAG${c}`],
  ['after CPR:', (c) => `CPR:${c}`],
  ['after CPR-', (c) => `CPR-${c}`],
  ['in a URL', (c) => `https://borger.example.dk/opslag?cpr=${c}&vis=1`],
  ['in a URL path', (c) => `https://borger.example.dk/person/${c}/sager`],
  ['in parentheses', (c) => `(${c})`],
  ['followed by a case suffix', (c) => `${c}-01`],
  ['after a phone number', (c) => `tlf. 12 34 56 78, cpr ${c}`],
];

describe('every spelling of a CPR number is found, in every context, and masked exactly', () => {
  for (const [spelling, what] of SPELLINGS) {
    it(`${what}: ${JSON.stringify(spelling)}`, () => {
      expect(isCprValue(spelling)).toBe(true);
      for (const [, context] of CONTEXTS) {
        const text = context(spelling);
        expect(findCprNumbers(text).map((m) => m.text)).toEqual([spelling]);
        // The mask replaces the span in the original text: what is around it stays as written.
        expect(maskCpr(text)).toEqual({ text: context(CPR_MASK), masked: 1 });
      }
    });
  }
});

describe('ordinary numbers are not CPR numbers', () => {
  it.each([
    ['2024-0101901234', 'a sagsnummer: year, dash, ten digits'],
    ['2024/0101901234', 'a sagsnummer with a slash'],
    ['2024.01.01.90-1234', 'a longer dotted number'],
    ['BU-2026-1003', 'a sagsnummer with letters'],
    ['20240101901234', 'a date-valid ten digits inside a longer digit run'],
    ['01019012345', 'eleven digits'],
    ['31.12.2026', 'a date'],
    ['31.12.2026 12:00', 'a date and a time'],
    ['31.12.2026 12', 'a date and an hour'],
    ['2026-01-01 2026-03-31', 'two ISO dates'],
    ['01-01-2026 12 34', 'a date and two numbers'],
    ['12 34 56 78', 'a phone number'],
    ['+45 12 34 56 78', 'a phone number with the country code'],
    ['1.234.567,89', 'an amount'],
    ['320190-1234', 'day 32'],
    ['290297-1234', '29 February 1997'],
    ['٣٢٠١٩٠-١٢٣٤', 'day 32 in Arabic-Indic digits'],
    ['27.00.01-A00-1-24', 'a KLE journal number'],
    ['2024-0101901234, 2025-0101901234', 'two sagsnumre'],
  ])('%s (%s)', (value) => {
    expect(containsCpr(value)).toBe(false);
    expect(containsCpr(`Sag ${value} er gennemgået.`)).toBe(false);
    expect(maskCpr(`Sag ${value}.`).masked).toBe(0);
  });
});

describe('the normalisation', () => {
  // asciiDigit relies on this: a run of decimal digits always starts at a zero and is a multiple of ten long.
  const runs: { zero: number; length: number }[] = [];
  for (let cp = 0, run = 0; cp <= 0x110000; cp++) {
    if (cp < 0x110000 && (cp < 0xd800 || cp > 0xdfff) && /\p{Nd}/u.test(String.fromCodePoint(cp))) run++;
    else if (run > 0) {
      runs.push({ zero: cp - run, length: run });
      run = 0;
    }
  }

  it('reads every Unicode decimal digit: each block runs 0-9 in code point order', () => {
    expect(runs.length).toBeGreaterThan(50);
    expect(runs.filter((r) => r.length % 10 !== 0)).toEqual([]);
  });

  it('finds the number in any Unicode digit block, as ASCII would', () => {
    const zeros = runs.flatMap((r) => Array.from({ length: r.length / 10 }, (_, k) => r.zero + 10 * k));
    for (const zero of zeros) {
      const spell = (digits: string) => [...digits].map((d) => String.fromCodePoint(zero + Number(d))).join('');
      const text = `cpr ${spell('010190')}-${spell('1234')} ok`;
      expect(maskCpr(text).text, `digits from U+${zero.toString(16)}`).toBe(`cpr ${CPR_MASK} ok`);
    }
  });

  it('masks until nothing is left, whatever surrounds the numbers', () => {
    const piece = fc.constantFrom(
      ...SPELLINGS.map(([s]) => s),
      '2024-',
      '-',
      ' ',
      'SAG',
      '12',
      '.',
      '\u00ad',
      '\u200b',
      'ø',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const masked = maskCpr(pieces.join('')).text;
        expect(containsCpr(masked)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('a CPR number after a list number or a date, with whitespace between, is found', () => {
  it.each([
    ['1. 0101901234', '0101901234'],
    ['Punkt 3. 010190-1234', '010190-1234'],
    ['Barn nr. 2 - 0101901234', '0101901234'],
    ['Samtale 31.12.2026 - 0101901234', '0101901234'],
    ['3/0101901234', '0101901234'],
    ['Punkt 3-010190-1234', '010190-1234'],
  ])('%s', (text, cpr) => {
    expect(findCprNumbers(text).map((m) => m.text)).toEqual([cpr]);
    expect(maskCpr(text).text).toBe(text.replace(cpr, CPR_MASK));
  });
});

describe('invisible and blank-looking characters between the groups do not hide the number', () => {
  const blanks: [string, string][] = [
    ['\u0000', 'NUL'],
    ['\u0001', 'a C0 control'],
    ['\u001f', 'unit separator'],
    ['\u007f', 'DEL'],
    ['\u0085', 'next line'],
    ['\u009f', 'a C1 control'],
    ['\u115f', 'Hangul choseong filler'],
    ['\u1160', 'Hangul jungseong filler'],
    ['\u3164', 'Hangul filler'],
    ['\uffa0', 'half-width Hangul filler'],
    ['\u2800', 'braille blank'],
    ['\ufffc', 'object replacement character'],
    ['\ufffd', 'replacement character'],
    ['\ue000', 'private use (first)'],
    ['\uf8ff', 'private use (last)'],
  ];
  for (const [blank, what] of blanks) {
    it(`${what} (U+${(blank.codePointAt(0) ?? 0).toString(16).padStart(4, '0')})`, () => {
      for (const spelling of [
        `010190${blank}1234`,
        `0101${blank}90${blank}1234`,
        `01${blank}01${blank}90-${blank}1234`,
      ]) {
        const text = `cpr ${spelling} ok`;
        expect(findCprNumbers(text).map((m) => m.text)).toEqual([spelling]);
        expect(maskCpr(text).text).toBe(`cpr ${CPR_MASK} ok`);
      }
    });
  }
});

describe('more separators between the groups', () => {
  const seps = [
    ',',
    ':',
    '+',
    "'",
    '"',
    '(',
    ')',
    '|',
    '~',
    '*',
    '#',
    '=',
    '\u2039',
    '\u2022',
    '\u2043',
    '\u30fb',
    '\u02d7',
    '\u2796',
    ' , ',
    '*-*',
  ];
  for (const sep of seps) {
    it(JSON.stringify(sep), () => {
      for (const spelling of [`010190${sep}1234`, `01${sep}01${sep}90${sep}12${sep}34`]) {
        const text = `Barnets cpr ${spelling} fremgår`;
        expect(findCprNumbers(text).map((m) => m.text)).toEqual([spelling]);
        expect(maskCpr(text).text).toBe(`Barnets cpr ${CPR_MASK} fremgår`);
      }
    });
  }

  it.each([['0 1 0 1 9 0 1 2 3 4'], ['0-1-0-1-9-0-1-2-3-4'], ['0.1.0.1.9.0.1.2.3.4']])(
    'single digits: %s',
    (spelling) => {
      expect(findCprNumbers(`cpr ${spelling} ok`).map((m) => m.text)).toEqual([spelling]);
    },
  );

  it.each([
    ['10:15-12:30'],
    ['Svar: 1, 2, 3, 4, 5'],
    ['kl. 10:00, 31.12.2026 12:00'],
    ['2024 - 0101901234'.replace(' - ', '-')],
  ])('still not a CPR number: %s', (value) => {
    expect(containsCpr(value)).toBe(false);
  });
});

it('a whole value with control or blank characters around it is a CPR value', () => {
  expect(isCprValue('\u0000010190-1234\u2800')).toBe(true);
});

it.each([['12,0101901234'], ['(2024)0101901234'], ['kl. 12:0101901234'], ['2024 -0101901234'], ['2024--0101901234']])(
  'only a single dash, dot or slash glues a number to the one before: %s',
  (text) => {
    expect(findCprNumbers(text).map((m) => m.text)).toEqual(['0101901234']);
  },
);
