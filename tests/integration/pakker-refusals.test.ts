import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importInWords, resultsProblem } from '../../shared/domain/bundle-results';
import { openTestApi, type TestApi } from '../support/api';
import { indlaes, lockedRound, numbers, rewritten } from '../support/bundles';
import { lockTilsyn } from '../support/scenario';

// A resultatpakke is kept as it came, so what it says must be what Tilsyn itself would have made (issue #15): no
// older pakke takes a round back, no other file takes a round over, the numbers add up, the krav are the template's,
// and no CPR-like number is stored from any of its fields. Each refusal names the round it is about.

let leader: TestApi;
let department: TestApi;
beforeEach(() => {
  leader = openTestApi({ prefix: 'tilsyn-pakke-leder-' });
  department = openTestApi({ prefix: 'tilsyn-pakke-afdeling-' });
});
afterEach(() => {
  leader.close();
  department.close();
});

const ROUND = 'i runden Jobcenter Vest › Team Nord 01.01.2026–31.03.2026';

async function pakke() {
  const made = await lockedRound(leader.api);
  return { made, file: await leader.api.call('pakke.resultater', { tilsynId: made.tilsynId }) };
}

describe('a resultatpakke of the same round', () => {
  it('older than the one the file has does not take the round back, and says so', async () => {
    const { made, file: first } = await pakke();
    await leader.api.call('tilsyn.genaabn', { tilsynId: made.tilsynId, navn: 'Lene', begrundelse: 'Rettes' });
    await leader.api.call('gennemgang.svar', { sagId: made.sager[1]?.id ?? 0, key: 'plan.aktuel', value: 'ja' });
    await lockTilsyn(leader.api, made.tilsynId, { dato: '2026-04-03' });
    const second = await leader.api.call('pakke.resultater', { tilsynId: made.tilsynId });
    await indlaes(department.api, second);
    const older = await indlaes(department.api, first);
    expect(older.runder).toEqual({ ny: 0, opdateret: 0, uaendret: 0, aeldre: 1, andenFil: 0 });
    expect(importInWords(older)).toBe('Én runde er her fra en nyere pakke, som er beholdt.');
    const [kept] = await department.api.call('tilsyn.list', {});
    const there = await department.api.call('resultater.get', { tilsynId: kept?.id ?? 0 });
    const here = await leader.api.call('resultater.get', { tilsynId: made.tilsynId });
    expect(numbers(there.results)).toEqual(numbers(here.results));
  });

  it('sent on by the department keeps its id: where both arrive it is one round', async () => {
    const municipality = openTestApi({ prefix: 'tilsyn-pakke-kommune-' });
    try {
      const { file } = await pakke();
      await indlaes(department.api, file);
      const afdeling = (await department.api.call('enheder.list', {})).find((u) => u.navn === 'Jobcenter Vest');
      const onward = await department.api.call('pakke.resultater', {
        enhedId: afdeling?.id ?? 0,
        fra: '2026-01-01',
        til: '2026-12-31',
      });
      expect((await indlaes(municipality.api, onward)).runder.ny).toBe(1);
      // The leader sends the same round straight to the municipality too: it is there already, from the department.
      const direct = await indlaes(municipality.api, file);
      expect(direct.runder).toMatchObject({ ny: 0, andenFil: 1 });
      expect(importInWords(direct)).toBe('Én runde kom hertil før fra en anden fil og opdateres kun derfra.');
      expect(await municipality.api.call('tilsyn.list', {})).toHaveLength(1);
      // And back to the leader's own file it changes nothing there.
      expect((await indlaes(leader.api, onward)).runder).toMatchObject({ ny: 0, uaendret: 1 });
      expect(await leader.api.call('tilsyn.list', {})).toHaveLength(1);
    } finally {
      municipality.close();
    }
  });

  it("claiming to be another file's round is refused", async () => {
    const { file } = await pakke();
    const other = rewritten(file, (rounds) => {
      rounds[0].uid = `9a1d4c8e-2b7f-4e61-8c3a-5f0e7d2b1a90:${rounds[0].uid.split(':')[1]}`;
    });
    await expect(indlaes(department.api, other)).rejects.toThrow(
      '»haandlavet.tilsyn« kan ikke indlæses: runden Jobcenter Vest › Team Nord 01.01.2026–31.03.2026 er ikke lavet i den fil, pakken siger, den kommer fra. Pakken er ændret eller beskadiget.',
    );
    expect(await department.api.call('tilsyn.list', {})).toHaveLength(0);
  });
});

