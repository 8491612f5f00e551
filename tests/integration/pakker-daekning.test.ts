import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COVERAGE_MEMBER } from '../../shared/domain/coverage-figures';
import { openTestApi, type TestApi } from '../support/api';
import { bytesOf, indlaes, lockedRound, rewrittenMember } from '../support/bundles';
import { pdfText } from '../support/pdf-text';
import { FINISH_AS_OTHER, jobCentreRound, lockTilsyn, round } from '../support/scenario';

// Coverage across files (issue #15): the leader's file counts her enhed's coverage per quarter and year, as her
// årshjul does; the resultatpakke carries the counts per enhed and period, never names; the department shows them
// per enhed, adds them up for the area, puts them in its report to the committee, and sends them on.

let leader: TestApi;
let department: TestApi;
let municipality: TestApi;
beforeEach(() => {
  leader = openTestApi({ prefix: 'tilsyn-daekning-leder-' });
  department = openTestApi({ prefix: 'tilsyn-daekning-afdeling-' });
  municipality = openTestApi({ prefix: 'tilsyn-daekning-kommune-' });
});
afterEach(() => {
  leader.close();
  department.close();
  municipality.close();
});

/** The leader's own årshjul coverage of the enhed in 2026 (one part: the year). */
async function leadersCount(enhedId: number) {
  const c = await leader.api.call('aarshjul.daekning', { enhedId, aar: 2026, kvote: { antal: 1, per: 'aar' } });
  return { sagsbehandlere: c.caseworkers.length, daekket: c.caseworkers.filter((r) => r.total > 0).length };
}

const afdelingOf = async (api: TestApi['api']) =>
  (await api.call('enheder.list', {})).find((u) => u.navn === 'Jobcenter Vest')?.id ?? 0;

/** A second round of the team, in the second quarter: Omar Said again, and Ida Holm, not reviewed before. */
async function secondQuarter(enhedId: number) {
  const made = await round(leader.api, {
    ...jobCentreRound('Anden runde', '2026-04-01', '2026-06-30', ['ja', 'ja']),
    caseworkers: ['Omar Said', 'Ida Holm'],
    sagsnummer: (i) => `K2-${i}`,
    tilsyn: { titel: 'Anden runde', periodeFra: '2026-04-01', periodeTil: '2026-06-30', enhedId, skabelonVersionId: 3 },
    finish: FINISH_AS_OTHER,
  });
  await lockTilsyn(leader.api, made.tilsynId, { dato: '2026-07-01' });
}

