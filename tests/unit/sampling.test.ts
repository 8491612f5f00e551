import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type DrawResult,
  drawSample,
  eligibleUnits,
  MAX_SEED,
  NO_VALUE,
  newSeed,
  proportionalAllocation,
  type ReviewHistory,
  type SampleSpec,
  type SampleSpecInput,
  type SamplingUnit,
  sampleSpecSchema,
  strataOf,
} from '../../shared/domain/sampling';

// ---------- helpers ----------

const SAGSTYPER = ['Underretning', '§ 32 forebyggende indsats', 'Anbringelse § 46', 'Afdækning § 19'];
const SAGSBEHANDLERE = ['Anne Holm', 'Bo Nielsen', 'Søren Ærø', 'Åse Østergård'];
const TEAMS = ['Team Nord', 'Team Syd'];
const DAY = 86_400_000;
const isoDay = (day: number) => new Date(Date.UTC(2025, 0, 1) + day * DAY).toISOString().slice(0, 10);

type SpecInput = Omit<SampleSpecInput, 'size' | 'seed'> & { size?: number; seed?: number };
const spec = (input: SpecInput): SampleSpec => sampleSpecSchema.parse({ size: 5, seed: 20260301, ...input });

/** 60 sager over four caseworkers plus Mette Bæk with only two; sagsnumre not in id order. */
function population(): SamplingUnit[] {
  const units: SamplingUnit[] = Array.from({ length: 58 }, (_, i) => ({
    id: i + 1,
    sagsnummer: `2025-${String(4711 + ((i * 37) % 58) * 7).padStart(6, '0')}`,
    sagstype: SAGSTYPER[i % SAGSTYPER.length]!,
    sagsbehandler: SAGSBEHANDLERE[i % SAGSBEHANDLERE.length]!,
    team: TEAMS[Math.floor(i / 4) % 2]!,
    dates: { modtaget: isoDay(i * 7) },
  }));
  units.push(
    {
      id: 59,
      sagsnummer: '2026-000101',
      sagstype: 'Underretning',
      sagsbehandler: 'Mette Bæk',
      team: 'Team Syd',
      dates: {},
    },
    {
      id: 60,
      sagsnummer: '2026-000102',
      sagstype: 'Anbringelse § 46',
      sagsbehandler: 'Mette Bæk',
      team: 'Team Syd',
      dates: { modtaget: '2026-01-15' },
    },
  );
  return units;
}

const chosen = (r: DrawResult) => r.picks.filter((p) => p.role === 'udvalgt');
const spares = (r: DrawResult) => r.picks.filter((p) => p.role === 'reserve');
const ids = (picks: readonly { unitId: number }[]) => picks.map((p) => p.unitId);
const byId = (units: readonly SamplingUnit[]) => new Map(units.map((u) => [u.id, u]));
/** A warning's text. */
const escapeRe = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const warningRe = (before: string, n: number, after: string) =>
  new RegExp(`^${escapeRe(before)}${n} sag(er)?${escapeRe(after)}$`);
const hasWarning = (r: DrawResult, re: RegExp) => r.warnings.some((w) => re.test(w));
const emptyHistory = (): ReviewHistory => ({ sagsnumre: new Set(), sagsbehandlere: new Set(), sagstyper: new Set() });

// ---------- arbitraries ----------

const unitsArb = (maxLength = 60) =>
  fc
    .uniqueArray(
      fc.record({
        nr: fc.integer({ min: 1, max: 999_999 }),
        sagstype: fc.constantFrom(...SAGSTYPER),
        sagsbehandler: fc.constantFrom(...SAGSBEHANDLERE, ''),
        team: fc.constantFrom(...TEAMS),
        day: fc.option(fc.integer({ min: 0, max: 540 }), { freq: 8 }),
      }),
      { selector: (r) => r.nr, maxLength },
    )
    .map((rows) =>
      rows.map(
        (r, i): SamplingUnit => ({
          id: i + 1,
          sagsnummer: `${r.nr % 2 ? 2025 : 2026}-${String(r.nr).padStart(6, '0')}`,
          sagstype: r.sagstype,
          sagsbehandler: r.sagsbehandler,
          team: r.team,
          dates: r.day === null ? {} : { modtaget: isoDay(r.day) },
        }),
      ),
    );