describe('a resultatpakke whose numbers do not add up', () => {
  const changes: [string, (r: ReturnType<typeof JSON.parse>) => void, string][] = [
    ['met above applicable', (r) => Object.assign(r.resultater.measures[0], { met: 9 }), 'tallene for krav 2.1'],
    ['a share not its counts', (r) => Object.assign(r.resultater.measures[0], { share: 0.5 }), 'tallene for krav 2.1'],
    ['counts and met apart', (r) => Object.assign(r.resultater.measures[0].counts, { opfyldt: 1 }), 'krav 2.1'],
    ['more færdige than sager', (r) => Object.assign(r.resultater, { faerdige: 9 }), 'flere færdige sager'],
    ['one krav twice', (r) => r.resultater.measures.push(r.resultater.measures[0]), 'det samme krav to gange'],
    ['an afsnit not its krav', (r) => Object.assign(r.resultater.sections[0], { met: 0 }), 'afsnittenes tal'],
    ['the whole not its krav', (r) => Object.assign(r.resultater.overall, { met: 1 }), 'de samlede tal'],
    ['a krav not the template’s', (r) => Object.assign(r.resultater.measures[0], { text: 'Andet' }), 'kravene'],
    [
      'below target when not',
      (r) => Object.assign(r.resultater.measures[0], { target: 10, belowTarget: true }),
      'måltallet',
    ],
  ];
  for (const [what, change, said] of changes)
    it(`is refused, naming the round: ${what}`, async () => {
      const { file } = await pakke();
      const error = await indlaes(
        department.api,
        rewritten(file, (rounds) => change(rounds[0])),
      ).catch((e) => e);
      expect(error.message).toMatch(/^»haandlavet\.tilsyn« kan ikke indlæses: /);
      expect(error.message).toContain(said);
      if (!['det samme krav to gange', 'kravene'].includes(said)) expect(error.message).toContain(ROUND);
      expect(await department.api.call('tilsyn.list', {})).toHaveLength(0);
    });

  it('without krav, or without the day it was locked, is refused where it is wrong', async () => {
    const { file } = await pakke();
    const empty = rewritten(file, (rounds) => {
      rounds[0].resultater.measures = [];
    });
    await expect(indlaes(department.api, empty)).rejects.toThrow(
      '»runder.json« har ikke den form, Tilsyn venter (ved nr. 1 › resultater › measures).',
    );
    const undated = rewritten(file, (rounds) => {
      rounds[0].afsluttetDato = null;
    });
    await expect(indlaes(department.api, undated)).rejects.toThrow('(ved nr. 1 › afsluttetDato)');
  });

  it('stores nothing that does not add up, whatever number is changed (property)', async () => {
    const { file } = await pakke();
    const leaves: string[][] = [];
    const walk = (v: unknown, path: string[]) => {
      if (typeof v === 'number') leaves.push(path);
      else if (v && typeof v === 'object') for (const [k, c] of Object.entries(v)) walk(c, [...path, k]);
    };
    rewritten(file, (rounds) => walk(rounds[0].resultater, []));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...leaves), fc.integer({ min: 0, max: 12 }), async (path, value) => {
        const changed = rewritten(file, (rounds) => {
          let at = rounds[0].resultater;
          for (const k of path.slice(0, -1)) at = at[k];
          at[path[path.length - 1] ?? ''] = value;
        });
        const outcome = await indlaes(department.api, changed).catch((e: Error) => e);
        if (outcome instanceof Error) expect(outcome.message).toMatch(/kan ikke indlæses: /);
        for (const t of await department.api.call('tilsyn.list', {}))
          expect(resultsProblem((await department.api.call('resultater.get', { tilsynId: t.id })).results)).toBeNull();
      }),
      { numRuns: 60 },
    );
  });
});

describe('a resultatpakke with a CPR-like number', () => {
  const places: [string, Parameters<typeof rewritten>[1]][] = [
    ['the kommune', (_r, head) => Object.assign(head.kilde, { kommune: 'Kommune 010190-1234' })],
    ['the forvaltning', (_r, head) => Object.assign(head.kilde, { forvaltning: '0101901234' })],
    [
      'two levels of an enhed',
      (r) => Object.assign(r[0].enhed[0], { navn: 'Afd 010190' }, {}) && Object.assign(r[0].enhed[1], { navn: '1234' }),
    ],
    ['a goal key', (r) => r[0].maal.push({ key: '010190-1234', steps: [], indikator: '', metode: '' })],
    ['a goal text', (r) => r[0].maal.push({ key: 'x', steps: [], indikator: 'Barn 010190-1234', metode: '' })],
  ];
  for (const [where, change] of places)
    it(`in ${where} is refused`, async () => {
      const { file } = await pakke();
      await expect(indlaes(department.api, rewritten(file, change))).rejects.toThrow(
        '»haandlavet.tilsyn« indeholder noget, der ligner et CPR-nummer, og indlæses ikke.',
      );
      expect(await department.api.call('enheder.list', {})).toHaveLength(0);
    });
});

describe('a resultatpakke with a CPR-like number in an enhed’s name', () => {
  it('keeps the enhed with the number masked, as a name typed under Enheder is', async () => {
    const { file } = await pakke();
    await indlaes(
      department.api,
      rewritten(file, (r) => Object.assign(r[0].enhed[1], { navn: 'Team 010190-1234' })),
    );
    const names = (await department.api.call('enheder.list', {})).map((u) => u.navn);
    expect(names).toEqual(['Jobcenter Vest', 'Team [CPR-nummer fjernet]']);
  });
});

