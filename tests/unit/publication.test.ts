import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPublicTexts, identifyingPassages, type PassageKind } from '../../shared/domain/publication';

// The publication check's detector (issue #12): what it must find in a leader's text, and what it must leave.

const known = {
  sagsnumre: ['BU-2026-1003', '2026-0042', 'S-150190'],
  sagsbehandlere: ['Anne Holm', 'Søren Østergaard', 'Hansen, Line', 'Bo Jensen', 'Per Kragh', 'René Müller'],
};

const found = (text: string) => identifyingPassages(text, known).map((p) => [p.kind, p.text]);

describe('finds what identifies someone, in any spelling', () => {
  it.each<[string, PassageKind, string]>([
    ['Sag BU20261003 mangler en plan.', 'sagsnummer', 'BU20261003'],
    ['Sag BU 2026 1003 mangler en plan.', 'sagsnummer', 'BU 2026 1003'],
    ['Sag BU\u20112026\u20111003 (hårde bindestreger).', 'sagsnummer', 'BU\u20112026\u20111003'],
    ['i sag bu-2026-1003 blev', 'sagsnummer', 'bu-2026-1003'],
    ['Sagen 2026 0042 er lukket.', 'sagsnummer', '2026 0042'],
    ['En sag, nr. 7712345, blev genåbnet.', 'talraekke', '7712345'],
    ['Journalnummer 123 456 er forkert.', 'talraekke', '123 456'],
    ['Barnets nummer er 010190-1234.', 'cpr', '010190-1234'],
    ['Barnets nummer er 01 01 90 12 34.', 'cpr', '01 01 90 12 34'],
    ['I går talte jeg med anne holm om det.', 'navn', 'anne holm'],
    ['Ifølge Soeren Oestergaard er det løst.', 'navn', 'Soeren Oestergaard'],
    ['Vi ser på Sørens sager.', 'navn', 'Sørens'],
    ['Vi ser på Annes plan.', 'navn', 'Annes'],
    ['Vi ser på Anne’s plan.', 'navn', 'Anne’s'],
    ['Planen er lagt af rene muller.', 'navn', 'rene muller'],
    ['Det aftalte jeg med AH i går.', 'initialer', 'AH'],
    ['Det aftalte jeg med A.H. i går.', 'initialer', 'A.H.'],
    ['Det aftalte jeg med A. H. i går.', 'initialer', 'A. H.'],
    ['Sagen ligger hos SØ.', 'initialer', 'SØ'],
    ['Det tager vi sammen med Line om planen.', 'navn', 'Line'],
    ['Teamet og Bo Jensen følger op.', 'navn', 'Bo Jensen'],
    ['Line Hansen skal huske børnesamtalen.', 'navn', 'Line Hansen'],
    ['Line. Hun mangler at holde børnesamtaler.', 'navn', 'Line'],
    ['Line', 'navn', 'Line'],
    ['Kontakt: Per. Opfølgning aftales med bl.a. Per.', 'navn', 'Per'],
    ['Kontakt: Per følger op.', 'navn', 'Per'],
    ['Line-Hansen er informeret.', 'navn', 'Line-Hansen'],
    ['Team Kragh-gruppen mødes.', 'navn', 'Kragh'],
    ['Tilsyn hos \u0397ansen-teamet.', 'navn', '\u0397ansen'],
    ['Sagen ligger hos Krag\u04bb.', 'navn', 'Krag\u04bb'],
    ['Planen er lagt af line hansen.', 'navn', 'line hansen'],
    ['Bo Jensen og Per Kragh følger op.', 'navn', 'Per Kragh'],
    ['Mødet med Kragh er flyttet.', 'navn', 'Kragh'],
    ['Mødet med \u0410nne Holm (kyrillisk A).', 'navn', '\u0410nne Holm'],
    ['Mødet med An\u200bne Ho\u00adlm er flyttet.', 'navn', 'An\u200bne Ho\u00adlm'],
    ['Sag 77\u200b12\u00ad345 er lukket.', 'talraekke', '77\u200b12\u00ad345'],
    ['Sag ７７１２３４５ er lukket.', 'talraekke', '７７１２３４５'],
    // A letter for the digit it looks like.
    ['Sag BU-2026-1OO3 mangler en plan.', 'sagsnummer', 'BU-2026-1OO3'],
    ['Sag BU-2026-l003 mangler en plan.', 'sagsnummer', 'BU-2026-l003'],
    // Letter-spaced, dotted, or split over a line.
    ['Sagen ligger hos H a n s e n nu.', 'navn', 'H a n s e n'],
    ['Sagen ligger hos L i n e  H a n s e n nu.', 'navn', 'L i n e  H a n s e n'],
    ['Sagen ligger hos H.a.n.s.e.n nu.', 'navn', 'H.a.n.s.e.n'],
    ['Sagen er overtaget af Han-\nsen i marts.', 'navn', 'Han-\nsen'],
    // Staff initials of four letters: two of the first name, two of the surname.
    ['Sagen ligger hos LIHA.', 'initialer', 'LIHA'],
    ['Aftalt med ANHO i går.', 'initialer', 'ANHO'],
    // A word-like first name at a sentence's start, before a verb.
    ['Per mangler at holde børnesamtaler.', 'navn', 'Per'],
    ['Line har overtaget sagen.', 'navn', 'Line'],
    ['Bo er syg, så sagen venter.', 'navn', 'Bo'],
  ])('%s', (text, kind, passage) => {
    expect(found(text)).toContainEqual([kind, passage]);
  });

  it('finds a short known sagsnummer as a whole token only', () => {
    const short = { sagsnumre: ['B-7', '12'], sagsbehandlere: [] };
    const kinds = (text: string) => identifyingPassages(text, short).map((p) => p.text);
    expect(kinds('Aftalt om sagsnr. B-7 i går.')).toEqual(['B-7']);
    expect(kinds('Aftalt om sag b 7 og b‑7.')).toEqual(['b 7', 'b‑7']);
    // Not inside other tokens, and a short number of digits only would be found in every count: left alone.
    expect(kinds('Sag B-70, AB7 og 12 sager.')).toEqual([]);
  });

  it('shows each passage in its context, with where it stands', () => {
    const text = 'Indledning. Anne Holm har overtaget sag BU-2026-1003 fra en kollega.';
    const [name, number] = identifyingPassages(text, known);
    expect(name).toMatchObject({ kind: 'navn', text: 'Anne Holm', before: 'Indledning. ', start: 12 });
    expect(number).toMatchObject({ kind: 'sagsnummer', text: 'BU-2026-1003' });
    expect(number?.after).toBe(' fra en kollega.');
  });
});

