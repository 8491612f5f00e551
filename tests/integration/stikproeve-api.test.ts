import { beforeEach, describe, expect, it } from 'vitest';
import type { SampleSpecInput } from '../../shared/domain/sampling';
import { hookTestApi } from '../support/hooks';
import { validTilsynInput } from '../support/temp';

const backend = hookTestApi('each', { file: 'api.db' });
const { api } = backend;
let tilsynId: number;

const TEAMS = ['Team Nord', 'Team Syd'];
const WORKERS = ['Anne Holm', 'Bo Nielsen', 'Søren Ærø', 'Åse Østergård'];
function csv(rows: number, extra = ''): string {
  const lines = ['Sagsnr.;Sagstype;Rådgiver;Team;Kommunen blev opmærksom på behov'];
  for (let i = 1; i <= rows; i++) {
    lines.push(
      `2025-${String(i).padStart(6, '0')};§ 32 forebyggende indsats;${WORKERS[i % 4]};${TEAMS[i % 2]};${String((i % 28) + 1).padStart(2, '0')}-03-2025`,
    );
  }
  return `${lines.join('\n')}${extra}\n`;
}
const file = (text: string, id = tilsynId) => ({
  tilsynId: id,
  fileName: 'udtraek.csv',
  dataBase64: Buffer.from(text, 'latin1').toString('base64'),
});

beforeEach(async () => {
  tilsynId = (await api.call('tilsyn.create', validTilsynInput)).id;
});

async function importCsv(text: string, skipInvalid = false, id = tilsynId) {
  const preview = await api.call('population.preview', file(text, id));
  return api.call('population.import', {
    ...file(text, id),
    headerRow: preview.headerRow,
    mapping: preview.mapping,
    skipInvalid,
  });
}

const stratified: SampleSpecInput = {
  method: 'stratificeret',
  size: 1,
  strataBy: 'sagsbehandler',
  allocation: 'per_stratum',
  perStratum: 2,
  spares: 2,
  seed: 424242,
};

