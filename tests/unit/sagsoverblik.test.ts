import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { datesIn, listDateHint } from '../../shared/domain/list-date';
import {
  caseKey,
  computeFlow,
  DIMENSIONS,
  type ListSag,
  listKeys,
  listsByMonth,
  loadFigures,
  monthQuerySchema,
  monthsBetween,
  summariseLoad,
} from '../../shared/domain/sagsoverblik';

const sag = (
  sagsnummer: string,
  sagsbehandler = 'Anne Holm',
  team = 'Nord',
  sagstype = 'Barn',
  person = '',
): ListSag => ({
  sagsnummer,
  sagsbehandler,
  team,
  sagstype,
  person,
});

describe('the flow between two sagslister', () => {
  const january = [sag('S-1'), sag('S-2'), sag('S-3', 'Bo Nielsen'), sag('S-4', 'Bo Nielsen', 'Syd')];
  const february = [
    sag('S-1'), // stays
    sag('S-3', 'Anne Holm'), // moved from Bo to Anne
    sag('S-4', 'Bo Nielsen', 'Nord'), // moved from Syd to Nord, same caseworker
    sag('S-5', 'Bo Nielsen'), // new
    sag('S-6', ''), // new, not yet assigned
  ];

  it('counts start, tilgang, afgang, moves and slut', () => {
    const flow = computeFlow(january, february);
    expect(flow).toMatchObject({
      start: 4,
      tilgang: 2,
      afgang: 1,
      skiftetSagsbehandler: 1,
      skiftetTeam: 1,
      slut: 5,
      kommetIgen: 0,
    });
  });

  it('per caseworker: who gained and lost, and the sager without one', () => {
    const { groups } = computeFlow(january, february);
    expect(groups.sagsbehandler).toEqual([
      { navn: 'Anne Holm', start: 2, tilgang: 0, afgang: 1, flyttetInd: 1, flyttetUd: 0, slut: 2 },
      { navn: 'Bo Nielsen', start: 2, tilgang: 1, afgang: 0, flyttetInd: 0, flyttetUd: 1, slut: 2 },
      { navn: '', start: 0, tilgang: 1, afgang: 0, flyttetInd: 0, flyttetUd: 0, slut: 1 },
    ]);
    expect(groups.team.find((g) => g.navn === 'Syd')).toMatchObject({ start: 1, flyttetUd: 1, slut: 0 });
  });

  it('matches sagsnumre that read alike: case, spaces, dashes and invisible characters', () => {
    const before = [sag('sag-2024-0012'), sag('SAG 2024 13')];
    const after = [sag('SAG–2024-0012'), sag('sag\u200b202413'), sag('Sag-2024-012')];
    const flow = computeFlow(before, after);
    // »0012« and »012« are two sager: leading zeros count.
    expect(flow).toMatchObject({ start: 2, afgang: 0, tilgang: 1, slut: 3 });
    expect(caseKey('ＳＡＧ－１')).toBe('SAG-1');
    // A variation selector or a control character (NEL) is no part of a number, nor of a name.
    expect(caseKey('S-14\uFE0F')).toBe(caseKey('S-14'));
    expect(caseKey('S-\u008514')).toBe(caseKey('S-14'));
    const { named } = loadFigures([sag('A', 'Ulla U'), sag('B', 'Ulla\uFE0F U'), sag('C', 'Ulla\u0085 U')]);
    expect([...named.values()]).toEqual([{ navn: 'Ulla U', antal: 3 }]);
  });

  it('counts a sagsnummer that stands twice in a list once, and says so', () => {
    const flow = computeFlow([sag('A-1'), sag('a-1', 'Bo Nielsen')], [sag('A-1')]);
    expect(flow).toMatchObject({ start: 1, slut: 1, afgang: 0, tilgang: 0 });
    expect(flow.duplicates).toEqual({ start: 1, slut: 0 });
  });

  it('a sag that leaves and comes back: afgang one month, tilgang (kommet igen) the next', () => {
    const march = [sag('K-1'), sag('K-2')];
    const april = [sag('K-2')];
    const may = [sag('K-1'), sag('K-2'), sag('K-3')];
    expect(computeFlow(march, april)).toMatchObject({ afgang: 1, tilgang: 0 });
    const back = computeFlow(april, may, 'sager', listKeys(march, 'sager'));
    expect(back).toMatchObject({ tilgang: 2, kommetIgen: 1 });
  });

  it('counts personer: a person with two sager is one, a row without a person is its own', () => {
    const before = [
      sag('P-1', 'A', 'N', 'Barn', 'h1'),
      sag('P-2', 'A', 'N', 'Barn', 'h1'),
      sag('P-3', 'A', 'N', 'Barn', ''),
    ];
    const after = [sag('P-2', 'A', 'N', 'Barn', 'h1'), sag('P-4', 'A', 'N', 'Barn', 'h2')];
    expect(computeFlow(before, after, 'personer')).toMatchObject({ start: 2, slut: 2, tilgang: 1, afgang: 1 });
    expect(computeFlow(before, after, 'sager')).toMatchObject({ start: 3, slut: 2, tilgang: 1, afgang: 2 });
  });

  it('every group balances: slut = start + tilgang − afgang + flyttetInd − flyttetUd (property)', () => {
    const nameArb = fc.constantFrom('Anne', 'anne ', 'Bo', 'BO', '', 'Åse', 'Nord', 'Syd');
    const rowArb = fc.record({
      sagsnummer: fc.constantFrom('1', '2', '3', '4', '5', '6', '7', '8', 'a-1', 'A–1', ' 9 '),
      sagsbehandler: nameArb,
      team: nameArb,
      sagstype: nameArb,
      person: fc.constantFrom('', 'p1', 'p2', 'p3'),
    });
    fc.assert(
      fc.property(
        fc.array(rowArb, { maxLength: 20 }),
        fc.array(rowArb, { maxLength: 20 }),
        fc.constantFrom('sager' as const, 'personer' as const),
        (a, b, counting) => {
          const flow = computeFlow(a, b, counting);
          expect(flow.slut).toBe(flow.start + flow.tilgang - flow.afgang);
          for (const d of DIMENSIONS)
            for (const g of flow.groups[d])
              expect(g.slut).toBe(g.start + g.tilgang - g.afgang + g.flyttetInd - g.flyttetUd);
        },
      ),
    );
  });
});