describe('a resultatpakke’s enheder and templates', () => {
  it('are kept by the rules of the file: invisible characters out, each level below the one above', async () => {
    const { file } = await pakke();
    const hidden = rewritten(file, (rounds) => {
      rounds[0].enhed[1].navn = 'Team\u200b Nord\u202e';
    });
    await indlaes(department.api, hidden);
    expect((await department.api.call('enheder.list', {})).map((u) => u.navn)).toEqual(['Jobcenter Vest', 'Team Nord']);
    const upside = rewritten(file, (rounds) => {
      rounds[0].enhed = [
        { navn: 'Team Nord', niveau: 'team' },
        { navn: 'Forvaltningen', niveau: 'forvaltning' },
      ];
    });
    await expect(indlaes(department.api, upside)).rejects.toThrow('(ved nr. 1 › enhed)');
  });

  it('a template of a name the file has already says where it came from', async () => {
    for (const [api, kommune] of [
      [leader.api, 'Esbjerg Kommune'],
      [department.api, 'Esbjerg Kommune'],
    ] as const) {
      const copy = await api.call('skabelon.copy', {
        versionId: 3,
        meta: { name: 'Vores rettidighed', area: 'beskaeftigelse' },
      });
      const draft = await api.call('skabelon.version', { versionId: copy.versionId });
      const content = structuredClone(draft.content);
      const first = content.sections[0]?.questions[0];
      if (first) first.help = `Retningslinje i ${api === leader.api ? 'vest' : 'øst'}.`;
      await api.call('skabelon.saveDraft', { versionId: copy.versionId, content });
      await api.call('skabelon.publish', { versionId: copy.versionId });
      await api.call('indstillinger.gem', { ...(await api.call('indstillinger.get', {})), kommune });
    }
    const enhed = await leader.api.call('enheder.opret', { navn: 'Team Øst', niveau: 'team' });
    const { round, FINISH_AS_OTHER, jobCentreRound } = await import('../support/scenario');
    const versionId = (await leader.api.call('skabelon.list', {})).find((t) => t.name === 'Vores rettidighed')
      ?.versions[0]?.id;
    const made = await round(leader.api, {
      ...jobCentreRound('Runde', '2026-04-01', '2026-06-30', ['ja', 'ja']),
      tilsyn: {
        titel: 'Runde',
        periodeFra: '2026-04-01',
        periodeTil: '2026-06-30',
        enhedId: enhed.id,
        skabelonVersionId: versionId ?? 0,
      },
      finish: FINISH_AS_OTHER,
    });
    await lockTilsyn(leader.api, made.tilsynId, { dato: '2026-07-01' });
    const result = await indlaes(
      department.api,
      await leader.api.call('pakke.resultater', { tilsynId: made.tilsynId }),
    );
    expect(result.skabeloner).toEqual(['Vores rettidighed (Esbjerg Kommune)']);
  });

  it('refused leaves the file as it was: no id made for it, nothing stored', async () => {
    const { file } = await pakke();
    await expect(
      indlaes(
        department.api,
        rewritten(file, (r) => Object.assign(r[0].resultater, { faerdige: 9 })),
      ),
    ).rejects.toThrow();
    expect(department.db.sqlite.prepare("SELECT 1 FROM indstilling WHERE noegle = 'fil_id'").get()).toBeUndefined();
    const names = async (api: TestApi['api']) => (await api.call('skabelon.list', {})).map((t) => t.name);
    expect(await names(department.api)).toEqual(await names(leader.api));
    expect(await department.api.call('enheder.list', {})).toEqual([]);
  });
});

describe('a round that came in a resultatpakke', () => {
  it('is listed with its sager counted, and what needs its sager says why it is done where it came from', async () => {
    const { file } = await pakke();
    await indlaes(department.api, file);
    const [t] = await department.api.call('tilsyn.list', {});
    expect(t).toMatchObject({ indlaest: true, antalSager: 4, antalFaerdige: 4 });
    const tilsynId = t?.id ?? 0;
    const why = 'er indlæst fra en resultatpakke, som kun har rundens samlede resultater, så';
    await expect(department.api.call('rapport.udvalg', { tilsynId })).rejects.toThrow(
      `${why} laves dens rapport til udvalget i den fil, den kom fra. Her indgår runden i enhedens perioderapport under Årshjul.`,
    );
    await expect(department.api.call('rapport.feedback', { tilsynId })).rejects.toThrow(
      `${why} der kan ikke laves feedbacknotater. Det gøres i den fil, runden kom fra.`,
    );
    await expect(department.api.call('eksport.excel', { tilsynIds: [tilsynId] })).rejects.toThrow(
      `${why} svarene kan ikke eksporteres.`,
    );
    await expect(department.api.call('resultater.sammenfatning', { tilsynId, tekst: 'Godt' })).rejects.toThrow(
      `${why} kan man ikke ændre vurderinger, planer og sammenfatning.`,
    );
    // Its own results are there to read, and it goes on in a pakke of the department's.
    expect((await department.api.call('resultater.get', { tilsynId })).results.faerdige).toBe(4);
  });
});