describe('importing the sagsliste', () => {
  it('suggests a mapping from Danish column names and the template’s date labels', async () => {
    const preview = await api.call('population.preview', file(csv(10)));
    expect(preview.mapping.map((m) => [m.header, m.target, m.dateKey])).toEqual([
      ['Sagsnr.', 'sagsnummer', undefined],
      ['Sagstype', 'sagstype', undefined],
      ['Rådgiver', 'sagsbehandler', undefined],
      ['Team', 'team', undefined],
      ['Kommunen blev opmærksom på behov', 'dato', 'opmaerksomhed'],
    ]);
    expect(preview).toMatchObject({
      dataRowCount: 10,
      delimiter: ';',
      encoding: 'windows-1252',
      mappingRemembered: false,
    });
  });

  it('says before import what the chosen columns cannot give the tilsyn: a sagsbehandler, the frister’s dates', async () => {
    const preview = await api.call('population.preview', file(csv(10)));
    const full = await api.call('population.check', { ...file(csv(10)), headerRow: 0, mapping: preview.mapping });
    // Only »Kommunen blev opmærksom på behov« is a date column: the BFU frist also needs its end date.
    const bfu = full.warnings.find((w) => w.startsWith('Fristen i »Blev den børnefaglige undersøgelse afsluttet'));
    expect(bfu).toContain(
      'kan ikke beregnes ud fra sagslisten: ingen kolonne er valgt til »Den børnefaglige undersøgelse blev afsluttet«. Datoen kan indtastes i gennemgangen.',
    );
    // Two dates missing: both named, and »Datoerne«.
    expect(full.warnings.find((w) => w.includes('barnets plan'))).toMatch(
      /»Afgørelsen om indsats blev truffet« og »Barnets plan blev udarbejdet«\. Datoerne kan/,
    );
    expect(full.warnings.some((w) => w.includes('sagsbehandler'))).toBe(false);
    const withoutCaseworker = preview.mapping.map((m) =>
      m.target === 'sagsbehandler' ? { ...m, target: 'ignorer' as const } : m,
    );
    const check = await api.call('population.check', { ...file(csv(10)), headerRow: 0, mapping: withoutCaseworker });
    expect(check.warnings[0]).toBe(
      'Ingen kolonne er valgt som sagsbehandler. Stikprøven kan ikke fordeles på sagsbehandlere, og der kan ikke laves feedbacknotater til den enkelte.',
    );
  });

  it('refuses a mapping it cannot use: two sagsnumre or teams, a date the template lacks, one date from two columns', async () => {
    const preview = await api.call('population.preview', file(csv(10)));
    const dated = preview.mapping.findIndex((m) => m.target === 'dato');
    const other = preview.mapping.findIndex((m) => m.target === 'team');
    const numbered = preview.mapping.findIndex((m) => m.target === 'sagsnummer');
    const changed = (i: number, to: Partial<(typeof preview.mapping)[number]>) =>
      preview.mapping.map((m, j) => (j === i ? { ...m, ...to } : m));
    const refused = async (mapping: typeof preview.mapping, message: string) => {
      for (const method of ['population.check', 'population.import'] as const)
        await expect(api.call(method, { ...file(csv(10)), headerRow: 0, mapping })).rejects.toMatchObject({
          code: 'VALIDATION',
          message: expect.stringContaining(message),
        });
    };
    expect(dated).toBeGreaterThanOrEqual(0);
    expect(other).toBeGreaterThanOrEqual(0);
    await refused(changed(dated, { dateKey: '__proto__' }), 'en dato, tilsynets skabelon ikke har');
    await refused(changed(other, { target: 'sagsnummer' }), 'Kun én kolonne kan være sagsnummeret');
    // Every fact from one column: a second on it would keep one and lose the other without a word.
    for (const [target, label] of [
      ['sagstype', 'Sagstype'],
      ['sagsbehandler', 'Sagsbehandler'],
      ['team', 'Team'],
    ] as const) {
      expect(preview.mapping.some((m) => m.target === target)).toBe(true);
      await refused(changed(dated, { target, dateKey: undefined }), `»${label}« kan kun komme fra én kolonne;`);
    }
    const key = preview.mapping[dated]?.dateKey;
    await refused(changed(other, { target: 'dato', dateKey: key }), 'kan kun komme fra én kolonne');
    expect(numbered).toBeGreaterThanOrEqual(0);
    expect(await api.call('population.get', { tilsynId })).toBeNull();
  });

  it('remembers the mapping for the next file with the same layout', async () => {
    const preview = await api.call('population.preview', file(csv(5)));
    const mapping = preview.mapping.map((m) => (m.header === 'Team' ? { ...m, target: 'ekstra' as const } : m));
    await api.call('population.import', { ...file(csv(5)), headerRow: 0, mapping });
    const other = await api.call('tilsyn.create', validTilsynInput);
    const again = await api.call('population.preview', { ...file(csv(7)), tilsynId: other.id });
    expect(again.mappingRemembered).toBe(true);
    expect(again.mapping.find((m) => m.header === 'Team')?.target).toBe('ekstra');
  });

  it('does not reuse a remembered mapping made for a template whose date fields the file cannot feed', async () => {
    // The same export, first into a job-centre tilsyn (the date column feeds no field there: ekstra), then into a
    // children's tilsyn, where it feeds »Kommunen blev opmærksom på behov«: the fresh suggestion wins.
    const job = await api.call('tilsyn.create', { ...validTilsynInput, skabelonVersionId: 3 });
    const jobPreview = await api.call('population.preview', { ...file(csv(5)), tilsynId: job.id });
    const withoutDate = jobPreview.mapping.map((m) =>
      m.target === 'dato' ? { ...m, target: 'ekstra' as const, dateKey: undefined } : m,
    );
    await api.call('population.import', { ...file(csv(5)), tilsynId: job.id, headerRow: 0, mapping: withoutDate });
    const children = await api.call('population.preview', file(csv(5)));
    expect(children.mappingRemembered).toBe(false);
    expect(children.mapping.find((m) => m.target === 'dato')?.dateKey).toBe('opmaerksomhed');
  });

  it('reports bad rows in Danish and imports nothing until they are skipped on purpose', async () => {
    const text = csv(6, '\n2025-999999;§ 32;Bo Nielsen;Team Nord;31-02-2025\n;§ 32;Bo Nielsen;Team Nord;01-03-2025');
    const preview = await api.call('population.preview', file(text));
    const check = await api.call('population.check', { ...file(text), headerRow: 0, mapping: preview.mapping });
    expect(check.issues.map((i) => i.message)).toEqual([
      'Række 8 (sag 2025-999999), kolonne »Kommunen blev opmærksom på behov«: datoen »31-02-2025« findes ikke',
      'Række 9: sagsnummer mangler',
    ]);
    await expect(importCsv(text)).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('2 rækker har fejl'),
    });
    expect(await api.call('population.get', { tilsynId })).toBeNull();
    const summary = await importCsv(text, true);
    expect(summary).toMatchObject({ rowCount: 6, fileName: 'udtraek.csv' });
    expect(summary.skippedRows).toHaveLength(2);
    expect(summary.counts.sagsbehandler['Søren Ærø']).toBe(2);
  });

  it('never stores a CPR column, and masks CPR numbers in kept text', async () => {
    const text = 'Sagsnr.;Barnets CPR;Bemærkning\n2025-1;010118-4321;Mor 020290-1234 ringede\n2025-2;0302194322;\n';
    const preview = await api.call('population.preview', file(text));
    expect(preview.cprColumns).toEqual([1]);
    expect(preview.sampleRows[0]?.[1]).toBe('••••••-••••');
    // Shown as it will be stored: masked also where the column is kept.
    expect(preview.sampleRows[0]?.[2]).toBe('Mor [CPR-nummer fjernet] ringede');
    expect(JSON.stringify(preview)).not.toMatch(/020290/);
    const summary = await importCsv(text);
    expect(summary).toMatchObject({ removedColumns: ['Barnets CPR'], maskedCells: 1 });
    const stored = JSON.stringify(backend.db.sqlite.prepare('SELECT * FROM population_sag').all());
    expect(stored).not.toMatch(/010118|0302194322|020290/);
    expect(stored).toContain('Mor [CPR-nummer fjernet] ringede');
  });
});