describe('coverage in a resultatpakke', () => {
  it('reaches the department as the leader counted it, per quarter and for the year, and added up', async () => {
    const made = await lockedRound(leader.api);
    const counted = await leadersCount(made.enhedId);
    expect(counted.daekket).toBeGreaterThan(0);
    const pakke = await leader.api.call('pakke.resultater', { tilsynId: made.tilsynId });
    const result = await indlaes(department.api, pakke);
    expect(result.daekning).toEqual({ enheder: 1, perioder: 2 });

    const view = await department.api.call('enheder.sammenlign', {
      enhedId: await afdelingOf(department.api),
      aar: 2026,
    });
    expect(view.coverage.rows.map((r) => r.enhed)).toEqual(['Team Nord']);
    const [row] = view.coverage.rows;
    expect(row?.fraPakke).toBe(true);
    const [q1, q2, q3, q4, year] = row?.cells ?? [];
    for (const cell of [q1, year])
      expect(cell).toMatchObject({ sagsbehandlere: counted.sagsbehandlere, sagsbehandlereDaekket: counted.daekket });
    expect([q2, q3, q4]).toEqual([null, null, null]);
    expect(view.coverage.area[4]).toMatchObject({ sagsbehandlereDaekket: counted.daekket });

    // The department's report to the committee counts it, and says where it was counted.
    const file = await department.api.call('rapport.periode', {
      enhedId: await afdelingOf(department.api),
      fra: '2026-01-01',
      til: '2026-12-31',
    });
    const said = (await pdfText(bytesOf(file))).join(' ').replace(/\s+/g, ' ');
    // Two caseworkers are fewer than the smallest group: the public report does not print a count of them.
    expect(said).toContain('vises ikke: der er færre end 3 på sagslisterne');
    expect(said).not.toContain(`${counted.daekket} af ${counted.sagsbehandlere} sagsbehandlere`);
    expect(said).toContain('For én enhed er dækningen talt i lederens egen fil');
    expect(said).not.toContain('Dækningen kan ikke opgøres');
  });

  it('carries counts only: no caseworker or sagstype travels', async () => {
    const made = await lockedRound(leader.api);
    const pakke = await leader.api.call('pakke.resultater', { tilsynId: made.tilsynId });
    const member = strFromU8(unzipSync(bytesOf(pakke))[COVERAGE_MEMBER] ?? new Uint8Array());
    expect(JSON.parse(member)).toHaveLength(2);
    expect(member).not.toMatch(/Omar|Karin|Said|Lund/);
  });

  it('is counted per enhed, not per round: a caseworker in two rounds of the year is one', async () => {
    const made = await lockedRound(leader.api);
    await secondQuarter(made.enhedId);
    const counted = await leadersCount(made.enhedId);
    const pakke = await leader.api.call('pakke.resultater', {
      enhedId: await afdelingOf(leader.api),
      fra: '2026-01-01',
      til: '2026-12-31',
    });
    await indlaes(department.api, pakke);
    const view = await department.api.call('enheder.sammenlign', {
      enhedId: await afdelingOf(department.api),
      aar: 2026,
    });
    const year = view.coverage.rows[0]?.cells[4];
    expect(year).toMatchObject({ sagsbehandlere: counted.sagsbehandlere, sagsbehandlereDaekket: counted.daekket });
    // Omar Said is in both quarters and Ida Holm only in the second: the year has one more than the first quarter,
    // not the quarters' sum.
    const q1 = view.coverage.rows[0]?.cells[0];
    const q2 = view.coverage.rows[0]?.cells[1];
    expect(year?.sagsbehandlereDaekket).toBe((q1?.sagsbehandlereDaekket ?? 0) + 1);
    expect(year?.sagsbehandlereDaekket).toBeLessThan(
      (q1?.sagsbehandlereDaekket ?? 0) + (q2?.sagsbehandlereDaekket ?? 0),
    );
  });

  it('read twice changes nothing; a newer count replaces the year, an older one arriving late does not', async () => {
    const made = await lockedRound(leader.api);
    const first = await leader.api.call('pakke.resultater', { tilsynId: made.tilsynId });
    await indlaes(department.api, first);
    const again = await indlaes(department.api, first);
    expect(again.daekning).toEqual({ enheder: 0, perioder: 0 });

    await secondQuarter(made.enhedId);
    const counted = await leadersCount(made.enhedId);
    const newer = await leader.api.call('pakke.resultater', {
      enhedId: await afdelingOf(leader.api),
      fra: '2026-04-01',
      til: '2026-06-30',
    });
    expect((await indlaes(department.api, newer)).daekning).toEqual({ enheder: 1, perioder: 2 });
    const yearOf = async () =>
      (await department.api.call('enheder.sammenlign', { enhedId: await afdelingOf(department.api), aar: 2026 }))
        .coverage.rows[0]?.cells[4];
    expect(await yearOf()).toMatchObject({ sagsbehandlereDaekket: counted.daekket });

    // The first pakke again, after the newer one: its older year count is left, the year stays the newer count.
    await indlaes(department.api, first);
    expect(await yearOf()).toMatchObject({ sagsbehandlereDaekket: counted.daekket });
  });

  it('is sent on by the department with the leader’s count, and is one figure where both arrive', async () => {
    const made = await lockedRound(leader.api);
    const counted = await leadersCount(made.enhedId);
    const pakke = await leader.api.call('pakke.resultater', { tilsynId: made.tilsynId });
    await indlaes(department.api, pakke);
    const onward = await department.api.call('pakke.resultater', {
      enhedId: await afdelingOf(department.api),
      fra: '2026-01-01',
      til: '2026-12-31',
    });
    await indlaes(municipality.api, onward);
    const direct = await indlaes(municipality.api, pakke);
    expect(direct.daekning).toEqual({ enheder: 0, perioder: 0 });
    const view = await municipality.api.call('enheder.sammenlign', {
      enhedId: await afdelingOf(municipality.api),
      aar: 2026,
    });
    expect(view.coverage.rows).toHaveLength(1);
    expect(view.coverage.area[4]).toMatchObject({
      sagsbehandlere: counted.sagsbehandlere,
      sagsbehandlereDaekket: counted.daekket,
    });
  });

  it('goes with its enhed when the department merges it into the enhed it already had', async () => {
    const made = await lockedRound(leader.api);
    const counted = await leadersCount(made.enhedId);
    const afdeling = await department.api.call('enheder.opret', { navn: 'Jobcenter Vest', niveau: 'afdeling' });
    const own = await department.api.call('enheder.opret', {
      navn: 'Nord-teamet',
      niveau: 'team',
      foraelderId: afdeling.id,
    });
    await indlaes(department.api, await leader.api.call('pakke.resultater', { tilsynId: made.tilsynId }));
    const placed = (await department.api.call('enheder.list', {})).find((u) => u.navn === 'Team Nord');
    await department.api.call('enheder.flet', { fraId: placed?.id ?? 0, tilId: own.id });
    const view = await department.api.call('enheder.sammenlign', { enhedId: afdeling.id, aar: 2026 });
    expect(view.coverage.rows.map((r) => [r.enhed, r.cells[4]?.sagsbehandlereDaekket])).toEqual([
      ['Nord-teamet', counted.daekket],
    ]);
  });

  it('refuses counts that do not add up or come twice, and reads nothing of such a pakke', async () => {
    const made = await lockedRound(leader.api);
    const pakke = await leader.api.call('pakke.resultater', { tilsynId: made.tilsynId });
    // biome-ignore lint/suspicious/noExplicitAny: the member as someone might edit it by hand
    type Figures = any[];
    const more = rewrittenMember(pakke, COVERAGE_MEMBER, (f: Figures) => {
      f[0].sagsbehandlereDaekket = f[0].sagsbehandlere + 1;
    });
    await expect(indlaes(department.api, more)).rejects.toThrow(/kan ikke indlæses/);
    const twice = rewrittenMember(pakke, COVERAGE_MEMBER, (f: Figures) => [...f, f[0]]);
    await expect(indlaes(department.api, twice)).rejects.toThrow(/dækningen for Team Nord .* står der to gange/);
    await expect(indlaes(department.api, more)).rejects.toThrow(
      /flere sagsbehandlere med gennemgåede sager, end der er/,
    );
    const otherQuarter = rewrittenMember(pakke, COVERAGE_MEMBER, (f: Figures) => {
      Object.assign(f[0], { fra: '2026-07-01', til: '2026-09-30' });
    });
    await expect(indlaes(department.api, otherQuarter)).rejects.toThrow(/ikke er et kvartal eller et år med en af/);
    // A count »made« after its pakke would outrank every real count that comes later.
    const future = rewrittenMember(pakke, COVERAGE_MEMBER, (f: Figures) => {
      f[0].beregnet = '9999-12-31T23:59:59.999Z';
    });
    await expect(indlaes(department.api, future)).rejects.toThrow(/talt efter, at pakken blev lavet/);
    const named = rewrittenMember(pakke, COVERAGE_MEMBER, (f: Figures) => {
      f[0].navne = ['Omar Said'];
    });
    await expect(indlaes(department.api, named)).rejects.toThrow(/kan ikke indlæses/);
    const elsewhere = rewrittenMember(pakke, COVERAGE_MEMBER, (f: Figures) => {
      f[0].enhed[1].navn = 'Team Syd';
    });
    await expect(indlaes(department.api, elsewhere)).rejects.toThrow(/dækning for en enhed, den ikke har runder fra/);
    expect(await department.api.call('tilsyn.list', {})).toEqual([]);
    // A pakke made before coverage travelled is read as before.
    const old = rewrittenMember(pakke, COVERAGE_MEMBER, () => []);
    expect((await indlaes(department.api, old)).runder.ny).toBe(1);
  });

  it('adds up two files’ counts of one enhed: two leaders, each counting her own sager', async () => {
    const made = await lockedRound(leader.api);
    const other = openTestApi({ prefix: 'tilsyn-daekning-leder2-' });
    try {
      const second = await lockedRound(other.api, ['ja', 'ja'], 'Team Nord');
      await indlaes(department.api, await leader.api.call('pakke.resultater', { tilsynId: made.tilsynId }));
      await indlaes(department.api, await other.api.call('pakke.resultater', { tilsynId: second.tilsynId }));
      const view = await department.api.call('enheder.sammenlign', {
        enhedId: await afdelingOf(department.api),
        aar: 2026,
      });
      const a = await leadersCount(made.enhedId);
      const b = await other.api.call('aarshjul.daekning', {
        enhedId: second.enhedId,
        aar: 2026,
        kvote: { antal: 1, per: 'aar' },
      });
      expect(view.coverage.rows[0]?.cells[4]?.sagsbehandlere).toBe(a.sagsbehandlere + b.caseworkers.length);
    } finally {
      other.close();
    }
  });

  it('adds the department’s own sager of an enhed to the leader’s count, and sends both on', async () => {
    const made = await lockedRound(leader.api);
    const counted = await leadersCount(made.enhedId);
    await indlaes(department.api, await leader.api.call('pakke.resultater', { tilsynId: made.tilsynId }));
    const team = (await department.api.call('enheder.list', {})).find((u) => u.navn === 'Team Nord');
    // The department's own central round of the team, with a caseworker of its own.
    const own = await round(department.api, {
      ...jobCentreRound('Central runde', '2026-02-01', '2026-03-31', ['ja']),
      caseworkers: ['Erik Eg'],
      sagsnummer: (i) => `C-${i}`,
      tilsyn: {
        titel: 'Central',
        periodeFra: '2026-02-01',
        periodeTil: '2026-03-31',
        enhedId: team?.id ?? 0,
        skabelonVersionId: 3,
      },
      finish: FINISH_AS_OTHER,
    });
    await lockTilsyn(department.api, own.tilsynId, { dato: '2026-04-01' });
    const afdeling = await afdelingOf(department.api);
    const view = await department.api.call('enheder.sammenlign', { enhedId: afdeling, aar: 2026 });
    expect(view.coverage.rows[0]?.cells[0]?.sagsbehandlereDaekket).toBe(counted.daekket + 1);
    await indlaes(
      municipality.api,
      await department.api.call('pakke.resultater', { enhedId: afdeling, fra: '2026-01-01', til: '2026-12-31' }),
    );
    const there = await municipality.api.call('enheder.sammenlign', {
      enhedId: await afdelingOf(municipality.api),
      aar: 2026,
    });
    expect(there.coverage.rows[0]?.cells[0]?.sagsbehandlereDaekket).toBe(counted.daekket + 1);
  });

  it('counts only afsluttede rounds in the pakke, as the pakke carries only those', async () => {
    const made = await lockedRound(leader.api);
    const counted = await leadersCount(made.enhedId);
    // An open round of the same quarter with a færdig sag of a new caseworker: the årshjul counts it, the pakke not.
    await round(leader.api, {
      ...jobCentreRound('Åben runde', '2026-02-01', '2026-03-31', ['ja']),
      caseworkers: ['Carl Cort'],
      sagsnummer: (i) => `O-${i}`,
      tilsyn: {
        titel: 'Åben',
        periodeFra: '2026-02-01',
        periodeTil: '2026-03-31',
        enhedId: made.enhedId,
        skabelonVersionId: 3,
      },
      finish: FINISH_AS_OTHER,
    });
    expect((await leadersCount(made.enhedId)).daekket).toBe(counted.daekket + 1);
    await indlaes(department.api, await leader.api.call('pakke.resultater', { tilsynId: made.tilsynId }));
    const view = await department.api.call('enheder.sammenlign', {
      enhedId: await afdelingOf(department.api),
      aar: 2026,
    });
    expect(view.coverage.rows[0]?.cells[0]?.sagsbehandlereDaekket).toBe(counted.daekket);
  });

  it('follows the leader’s team when she renames it and sends it again', async () => {
    const made = await lockedRound(leader.api);
    await indlaes(department.api, await leader.api.call('pakke.resultater', { tilsynId: made.tilsynId }));
    const afdeling = (await leader.api.call('enheder.list', {})).find((u) => u.navn === 'Jobcenter Vest');
    await leader.api.call('enheder.ret', {
      id: made.enhedId,
      navn: 'Team Nordvest',
      niveau: 'team',
      foraelderId: afdeling?.id ?? null,
    });
    await indlaes(department.api, await leader.api.call('pakke.resultater', { tilsynId: made.tilsynId }));
    const view = await department.api.call('enheder.sammenlign', {
      enhedId: await afdelingOf(department.api),
      aar: 2026,
    });
    expect(view.coverage.rows.map((r) => r.enhed)).toEqual(['Team Nordvest']);
  });

  it('counts a caseworker on two teams’ lists in one file once for the area', async () => {
    const nord = await lockedRound(leader.api);
    const syd = await lockedRound(leader.api, ['ja', 'ja'], 'Team Syd');
    const afdeling = await afdelingOf(leader.api);
    const whole = await leader.api.call('aarshjul.daekning', {
      enhedId: afdeling,
      aar: 2026,
      kvote: { antal: 1, per: 'aar' },
    });
    const view = await leader.api.call('enheder.sammenlign', { enhedId: afdeling, aar: 2026 });
    expect(view.coverage.rows).toHaveLength(2);
    expect(view.coverage.area[4]?.sagsbehandlere).toBe(whole.caseworkers.length);
    expect(nord.enhedId).not.toBe(syd.enhedId);
  });

  it('says in the department’s report that the enheder’s counts are added up', async () => {
    await lockedRound(leader.api);
    await lockedRound(leader.api, ['ja', 'ja'], 'Team Syd');
    const afdeling = await afdelingOf(leader.api);
    await indlaes(
      department.api,
      await leader.api.call('pakke.resultater', { enhedId: afdeling, fra: '2026-01-01', til: '2026-12-31' }),
    );
    const file = await department.api.call('rapport.periode', {
      enhedId: await afdelingOf(department.api),
      fra: '2026-01-01',
      til: '2026-12-31',
    });
    const said = (await pdfText(bytesOf(file))).join(' ').replace(/\s+/g, ' ');
    expect(said).toContain('For 2 enheder er dækningen talt i lederens egen fil');
    expect(said).toContain('en sagsbehandler på sagslisterne i flere enheder tæller med i hver af dem');
  });
});