const seedArb = fc.integer({ min: 1, max: MAX_SEED });
const strataByArb = fc.constantFrom('sagsbehandler' as const, 'team' as const, 'sagstype' as const);

/** Any valid spec of the three methods (and both allocations). */
const specArb: fc.Arbitrary<SampleSpec> = fc
  .record({
    kind: fc.constantFrom('simpel', 'per_stratum', 'proportional', 'systematisk'),
    size: fc.integer({ min: 1, max: 80 }),
    perStratum: fc.integer({ min: 1, max: 12 }),
    strataBy: strataByArb,
    spares: fc.integer({ min: 0, max: 4 }),
    seed: seedArb,
  })
  .map(({ kind, size, perStratum, strataBy, spares: nSpares, seed }) =>
    kind === 'simpel' || kind === 'systematisk'
      ? spec({ method: kind, size, spares: nSpares, seed })
      : spec({ method: 'stratificeret', strataBy, allocation: kind, perStratum, size, spares: nSpares, seed }),
  );

const stratumOf = (u: SamplingUnit, s: SampleSpec) =>
  s.method === 'stratificeret' && s.strataBy ? u[s.strataBy] || NO_VALUE : 'Alle sager';

/** What every draw must satisfy, whatever the method. */
function checkInvariants(units: readonly SamplingUnit[], s: SampleSpec, r: DrawResult, history?: ReviewHistory) {
  const units1 = byId(units);
  const eligible = eligibleUnits(units, s, history);
  const eligibleIds = new Set(eligible.map((u) => u.id));
  expect(r.populationAfterFilters).toBe(eligible.length);
  // never a unit twice across selected and spares, and only eligible units
  expect(new Set(ids(r.picks)).size).toBe(r.picks.length);
  for (const p of r.picks) expect(eligibleIds.has(p.unitId)).toBe(true);
  // each pick belongs to its stratum; counts and order numbers per stratum
  for (const p of r.picks) expect(p.stratum).toBe(stratumOf(units1.get(p.unitId)!, s));
  for (const st of r.strata) {
    const inStratum = eligible.filter((u) => stratumOf(u, s) === st.name).length;
    expect(st.population).toBe(inStratum);
    expect(st.drawn).toBe(Math.min(st.requested, inStratum));
    // A stratum that gets no sager (proportional allocation) gets no spares either.
    expect(st.spares).toBe(st.requested > 0 ? Math.min(s.spares, inStratum - st.drawn) : 0);
    for (const role of ['udvalgt', 'reserve'] as const) {
      const orders = r.picks.filter((p) => p.stratum === st.name && p.role === role).map((p) => p.order);
      const expected = role === 'udvalgt' ? st.drawn : st.spares;
      expect(orders).toEqual(Array.from({ length: expected }, (_, k) => k + 1));
    }
  }
  expect(r.strata.reduce((a, st) => a + st.population, 0)).toBe(eligible.length);
}

// ---------- tests ----------