describe('correcting the sagsliste', () => {
  it('edits a sag’s facts before the draw, and the fingerprint follows; after the draw it is locked', async () => {
    const summary = await importCsv(csv(6));
    const [first] = await api.call('population.sager', { tilsynId });
    const facts = {
      sagstype: 'Anbringelse § 46',
      sagsbehandler: 'Bo Nielsen',
      team: 'Team Syd',
      dates: { opmaerksomhed: '2025-02-01' },
    };
    const edited = await api.call('population.updateSag', { id: first?.id ?? 0, facts });
    expect(edited).toMatchObject({ ...facts, sagsnummer: first?.sagsnummer });
    const after = await api.call('population.get', { tilsynId });
    expect(after?.contentHash).not.toBe(summary.contentHash);
    expect(after?.counts.sagstype['Anbringelse § 46']).toBe(1);

    await api.call('stikproeve.draw', { tilsynId, spec: { method: 'simpel', size: 2, seed: 3 }, drawnBy: 'Lene' });
    await expect(api.call('population.updateSag', { id: first?.id ?? 0, facts })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(api.call('population.addSag', { tilsynId, sag: { sagsnummer: 'NY-1' } })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('adds a sag by hand, but not a sagsnummer that is already there', async () => {
    await importCsv(csv(3));
    await api.call('population.addSag', { tilsynId, sag: { sagsnummer: '2026-000042', sagstype: 'Underretning' } });
    expect((await api.call('population.get', { tilsynId }))?.rowCount).toBe(4);
    await expect(api.call('population.addSag', { tilsynId, sag: { sagsnummer: '2026-000042' } })).rejects.toMatchObject(
      {
        fieldErrors: { sagsnummer: 'Sagsnummeret findes allerede' },
      },
    );
  });
});

describe('drawing the stikprøve', () => {
  it('draws a stratified sample with spares, and the same seed draws the same sager', async () => {
    await importCsv(csv(40));
    const first = await api.call('stikproeve.draw', { tilsynId, spec: stratified, drawnBy: 'Lene Teamleder' });
    const selected = first.sager.filter((s) => s.role === 'udvalgt');
    expect(selected).toHaveLength(8);
    expect(first.strata.map((s) => [s.name, s.population, s.drawn, s.spares])).toEqual([
      ['Anne Holm', 10, 2, 2],
      ['Bo Nielsen', 10, 2, 2],
      ['Søren Ærø', 10, 2, 2],
      ['Åse Østergård', 10, 2, 2],
    ]);
    expect(first).toMatchObject({ seed: 424242, drawnBy: 'Lene Teamleder', populationCount: 40 });
    expect(first.populationHash).toMatch(/^[0-9a-f]{64}$/);

    const again = await api.call('stikproeve.draw', { tilsynId, spec: stratified, drawnBy: 'Lene Teamleder' });
    expect(again.sager.map((s) => [s.sagsnummer, s.role, s.order])).toEqual(
      first.sager.map((s) => [s.sagsnummer, s.role, s.order]),
    );
    const other = await api.call('stikproeve.draw', { tilsynId, spec: { ...stratified, seed: 7 }, drawnBy: 'Lene' });
    expect(other.sager.map((s) => s.sagsnummer)).not.toEqual(first.sager.map((s) => s.sagsnummer));
    expect((await api.call('tilsyn.get', { id: tilsynId })).status).toBe('i_gang');
  });

  it('brings in the next spare from the same stratum when a sag is excluded', async () => {
    await importCsv(csv(40));
    const record = await api.call('stikproeve.draw', { tilsynId, spec: stratified, drawnBy: 'Lene' });
    const out = record.sager.find((s) => s.role === 'udvalgt' && s.stratum === 'Bo Nielsen');
    const spare = record.sager.find((s) => s.role === 'reserve' && s.stratum === 'Bo Nielsen' && s.order === 1);
    const result = await api.call('stikproeve.exclude', { sagId: out?.id ?? 0, reason: 'inhabilitet', note: '' });
    expect(result.replacement).toBe(spare?.sagsnummer);
    const inNow = result.record.sager.find((s) => s.sagsnummer === spare?.sagsnummer);
    expect(inNow).toMatchObject({ role: 'udvalgt', stratum: 'Bo Nielsen', replaces: out?.sagsnummer, order: 3 });
    expect(result.record.sager.find((s) => s.id === out?.id)).toMatchObject({
      status: 'udgaaet',
      exclusion: { reason: 'inhabilitet' },
    });
    const [listed] = await api.call('tilsyn.list');
    expect(listed).toMatchObject({ antalSager: 8, antalFaerdige: 0 });
    // "Anden årsag" needs words.
    await expect(
      api.call('stikproeve.exclude', { sagId: inNow?.id ?? 0, reason: 'anden', note: ' ' }),
    ).rejects.toMatchObject({
      fieldErrors: { note: 'Beskriv årsagen' },
    });
  });

  it('shows the strata and warns when a stratum is smaller than asked, without drawing', async () => {
    await importCsv(csv(40));
    const preview = await api.call('stikproeve.preview', { tilsynId, spec: { ...stratified, perStratum: 11 } });
    expect(preview.warnings).toContain('Gruppen »Anne Holm« har kun 10 sager; der blev bedt om 11.');
    expect(await api.call('stikproeve.get', { tilsynId })).toBeNull();
  });

  it('avoids sager another tilsyn reviewed within 12 months, when asked', async () => {
    await importCsv(csv(12));
    const earlier = await api.call('stikproeve.draw', {
      tilsynId,
      spec: { method: 'simpel', size: 6, spares: 0, seed: 5 },
      drawnBy: 'Lene',
    });
    const reviewed = new Set(earlier.sager.map((s) => s.sagsnummer));
    const next = await api.call('tilsyn.create', {
      ...validTilsynInput,
      periodeFra: '2026-04-01',
      periodeTil: '2026-06-30',
    });
    await importCsv(csv(12), false, next.id);
    const drawn = await api.call('stikproeve.draw', {
      tilsynId: next.id,
      spec: { method: 'simpel', size: 6, spares: 0, seed: 5, avoidRecentlyReviewed: true },
      drawnBy: 'Lene',
    });
    expect(drawn.sager.filter((s) => reviewed.has(s.sagsnummer))).toEqual([]);
    expect(drawn.afterFilters).toBe(6);
    expect(drawn.warnings).toContain(
      '6 sager er gennemgået inden for de seneste 12 måneder og er ikke med i udtrækningen.',
    );
  });

  it('prefers caseworkers the enhed itself has not reached: another team’s round does not cover them', async () => {
    // One sagstype for all: a caseworker counts as reached once any sag of theirs was reviewed.
    await importCsv(csv(12));
    await api.call('stikproeve.draw', {
      tilsynId,
      spec: { method: 'simpel', size: 2, spares: 0, seed: 5 },
      drawnBy: 'Lene',
    });
    const other = await api.call('tilsyn.create', {
      ...validTilsynInput,
      enhed: 'Et andet team',
      periodeFra: '2026-04-01',
      periodeTil: '2026-06-30',
    });
    await importCsv(csv(12), false, other.id);
    const spec = { method: 'simpel' as const, size: 3, spares: 0, seed: 9 };
    const drawn = async (preferUnreviewed: boolean) =>
      (
        await api.call('stikproeve.draw', { tilsynId: other.id, spec: { ...spec, preferUnreviewed }, drawnBy: 'Lene' })
      ).sager.map((x) => x.sagsnummer);
    const plain = await drawn(false);
    const preferring = await drawn(true);
    // Nobody is reached in the other team yet, so preferring the unreached changes nothing there.
    expect(preferring).toEqual(plain);
  });

  it('refuses to import again once the sample is drawn', async () => {
    await importCsv(csv(10));
    await api.call('stikproeve.draw', { tilsynId, spec: { method: 'simpel', size: 3, seed: 1 }, drawnBy: 'Lene' });
    await expect(importCsv(csv(12))).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await api.call('population.get', { tilsynId }))?.rowCount).toBe(10);
  });
});

describe('CPR numbers never reach the database', () => {
  it('from a file without a header row, where the first row would otherwise become column names', async () => {
    const text =
      '0101901234;2025-000001;Anne Holm;Team Nord\n0202901234;2025-000002;Bo Nielsen;Team Syd\n0303901234;2025-000003;Bo Nielsen;Team Syd\n';
    const preview = await api.call('population.preview', file(text));
    expect(preview.headerRow).toBe(-1);
    expect(preview.headers).toEqual(['Kolonne 1', 'Kolonne 2', 'Kolonne 3', 'Kolonne 4']);
    const mapping = preview.mapping.map((m, i) => (i === 1 ? { ...m, target: 'sagsnummer' as const } : m));
    // Even a caller that sends CPR-like header names does not get them stored.
    const forged = mapping.map((m) => ({ ...m, header: '0101901234' }));
    const summary = await api.call('population.import', {
      ...file(text),
      fileName: 'udtræk 0101901234.csv',
      headerRow: -1,
      mapping: forged,
    });
    expect(summary.rowCount).toBe(3);
    const everything = JSON.stringify([
      backend.db.sqlite.prepare('SELECT * FROM population').all(),
      backend.db.sqlite.prepare('SELECT * FROM population_sag').all(),
      backend.db.sqlite.prepare('SELECT * FROM import_mapping').all(),
    ]);
    expect(everything).not.toMatch(/0101901234|0202901234|0303901234/);
  });

  it('from manual entry or corrections: refused with a Danish message', async () => {
    await expect(
      api.call('population.addSag', { tilsynId, sag: { sagsnummer: 'SAG-0101901234' } }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      fieldErrors: {
        'sag.sagsnummer': 'Sagsnummeret indeholder noget, der ligner et CPR-nummer. Fjern det, før sagen gemmes.',
      },
    });
    await expect(
      api.call('population.addSag', { tilsynId, sag: { sagsnummer: '2026-1', sagsbehandler: 'Mor 010190–1234' } }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(
      api.call('population.addSag', {
        tilsynId,
        sag: { sagsnummer: '2026-1', dates: { opmaerksomhed: '010190-1234' } },
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('from an exclusion note or the name of who drew the sample: masked', async () => {
    await importCsv(csv(10));
    const record = await api.call('stikproeve.draw', {
      tilsynId,
      spec: { method: 'simpel', size: 3, seed: 2 },
      drawnBy: 'Lene 010190-1234',
    });
    const sag = record.sager.find((s) => s.role === 'udvalgt');
    const result = await api.call('stikproeve.exclude', {
      sagId: sag?.id ?? 0,
      reason: 'anden',
      note: 'Barnets cpr 0202151234 forkert',
    });
    expect(result.record.drawnBy).toBe('Lene [CPR-nummer fjernet]');
    expect(result.record.sager.find((s) => s.id === sag?.id)?.exclusion?.note).toBe(
      'Barnets cpr [CPR-nummer fjernet] forkert',
    );
    expect(JSON.stringify(backend.db.sqlite.prepare('SELECT * FROM sag').all())).not.toMatch(/0202151234/);
  });
});

describe('a tilsyn under way', () => {
  it('keeps its template once the sample is drawn, but other details can still be corrected', async () => {
    await importCsv(csv(10));
    await api.call('stikproeve.draw', { tilsynId, spec: { method: 'simpel', size: 3, seed: 2 }, drawnBy: 'Lene' });
    const other =
      (await api.call('skabelon.list')).find((t) => t.name === 'Beskæftigelse – rettidighed')?.versions[0]?.id ?? 0;
    await expect(
      api.call('tilsyn.update', { id: tilsynId, data: { ...validTilsynInput, skabelonVersionId: other } }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const renamed = await api.call('tilsyn.update', { id: tilsynId, data: { ...validTilsynInput, titel: 'Nyt navn' } });
    expect(renamed).toMatchObject({ titel: 'Nyt navn', skabelonVersionId: validTilsynInput.skabelonVersionId });
  });
});