describe('caseload against the måltal', () => {
  const list = [
    ...Array.from({ length: 26 }, (_, i) => sag(`A-${i}`, 'Anne Holm')),
    ...Array.from({ length: 25 }, (_, i) => sag(`B-${i}`, 'bo nielsen')),
    ...Array.from({ length: 10 }, (_, i) => sag(`C-${i}`, 'Bo  Nielsen')),
    sag('U-1', ''),
  ];

  it('names each caseworker once (as first written) with the sager, and counts those without one apart', () => {
    const figures = loadFigures(list);
    expect([...figures.named.values()]).toEqual([
      { navn: 'Anne Holm', antal: 26 },
      { navn: 'bo nielsen', antal: 35 },
    ]);
    expect(figures).toMatchObject({ antal: 62, sagsbehandlere: 2, udenSagsbehandler: 1, belastninger: [35, 26] });
  });

  it('exactly the måltal is not over it; more is', () => {
    const s = summariseLoad([25, 26, 10, 40], 25);
    expect(s).toMatchObject({ overMaal: 2, andelOverMaal: 0.5, median: 25.5, gennemsnit: 25.25, hoejeste: 40 });
    expect(s.fordeling).toEqual([
      { label: 'Højst 20', antal: 1 },
      { label: '21-25', antal: 1 },
      { label: '26-30', antal: 1 },
      { label: 'Over 30', antal: 1 },
    ]);
    // A job centre's måltal of 70 borgere, and no måltal at all.
    expect(summariseLoad([55, 70, 71, 90], 70).fordeling.map((b) => [b.label, b.antal])).toEqual([
      ['Højst 56', 1],
      ['57-70', 1],
      ['71-84', 1],
      ['Over 84', 1],
    ]);
    expect(summariseLoad([3, 12, 25], null).fordeling.map((b) => [b.label, b.antal])).toEqual([
      ['0-9', 1],
      ['10-19', 1],
      ['20-29', 1],
      ['30 eller flere', 0],
    ]);
    expect(summariseLoad([], 25)).toMatchObject({ gennemsnit: null, andelOverMaal: null, overMaal: 0 });
    expect(summariseLoad([30], null)).toMatchObject({ andelOverMaal: null, overMaal: 0 });
  });
});

describe('months', () => {
  it('lists the months of a range, across a new year', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });

  it('reads each month from its earliest list', () => {
    const lists = [{ dato: '2026-02-14' }, { dato: '2026-02-01' }, { dato: '2026-04-03' }];
    expect(listsByMonth(['2026-01', '2026-02', '2026-03', '2026-04'], lists)).toEqual([
      null,
      { dato: '2026-02-01' },
      null,
      { dato: '2026-04-03' },
    ]);
  });

  it('refuses a range backwards, too long, or not åååå-mm, in Danish', () => {
    const msg = (q: object) => monthQuerySchema.safeParse({ enhedId: 1, ...q }).error?.issues[0]?.message;
    expect(msg({ fra: '2026-05', til: '2026-01' })).toBe('Den første måned skal ligge før den sidste');
    expect(msg({ fra: '2010-01', til: '2026-01' })).toBe('Vælg højst 10 år ad gangen');
    expect(msg({ fra: '2026-13', til: '2026-12' })).toBe('Vælg den første måned som åååå-mm');
    expect(msg({ fra: '0025-01', til: '2026-12' })).toBe('Året skal ligge mellem 1900 og 2100');
  });
});

describe("the list's date, guessed from the file", () => {
  it.each([
    ['sagsliste 2026-11-01.csv', '2026-11-01'],
    ['Udtræk_01.11.2026.xlsx', '2026-11-01'],
    ['sager20261101.csv', '2026-11-01'],
    ['Sager 1-11-2026.csv', '2026-11-01'],
    ['Team Nord ２０２６-１１-０１.csv', '2026-11-01'],
  ])('from the name %s', (name, dato) => {
    expect(listDateHint(name, [])).toEqual({ dato, kilde: 'filnavnet' });
  });

  it('from the lines above the headers, when the name has none', () => {
    expect(listDateHint('sager.csv', [['Udtrukket', '01-11-2026 08:14'], ['']])).toEqual({
      dato: '2026-11-01',
      kilde: 'linjerne over overskrifterne',
    });
  });

  it('no guess from two dates, a date that does not exist, a number that only looks like one, or none', () => {
    expect(listDateHint('periode 01.01.2026-30.06.2026.csv', [])).toBeNull();
    expect(listDateHint('sager 31-02-2026.csv', [])).toBeNull();
    expect(listDateHint('sag 12345678.csv', [])).toBeNull();
    expect(listDateHint('sager 0025-01-01.csv', [])).toBeNull();
    expect(listDateHint('team 2026.csv', [])).toBeNull();
    expect(listDateHint('sager.csv', [['Kommune', 'Team Nord']])).toBeNull();
  });

  it('finds every written date in a text and nothing else (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        for (const d of datesIn(text)) expect(d).toMatch(/^(19|20)\d\d-\d\d-\d\d$/);
      }),
    );
  });
});