describe('sampleSpecSchema', () => {
  it('fills in the defaults', () => {
    expect(sampleSpecSchema.parse({ method: 'simpel', size: 10, seed: 42 })).toEqual({
      method: 'simpel',
      size: 10,
      seed: 42,
      allocation: 'per_stratum',
      spares: 2,
      filters: { sagstyper: [], teams: [] },
      avoidRecentlyReviewed: false,
      preferUnreviewed: false,
    });
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    [
      'stratified without a field',
      { method: 'stratificeret', size: 5, perStratum: 1 },
      'strataBy',
      'Vælg hvad der stratificeres efter',
    ],
    [
      'per stratum without a number',
      { method: 'stratificeret', size: 5, strataBy: 'team' },
      'perStratum',
      'Angiv antal sager pr. gruppe',
    ],
    ['size 0', { method: 'simpel', size: 0 }, 'size', 'Stikprøven skal have mindst én sag'],
    ['a fractional size', { method: 'simpel', size: 2.5 }, 'size', 'Angiv et helt tal'],
    ['seed 0', { method: 'simpel', size: 5, seed: 0 }, 'seed', 'Startværdien skal være et positivt tal'],
    ['a seed too large', { method: 'simpel', size: 5, seed: MAX_SEED + 1 }, 'seed', 'Startværdien er for stor'],
    ['an unknown method', { method: 'tilfaeldig', size: 5 }, 'method', 'Vælg udvælgelsesmetode'],
  ])('refuses %s in Danish', (_name, input, path, message) => {
    const result = sampleSpecSchema.safeParse({ seed: 7, ...input });
    expect(result.success).toBe(false);
    expect(result.error?.issues.find((i) => i.path.join('.') === path)?.message).toBe(message);
  });

  it('accepts a proportional stratified draw without perStratum', () => {
    expect(
      sampleSpecSchema.safeParse({
        method: 'stratificeret',
        strataBy: 'team',
        allocation: 'proportional',
        size: 5,
        seed: 1,
      }).success,
    ).toBe(true);
  });
});

describe('eligibleUnits and strataOf', () => {
  it('orders by sagsnummer in plain character order, whatever the input order', () => {
    // Not a locale collator: the order decides which sag each random number hits, so it must not change
    // with new locale data in an upgrade.
    const mk = (id: number, sagsnummer: string): SamplingUnit => ({
      id,
      sagsnummer,
      sagstype: 'Underretning',
      sagsbehandler: 'Anne Holm',
      team: 'Team Nord',
      dates: {},
    });
    const units = [mk(1, '2025-10'), mk(2, '2025-9'), mk(3, '2024-100'), mk(4, '2025-9')];
    expect(eligibleUnits(units, spec({ method: 'simpel' })).map((u) => u.id)).toEqual([3, 1, 2, 4]);
    expect(eligibleUnits([...units].reverse(), spec({ method: 'simpel' })).map((u) => u.id)).toEqual([3, 1, 2, 4]);
  });

  it('groups by the strata field in Danish alphabetical order, with empty values as »(ikke angivet)«', () => {
    const units = population();
    units[0] = { ...units[0]!, sagsbehandler: '' };
    const groups = strataOf(units, { method: 'stratificeret', strataBy: 'sagsbehandler' });
    expect([...groups.keys()]).toEqual([
      '(ikke angivet)',
      'Anne Holm',
      'Bo Nielsen',
      'Mette Bæk',
      'Søren Ærø',
      'Åse Østergård',
    ]);
    expect(groups.get(NO_VALUE)?.map((u) => u.id)).toEqual([1]);
    expect([...strataOf(units, { method: 'simpel', strataBy: 'team' }).keys()]).toEqual(['Alle sager']);
  });
});