describe('leaves ordinary text alone', () => {
  it.each([
    'Vi holder en fast line i arbejdet med handleplaner.',
    'Hans sager er gennemgået. Per sag bruges to timer.',
    'Ved hans gennemgang var der tre sager per måned.',
    'Bo i egen bolig er en indsats. Kim og sten er ord.',
    'Datoerne 01-03-2026, 2026-03-31 og 31.12.2026 er fristerne.',
    'Måltallet er 90 %, og vi nåede målet i 12 af 15 sager i 2026.',
    'IT-afdelingen og BU-teamet mødes i Holmen.',
    'Sagsbehandlerne har fået sparring på børnesamtalen.',
    'Perioden 01.01.2026-31.03.2026 og 01.01.2026 - 31.03.2026, året 2025-2026 og 2024/25.',
    'Budgettet er 2.500.000 kr., heraf kr. 150.000 til kurser; mødet er kl. 10.00-12.00 den 31.01.26.',
    'Hans sager er gennemgået. Per måned holder vi to møder. Line op for line er planen gennemgået.',
  ])('%s', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('leaves surnames that are words in lower case, the field’s abbreviations, and law numbers', () => {
    const people = {
      sagsnumre: ['4711', 'BU-2026-1003'],
      sagsbehandlere: ['Karin Lund', 'Søren Lund', 'Bo Skov', 'Birgit Lang'],
    };
    const text =
      'Vi gik en tur i skoven og i lund og eng; en lang dag. Efter SL § 50 og BL § 20 (se LBK nr. 4711 og ' +
      'bekendtgørelse nr. 4711) er undersøgelsen lavet. Tilsynet følger KL’s vejledning.';
    expect(identifyingPassages(text, people)).toEqual([]);
    // The same words written as names are found.
    expect(identifyingPassages('Sagen er hos Lund og Skov. Aftalt med BS.', people).map((p) => p.text)).toEqual([
      'Lund',
      'Skov',
      'BS',
    ]);
    expect(identifyingPassages('Sag 4711 er lukket.', people).map((p) => p.text)).toEqual(['4711']);
  });
});

it('reads a whole 8,000-character text of name-like words beside a surname as one chain of names', () => {
  // Found in one pass each way: the search that grew the chain word by word took half a minute (test timeout).
  const passages = identifyingPassages(`${'per '.repeat(1998)}Kragh`, known);
  expect(passages.map((p) => [p.kind, p.start, p.end])).toEqual([['navn', 0, 7997]]);
});

describe('properties', () => {
  // Small numbers only with words between them: "90 90 90" is a run of six digits, and is rightly flagged.
  const SAFE_WORDS = [
    'vi',
    'har',
    'gennemgået',
    'sagerne',
    'og',
    'planen',
    'er',
    'god',
    'i',
    'teamet',
    'måltal 90 %',
    'i 12 af 15 sager',
  ];
  const filler = fc.array(fc.constantFrom(...SAFE_WORDS), { maxLength: 12 }).map((w) => w.join(' '));

  /** A known name as a leader might write it: any case, æ/ø/å spelled out or not, with a genitive. */
  const writtenName = fc
    .record({
      name: fc.constantFrom('Anne Holm', 'Søren Østergaard', 'Jensen', 'Kragh', 'Østergaard'),
      upper: fc.boolean(),
      lower: fc.boolean(),
      transliterate: fc.boolean(),
      genitive: fc.boolean(),
      // Letter-spaced (»H o l m«, »H.o.l.m«) by someone getting past a word search.
      spaced: fc.constantFrom(null, ' ', '.'),
    })
    .map(({ name, upper, lower, transliterate, genitive, spaced }) => {
      let n = transliterate ? name.replace(/ø/g, 'oe').replace(/Ø/g, 'Oe').replace(/å/g, 'aa') : name;
      if (upper) n = n.toUpperCase();
      else if (lower) n = n.toLowerCase();
      if (genitive) n = `${n}s`;
      return spaced
        ? n
            .split(' ')
            .map((w) => [...w].join(spaced))
            .join('  ')
        : n;
    });

  it('finds a known name in any spelling wherever it stands', () => {
    fc.assert(
      fc.property(filler, writtenName, filler, (before, name, after) => {
        const text = `${before} ${name} ${after}`;
        const at = before.length + 1;
        const hit = identifyingPassages(text, known).find((p) => p.start <= at && p.end >= at + 1);
        expect(hit?.kind, text).toBe('navn');
      }),
    );
  });

  it('finds any run of six digits or more that is not a date, whatever separates them', () => {
    const separators = fc.constantFrom('', ' ', '-', '\u2011', '.', '/', '\u00a0', ' - ');
    const run = fc
      .array(fc.tuple(fc.integer({ min: 0, max: 9 }), separators), { minLength: 6, maxLength: 12 })
      .map((ds) => ds.map(([d, s], i) => (i === ds.length - 1 ? String(d) : `${d}${s}`)).join(''));
    fc.assert(
      fc.property(filler, run, filler, (before, digits, after) => {
        const text = `${before} ${digits} ${after}`;
        const hits = identifyingPassages(text, known);
        const isDate = /^\d{1,2}[-./]\d{1,2}[-./](\d{4}|\d{2})$|^\d{4}-\d{1,2}-\d{1,2}$/.test(digits);
        // A period of years or dates (»2024/25«, »00 - 1.1.00«, »00/00 - 00«) is ordinary too, as the check reads it.
        const pieces = digits.split(/\s*[-/]\s*/);
        const yearOrDate = /^(19|20)?\d\d$|^\d{1,2}[-./]\d{1,2}[-./](\d{4}|\d{2})$/;
        const isPeriod = pieces.length > 1 && pieces.every((p) => yearOrDate.test(p));
        // So is a KLE journal plan number (27.24.12), which names a subject, not a case.
        const isKle = /^\d{2}\.\d{2}\.\d{2}$/.test(digits);
        if (!isDate && !isPeriod && !isKle) expect(hits.length, text).toBeGreaterThan(0);
      }),
    );
  });

  it('flags nothing in text of ordinary words and small numbers', () => {
    fc.assert(
      fc.property(filler, (text) => {
        expect(found(text)).toEqual([]);
      }),
    );
  });
});

describe('checkPublicTexts', () => {
  const place = { screen: 'resultater' } as const;
  it('shows a text that stands in several fields once, naming every field', () => {
    const texts = ['Enhed', 'Fokus', 'Ansvarlig'].map((label) => ({ label, text: 'Team Per Kragh', place }));
    const check = checkPublicTexts(
      'udvalg',
      texts,
      known,
      (t) => t,
      () => false,
    );
    expect(check.passages.map((p) => p.label)).toEqual(['Enhed · Fokus · Ansvarlig']);
  });
  it('lets a mark cover what the passage was taken for: a number that becomes a known sagsnummer is shown again', () => {
    const texts = [{ label: 'Fokus', text: 'Sag 123456 er med.', place }];
    const marks = new Set<string>();
    const first = checkPublicTexts(
      'udvalg',
      texts,
      known,
      (t) => t,
      () => false,
    );
    const [number] = first.passages;
    expect(number?.kind).toBe('talraekke');
    marks.add(`${number?.textHash}:${number?.start}:${number?.end}`);
    const isMarked = (h: string, s: number, e: number) => marks.has(`${h}:${s}:${e}`);
    expect(checkPublicTexts('udvalg', texts, known, (t) => t, isMarked).unresolved).toBe(0);
    const later = { ...known, sagsnumre: [...known.sagsnumre, '123456'] };
    const again = checkPublicTexts('udvalg', texts, later, (t) => t, isMarked);
    expect(again.passages.map((p) => [p.kind, p.ok])).toEqual([['sagsnummer', false]]);
  });
});