describe('reproducibility', () => {
  it('the same units, spec and seed give the same picks (a stored draw can be redone)', () => {
    const s = spec({ method: 'stratificeret', strataBy: 'sagsbehandler', perStratum: 2, spares: 1, seed: 20260301 });
    const first = drawSample(population(), s);
    expect(drawSample(population(), s)).toEqual(first);
    // Frozen: a change here means old draws can no longer be redone from their seed.
    const units = byId(population());
    expect(chosen(first).map((p) => `${p.stratum}: ${units.get(p.unitId)?.sagsnummer}`)).toEqual([
      'Anne Holm: 2025-004935',
      'Anne Holm: 2025-004963',
      'Bo Nielsen: 2025-004956',
      'Bo Nielsen: 2025-004914',
      'Mette Bæk: 2026-000102',
      'Mette Bæk: 2026-000101',
      'Søren Ærø: 2025-004823',
      'Søren Ærø: 2025-004949',
      'Åse Østergård: 2025-004746',
      'Åse Østergård: 2025-004900',
    ]);
  });

  it('shuffling the input order does not change the draw', () => {
    const units = population();
    const reversed = [...units].reverse();
    const rotated = [...units.slice(17), ...units.slice(0, 17)];
    for (const s of [
      spec({ method: 'simpel', size: 8 }),
      spec({ method: 'systematisk', size: 8 }),
      spec({ method: 'stratificeret', strataBy: 'team', perStratum: 4 }),
    ]) {
      const draw = drawSample(units, s);
      expect(drawSample(reversed, s)).toEqual(draw);
      expect(drawSample(rotated, s)).toEqual(draw);
    }
  });

  it('different seeds give different draws (49 of 50 seeds, at least)', () => {
    const units = population();
    const draws = new Set<string>();
    for (let seed = 1; seed <= 50; seed++) {
      draws.add(ids(chosen(drawSample(units, spec({ method: 'simpel', size: 5, seed })))).join(','));
    }
    expect(draws.size).toBeGreaterThanOrEqual(49);
  });

  it('property: any spec is reproducible and independent of the input order', () => {
    fc.assert(
      fc.property(
        unitsArb().chain((units) =>
          fc.tuple(
            fc.constant(units),
            fc.shuffledSubarray(units, { minLength: units.length, maxLength: units.length }),
          ),
        ),
        specArb,
        ([units, shuffled], s) => {
          const draw = drawSample(units, s);
          expect(drawSample(units, s)).toEqual(draw);
          expect(drawSample(shuffled, s)).toEqual(draw);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('invariants of every draw', () => {
  it('property: no unit twice, picks from their own stratum, sizes min(requested, stratum), spares in order', () => {
    fc.assert(
      fc.property(unitsArb(), specArb, (units, s) => {
        checkInvariants(units, s, drawSample(units, s));
      }),
      { numRuns: 200 },
    );
  });
});

describe('stratified draws', () => {
  it('takes perStratum from each stratum, or all of a smaller one, with a Danish warning', () => {
    const units = population();
    const s = spec({ method: 'stratificeret', strataBy: 'sagsbehandler', perStratum: 3, spares: 2 });
    const r = drawSample(units, s);
    checkInvariants(units, s, r);
    expect(r.strata.map((st) => [st.name, st.population, st.requested, st.drawn, st.spares])).toEqual([
      ['Anne Holm', 15, 3, 3, 2],
      ['Bo Nielsen', 15, 3, 3, 2],
      ['Mette Bæk', 2, 3, 2, 0],
      ['Søren Ærø', 14, 3, 3, 2],
      ['Åse Østergård', 14, 3, 3, 2],
    ]);
    expect(r.warnings).toEqual(['Gruppen »Mette Bæk« har kun 2 sager; der blev bedt om 3.']);
  });

  it('property: per stratum, every stratum gets min(perStratum, its size) and nothing is picked twice', () => {
    fc.assert(
      fc.property(
        unitsArb(),
        strataByArb,
        fc.integer({ min: 1, max: 10 }),
        fc.nat({ max: 4 }),
        seedArb,
        (units, by, per, nSpares, seed) => {
          const s = spec({ method: 'stratificeret', strataBy: by, perStratum: per, spares: nSpares, seed });
          const r = drawSample(units, s);
          checkInvariants(units, s, r);
          const groups = strataOf(units, s);
          expect(r.strata.map((st) => st.name)).toEqual([...groups.keys()]);
          for (const st of r.strata) {
            const size = groups.get(st.name)!.length;
            expect(st.requested).toBe(per);
            expect(chosen(r).filter((p) => p.stratum === st.name)).toHaveLength(Math.min(per, size));
            const warning = warningRe(`Gruppen »${st.name}« har kun `, size, `; der blev bedt om ${per}.`);
            expect(hasWarning(r, warning)).toBe(size < per);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('proportional: the total is shared by stratum size', () => {
    const units = population();
    const s = spec({ method: 'stratificeret', strataBy: 'sagsbehandler', allocation: 'proportional', size: 10 });
    const r = drawSample(units, s);
    checkInvariants(units, s, r);
    // exact shares 2.5, 2.5, 0.33, 2.33, 2.33: the two largest remainders get the last two sager
    expect(r.strata.map((st) => [st.name, st.population, st.drawn])).toEqual([
      ['Anne Holm', 15, 3],
      ['Bo Nielsen', 15, 3],
      ['Mette Bæk', 2, 0],
      ['Søren Ærø', 14, 2],
      ['Åse Østergård', 14, 2],
    ]);
    expect(r.warnings).toEqual([]);
  });

  it('proportional: asking for more sager than the population warns, as the other methods do', () => {
    const r = drawSample(
      population(),
      spec({ method: 'stratificeret', strataBy: 'team', allocation: 'proportional', size: 100 }),
    );
    expect(r.strata.reduce((a, st) => a + st.drawn, 0)).toBe(60);
    expect(r.warnings.join(' ')).toMatch(/kun 60 sager; der blev bedt om 100/);
  });

  it('a stratum with one sag is warned about in correct Danish (»1 sag«, not »1 sager«)', () => {
    const units = population().filter((u) => u.id !== 60); // Mette Bæk now has one sag
    const r = drawSample(units, spec({ method: 'stratificeret', strataBy: 'sagsbehandler', perStratum: 3 }));
    expect(r.warnings).toEqual(['Gruppen »Mette Bæk« har kun 1 sag; der blev bedt om 3.']);
  });
});

describe('proportionalAllocation', () => {
  it.each<[number[], number, number[]]>([
    [[50, 30, 20], 10, [5, 3, 2]],
    [[28, 32], 10, [5, 5]],
    [[1, 1, 1], 2, [1, 1, 0]],
    [[10, 0, 5], 6, [4, 0, 2]],
    [[3, 7], 100, [3, 7]],
    [[0, 0], 5, [0, 0]],
    [[], 5, []],
    [[1, 99], 10, [0, 10]],
  ])('%j sharing %i → %j', (sizes, total, expected) => {
    expect(proportionalAllocation(sizes, total)).toEqual(expected);
  });

  it('property: sums to min(total, population), never more than a stratum holds, within 1 of the exact share', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 80 }), { minLength: 1, maxLength: 10 }),
        fc.integer({ min: 1, max: 500 }),
        (sizes, total) => {
          const result = proportionalAllocation(sizes, total);
          const sum = sizes.reduce((a, b) => a + b, 0);
          expect(result).toHaveLength(sizes.length);
          expect(result.reduce((a, b) => a + b, 0)).toBe(Math.min(total, sum));
          result.forEach((r, i) => {
            const size = sizes[i]!;
            const exact = sum === 0 ? 0 : (size / sum) * Math.min(total, sum);
            expect(Number.isInteger(r)).toBe(true);
            expect(r).toBeGreaterThanOrEqual(0);
            expect(r).toBeLessThanOrEqual(size);
            expect(Math.abs(r - exact)).toBeLessThan(1);
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('systematic draws', () => {
  it('picks every k-th sag in sagsnummer order from a random start', () => {
    const units = population();
    const s = spec({ method: 'systematisk', size: 6, spares: 3 });
    const r = drawSample(units, s);
    checkInvariants(units, s, r);
    const order = eligibleUnits(units, s).map((u) => u.id);
    const positions = ids(chosen(r)).map((id) => order.indexOf(id));
    expect(positions).toHaveLength(6);
    expect(positions[0]).toBeLessThan(10);
    expect(positions.slice(1).map((p, k) => p - positions[k]!)).toEqual([10, 10, 10, 10, 10]);
    expect(spares(r)).toHaveLength(3);
  });

  it('property: exactly min(n, N) distinct sager, spaced by the interval N/n (rounded down or up)', () => {
    fc.assert(
      fc.property(
        unitsArb(),
        fc.integer({ min: 1, max: 70 }),
        fc.nat({ max: 3 }),
        seedArb,
        (units, n, nSpares, seed) => {
          const s = spec({ method: 'systematisk', size: n, spares: nSpares, seed });
          const r = drawSample(units, s);
          checkInvariants(units, s, r);
          const order = eligibleUnits(units, s).map((u) => u.id);
          const N = order.length;
          const positions = ids(chosen(r)).map((id) => order.indexOf(id));
          expect(positions).toHaveLength(Math.min(n, N));
          if (N === 0) return;
          const step = N / Math.min(n, N);
          expect(positions[0]).toBeLessThan(Math.ceil(step));
          positions.slice(1).forEach((p, k) => {
            expect([Math.floor(step), Math.ceil(step)]).toContain(p - positions[k]!);
          });
          // the spares are the sager not selected
          for (const id of ids(spares(r))) expect(positions).not.toContain(order.indexOf(id));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('with an interval that is not a whole number every sag has the same chance (n/N)', () => {
    // N = 10, n = 4: an interval of 2.5. A whole-number start in 0..2 would favour places 2 and 7 (2/3
    // against 1/3); positions floor((r + k·N) / n) with r in 0..N-1 give every sag the chance 0.4.
    const units = population().slice(0, 10);
    const counts = new Map<number, number>();
    const runs = 1500;
    for (let seed = 1; seed <= runs; seed++) {
      for (const p of chosen(drawSample(units, spec({ method: 'systematisk', size: 4, spares: 0, seed })))) {
        counts.set(p.unitId, (counts.get(p.unitId) ?? 0) + 1);
      }
    }
    const shares = units.map((u) => (counts.get(u.id) ?? 0) / runs);
    for (const share of shares) expect(share).toBeCloseTo(0.4, 1);
  });
});

describe('spares', () => {
  it('come from the same stratum, after the selected ones, and are never selected too', () => {
    const units = population();
    const s = spec({ method: 'stratificeret', strataBy: 'team', perStratum: 3, spares: 4 });
    const r = drawSample(units, s);
    checkInvariants(units, s, r);
    const u = byId(units);
    const selectedIds = new Set(ids(chosen(r)));
    for (const p of spares(r)) {
      expect(selectedIds.has(p.unitId)).toBe(false);
      expect(u.get(p.unitId)?.team).toBe(p.stratum);
    }
    expect(spares(r).map((p) => `${p.stratum} ${p.order}`)).toEqual([
      'Team Nord 1',
      'Team Nord 2',
      'Team Nord 3',
      'Team Nord 4',
      'Team Syd 1',
      'Team Syd 2',
      'Team Syd 3',
      'Team Syd 4',
    ]);
  });

  it('for an unstratified draw, spares are counted in all', () => {
    const r = drawSample(population(), spec({ method: 'simpel', size: 5, spares: 3 }));
    expect(chosen(r)).toHaveLength(5);
    expect(spares(r)).toHaveLength(3);
    expect(new Set(ids(r.picks)).size).toBe(8);
  });
});

describe('filters', () => {
  it('keeps only the chosen sagstyper and teams', () => {
    const units = population();
    const s = spec({
      method: 'simpel',
      size: 100,
      spares: 0,
      filters: { sagstyper: ['Anbringelse § 46'], teams: ['Team Syd'] },
    });
    const r = drawSample(units, s);
    const expected = units.filter((u) => u.sagstype === 'Anbringelse § 46' && u.team === 'Team Syd');
    expect(r.populationAfterFilters).toBe(expected.length);
    expect(new Set(ids(r.picks))).toEqual(new Set(expected.map((u) => u.id)));
    expect(r.warnings).toEqual([`Sagslisten har kun ${expected.length} sager; der blev bedt om 100.`]);
  });

  it('keeps a date range, both ends included, and leaves out sager without the date', () => {
    const units = population();
    const s = spec({
      method: 'simpel',
      size: 100,
      spares: 0,
      filters: { dateKey: 'modtaget', dateFrom: '2025-03-01', dateTo: '2025-06-30' },
    });
    const picked = ids(drawSample(units, s).picks).map((id) => byId(units).get(id)!.dates.modtaget!);
    const expected = units.filter(
      (u) => u.dates.modtaget && u.dates.modtaget >= '2025-03-01' && u.dates.modtaget <= '2025-06-30',
    );
    expect(picked.sort()).toEqual(expected.map((u) => u.dates.modtaget).sort());
    // the bounds themselves: 2025-03-05 is day 63 (i = 9); a range of that single day keeps it
    const oneDay = spec({
      method: 'simpel',
      size: 5,
      filters: { dateKey: 'modtaget', dateFrom: '2025-03-05', dateTo: '2025-03-05' },
    });
    expect(ids(drawSample(units, oneDay).picks)).toEqual([10]);
    // open-ended: from 2026-01-01 on, only Mette Bæk's dated sag and the late ones
    const from = spec({
      method: 'simpel',
      size: 100,
      spares: 0,
      filters: { dateKey: 'modtaget', dateFrom: '2026-01-01' },
    });
    expect(drawSample(units, from).populationAfterFilters).toBe(
      units.filter((u) => (u.dates.modtaget ?? '') >= '2026-01-01').length,
    );
  });

  it('warns when no sag passes the filters', () => {
    const r = drawSample(population(), spec({ method: 'simpel', filters: { teams: ['Team Øst'] } }));
    expect(r.picks).toEqual([]);
    expect(r.populationAfterFilters).toBe(0);
    expect(r.warnings).toContain('Ingen sager opfylder filtrene.');
  });

  it('property: every pick passes the filters, and the population after filters counts exactly those that do', () => {
    fc.assert(
      fc.property(
        unitsArb(),
        specArb,
        fc.subarray(SAGSTYPER),
        fc.subarray(TEAMS),
        fc.option(fc.tuple(fc.integer({ min: 0, max: 540 }), fc.integer({ min: 0, max: 200 }))),
        (units, base, sagstyper, teams, range) => {
          const dateFrom = range ? isoDay(range[0]) : undefined;
          const dateTo = range ? isoDay(range[0] + range[1]) : undefined;
          const s: SampleSpec = { ...base, filters: { sagstyper, teams, dateKey: 'modtaget', dateFrom, dateTo } };
          const passes = (u: SamplingUnit) =>
            (sagstyper.length === 0 || sagstyper.includes(u.sagstype)) &&
            (teams.length === 0 || teams.includes(u.team)) &&
            (!range ||
              (u.dates.modtaget !== undefined && u.dates.modtaget >= dateFrom! && u.dates.modtaget <= dateTo!));
          const r = drawSample(units, s);
          checkInvariants(units, s, r);
          expect(r.populationAfterFilters).toBe(units.filter(passes).length);
          const u = byId(units);
          for (const p of r.picks) expect(passes(u.get(p.unitId)!)).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('coverage: avoidRecentlyReviewed', () => {
  it('never picks a sag reviewed in the last 12 months, and says how many were left out', () => {
    const units = population();
    const reviewed = units.filter((u) => u.id % 3 === 0).map((u) => u.sagsnummer);
    const history: ReviewHistory = { ...emptyHistory(), sagsnumre: new Set(reviewed) };
    const s = spec({ method: 'simpel', size: 100, spares: 0, avoidRecentlyReviewed: true });
    const r = drawSample(units, s, history);
    expect(r.populationAfterFilters).toBe(40);
    expect(ids(r.picks).some((id) => id % 3 === 0)).toBe(false);
    expect(r.warnings).toContain(
      '20 sager er gennemgået inden for de seneste 12 måneder og er ikke med i udtrækningen.',
    );
  });

  it('does nothing when switched off, or without history', () => {
    const units = population();
    const history: ReviewHistory = { ...emptyHistory(), sagsnumre: new Set(units.map((u) => u.sagsnummer)) };
    expect(drawSample(units, spec({ method: 'simpel' }), history).populationAfterFilters).toBe(60);
    const r = drawSample(units, spec({ method: 'simpel', avoidRecentlyReviewed: true }));
    expect(r.populationAfterFilters).toBe(60);
    expect(r.warnings).toEqual([]);
  });

  it('property: no recently reviewed sagsnummer is ever picked, as selected or as spare', () => {
    fc.assert(
      fc.property(
        unitsArb().chain((units) => fc.tuple(fc.constant(units), fc.subarray(units.map((u) => u.sagsnummer)))),
        specArb,
        ([units, reviewed], base) => {
          const s: SampleSpec = { ...base, avoidRecentlyReviewed: true };
          const history: ReviewHistory = { ...emptyHistory(), sagsnumre: new Set(reviewed) };
          const r = drawSample(units, s, history);
          checkInvariants(units, s, r, history);
          const u = byId(units);
          for (const p of r.picks) expect(history.sagsnumre.has(u.get(p.unitId)!.sagsnummer)).toBe(false);
          const skipped = reviewed.length;
          const warning = warningRe(
            '',
            skipped,
            ' er gennemgået inden for de seneste 12 måneder og er ikke med i udtrækningen.',
          );
          expect(hasWarning(r, warning)).toBe(skipped > 0);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('coverage: preferUnreviewed', () => {
  const allTypes = new Set(SAGSTYPER);

  it('puts the sager of caseworkers not reviewed lately first', () => {
    const units = population();
    const history: ReviewHistory = {
      sagsnumre: new Set(),
      sagsbehandlere: new Set(['Anne Holm', 'Bo Nielsen', 'Søren Ærø']),
      sagstyper: allTypes,
    };
    const r = drawSample(units, spec({ method: 'simpel', size: 16, spares: 3, preferUnreviewed: true }), history);
    const u = byId(units);
    const names = ids(chosen(r)).map((id) => u.get(id)!.sagsbehandler);
    // Åse Østergård's 14 and Mette Bæk's 2 are exactly the 16 unreviewed sager
    expect(names.filter((n) => n === 'Åse Østergård')).toHaveLength(14);
    expect(names.filter((n) => n === 'Mette Bæk')).toHaveLength(2);
    for (const p of spares(r)) expect(history.sagsbehandlere.has(u.get(p.unitId)!.sagsbehandler)).toBe(true);
  });

  it('without the option, the same history changes nothing', () => {
    const units = population();
    const history: ReviewHistory = {
      sagsnumre: new Set(),
      sagsbehandlere: new Set(['Anne Holm']),
      sagstyper: allTypes,
    };
    const s = spec({ method: 'simpel', size: 8 });
    expect(drawSample(units, s, history)).toEqual(drawSample(units, s));
  });

  it('property: a reviewed caseworker is picked only when every unreviewed one in the stratum is picked', () => {
    fc.assert(
      fc.property(
        unitsArb(),
        fc.subarray([...SAGSBEHANDLERE, '']),
        fc.constantFrom('simpel', 'team'),
        fc.integer({ min: 1, max: 30 }),
        fc.nat({ max: 4 }),
        seedArb,
        (units, reviewedNames, kind, n, nSpares, seed) => {
          const s =
            kind === 'simpel'
              ? spec({ method: 'simpel', size: n, spares: nSpares, seed, preferUnreviewed: true })
              : spec({
                  method: 'stratificeret',
                  strataBy: 'team',
                  perStratum: n,
                  spares: nSpares,
                  seed,
                  preferUnreviewed: true,
                });
          const history: ReviewHistory = {
            sagsnumre: new Set(),
            sagsbehandlere: new Set(reviewedNames),
            sagstyper: allTypes,
          };
          const r = drawSample(units, s, history);
          checkInvariants(units, s, r, history);
          const u = byId(units);
          const fresh = (id: number) => !history.sagsbehandlere.has(u.get(id)!.sagsbehandler);
          for (const st of r.strata) {
            const sel = chosen(r).filter((p) => p.stratum === st.name);
            const spr = spares(r).filter((p) => p.stratum === st.name);
            const freshInStratum = units.filter((x) => fresh(x.id) && stratumOf(x, s) === st.name).length;
            if (sel.some((p) => !fresh(p.unitId)))
              expect(sel.filter((p) => fresh(p.unitId))).toHaveLength(freshInStratum);
            // spares in order: the unreviewed first
            const flags = spr.map((p) => fresh(p.unitId));
            expect(flags).toEqual([...flags].sort((a, b) => Number(b) - Number(a)));
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('newSeed', () => {
  it('lies in 1 … MAX_SEED', () => {
    expect(newSeed(() => 0)).toBe(1);
    expect(newSeed(() => 0.999_999_999_999)).toBe(MAX_SEED);
    expect(sampleSpecSchema.safeParse({ method: 'simpel', size: 1, seed: newSeed() }).success).toBe(true);
  });
});
