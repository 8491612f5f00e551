import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { templateFileText } from '../../electron/backend/services/template-file';
import type { ApiClient } from '../../shared/api/client';
import { fieldLabel } from '../../shared/domain/cpr-guard';
import { templateContentSchema } from '../../shared/domain/template';
import { hookTestApi } from '../support/hooks';
import { importCaseList, sampledTilsyn } from '../support/scenario';
import { smallTemplate } from '../support/templates';

// The one CPR check at work through the API: template texts, keys, filters and date names are refused with a
// Danish message naming the field; a number split over two fields is refused; importers check what they store.

const backend = hookTestApi('each', { file: 'cpr.db' });
const api: ApiClient = backend.api;

/** Every TEXT value in the file, to prove what was (not) stored. */
function everything(): string {
  const { sqlite } = backend.db;
  const tables = sqlite.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[];
  return JSON.stringify(tables.map((t) => sqlite.prepare(`SELECT * FROM "${t}"`).all()));
}

async function draft(): Promise<number> {
  const standard = (await api.call('skabelon.list'))[0]?.versions[0]?.id ?? 0;
  const { versionId } = await api.call('skabelon.copy', {
    versionId: standard,
    meta: { name: 'Lokal', area: 'boern_unge' },
  });
  return versionId;
}

const content = () => structuredClone(templateContentSchema.parse(smallTemplate));

describe('template texts are refused, naming the field', () => {
  it('a question text: the message and the field error say which question', async () => {
    const versionId = await draft();
    const c = content();
    const q = c.sections[1]?.questions[0];
    if (!q) throw new Error('template without a second section');
    q.text = 'Er barnet (01.01.90-1234) hørt?';
    const refused = api.call('skabelon.saveDraft', { versionId, content: c });
    const message =
      'Spørgsmålets tekst (afsnit 2, spørgsmål 1) indeholder noget, der ligner et CPR-nummer. Fjern det, før skabelonen gemmes.';
    await expect(refused).rejects.toMatchObject({
      code: 'VALIDATION',
      message,
      fieldErrors: { 'content.sections.1.questions.0.text': message },
    });
    expect(everything()).not.toContain('01.01.90-1234');
  });

  it.each([
    [
      (c: ReturnType<typeof content>) => {
        if (c.sections[0]) c.sections[0].title = 'Afsnit SAG0101901234';
      },
      'Afsnittets titel (afsnit 1)',
    ],
    [
      (c: ReturnType<typeof content>) => {
        const q = c.sections[0]?.questions[1];
        if (q) q.help = 'Se cpr ０１０１９０－１２３４';
      },
      'Spørgsmålets hjælpetekst (afsnit 1, spørgsmål 2)',
    ],
    [
      (c: ReturnType<typeof content>) => {
        const q = c.sections[0]?.questions[1];
        if (q) q.legalRef = 'Barnets Lov § 19, 010190 1234';
      },
      'Spørgsmålets lovhenvisning (afsnit 1, spørgsmål 2)',
    ],
    [
      (c: ReturnType<typeof content>) => {
        const o = c.sections[0]?.questions[1]?.options[0];
        if (o) o.label = 'Ja 010190\u00ad1234';
      },
      'Svarmulighedens tekst (afsnit 1, spørgsmål 2, svarmulighed 1)',
    ],
    [
      (c: ReturnType<typeof content>) => {
        if (c.dateFields[0]) c.dateFields[0].label = 'Født 01 01 90 12 34';
      },
      'Datofeltets navn (datofelt 1)',
    ],
    [
      (c: ReturnType<typeof content>) => {
        c.sections[0]?.questions[1]?.rules.push({ type: 'sagstype', anyOf: ['Barn', 'Barn ٠١٠١٩٠-١٢٣٤'] });
      },
      'Reglens værdi (afsnit 1, spørgsmål 2, regel 1, værdi 2)',
    ],
    [
      (c: ReturnType<typeof content>) => {
        c.sections[0]?.questions[1]?.rules.push({ type: 'sagstype', anyOf: ['010190', '1234'] });
      },
      'Reglens værdi (afsnit 1, spørgsmål 2, regel 1, værdi 1) og Reglens værdi (afsnit 1, spørgsmål 2, regel 1, værdi 2) indeholder tilsammen',
    ],
  ])('%#: %s', async (change, named) => {
    const versionId = await draft();
    const c = content();
    change(c);
    const refused = api.call('skabelon.saveDraft', { versionId, content: c });
    await expect(refused).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining(named) });
    expect(everything()).not.toMatch(/1234|١٢٣٤|１２３４/);
  });

  it('the name and description of a template', async () => {
    const standard = (await api.call('skabelon.list'))[0]?.versions[0]?.id ?? 0;
    await expect(
      api.call('skabelon.copy', { versionId: standard, meta: { name: 'Kopi 010190/1234', area: 'andet' } }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      fieldErrors: { 'meta.name': expect.stringMatching(/^Skabelonens navn/) },
    });
    const versionId = await draft();
    const { skabelon } = await api.call('skabelon.version', { versionId });
    await expect(
      api.call('skabelon.updateMeta', {
        id: skabelon.id,
        meta: { name: 'Lokal', area: 'andet', description: 'Om CPR:0101901234' },
      }),
    ).rejects.toMatchObject({ fieldErrors: { 'meta.description': expect.stringMatching(/^Skabelonens beskrivelse/) } });
  });

  it('a date rule whose date field and source hold a number between them, across its date: refused', async () => {
    const versionId = await draft();
    const c = content();
    c.dateFields.push({ key: '010190', label: 'Start' });
    c.sections[0]?.questions[0]?.rules.push({ type: 'dato', felt: '010190', foer: '2026-01-01', kilde: '1234' });
    await expect(api.call('skabelon.saveDraft', { versionId, content: c })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('tilsammen noget, der ligner et CPR-nummer'),
    });
    expect(everything()).not.toMatch(/010190/);
  });

  it('a template file: refused naming line and field, nothing imported', async () => {
    const c = content();
    const q = c.sections[0]?.questions[0];
    if (q) q.help = 'Ring til borger 01.01.90 - 1234';
    const text = templateFileText({ name: 'Delt', area: 'andet', description: '' }, c);
    const before = everything();
    await expect(api.call('skabelon.import', { fileName: 'delt.json', text })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(
        /^Filen kan ikke importeres:\nLinje \d+, felt »afsnit 1 › spørgsmål 1 › hjælpetekst«: Spørgsmålets hjælpetekst \(afsnit 1, spørgsmål 1\) indeholder noget, der ligner et CPR-nummer\. Fjern det, før skabelonen importeres\./,
      ),
    });
    // Escaped in the JSON text, the number still shows once the file is read.
    const escaped = text.replace('"key": "bfu"', '"key": "\\u0030101901234"');
    await expect(api.call('skabelon.import', { fileName: 'delt.json', text: escaped })).rejects.toMatchObject({
      message: expect.stringContaining('Afsnittets nøgle (afsnit 1)'),
    });
    expect(everything()).toBe(before);
  });
});

describe('keys, filters and names of a sag are refused; free texts are masked', () => {
  it('sample filters and a sag’s date names', async () => {
    const t = await sampledTilsyn(api, { sager: 4 });
    await expect(
      api.call('stikproeve.preview', {
        tilsynId: t.tilsynId,
        spec: { method: 'simpel', size: 1, seed: 1, filters: { sagstyper: ['Barn 010190-1234'], teams: [] } },
      }),
    ).rejects.toMatchObject({
      fieldErrors: { 'spec.filters.sagstyper.0': expect.stringMatching(/^Filteret på sagstype \(nr\. 1\)/) },
    });
    const other = await api.call('tilsyn.create', { ...validInput(), titel: 'Andet' });
    await expect(
      api.call('population.addSag', {
        tilsynId: other.id,
        sag: { sagsnummer: '2026-9', dates: { 'født 0101901234': '2026-01-01' } },
      }),
    ).rejects.toMatchObject({ fieldErrors: { 'sag.dates': expect.stringMatching(/^Navnet på en dato indeholder/) } });
    await expect(
      api.call('population.addSag', {
        tilsynId: other.id,
        sag: { sagsnummer: '2026-9', sagstype: '010190', sagsbehandler: '1234' },
      }),
    ).rejects.toMatchObject({
      message:
        'Sagstypen og Sagsbehandleren indeholder tilsammen noget, der ligner et CPR-nummer. Fjern det, før sagen gemmes.',
    });
    expect(everything()).not.toMatch(/0101901234|010190/);
  });

  it('a number cut inside its serial over two fields, as the bytes lie side by side: refused', async () => {
    // »130508.2« in the plan and »696« as ansvarlig read as one number in the stored row (found by the raw-bytes
    // test); read with a space between they did not.
    const t = await sampledTilsyn(api, { sager: 2 });
    await expect(
      api.call('resultater.vurdering', {
        tilsynId: t.tilsynId,
        key: 'bfu.frist',
        vurdering: 'Under måltal.',
        plan: 'Sag 130508.2',
        ansvarlig: '696',
        frist: null,
      }),
    ).rejects.toMatchObject({ message: expect.stringMatching(/^Planen og Ansvarlig indeholder tilsammen/) });
    expect(everything()).not.toMatch(/130508/);
  });

  it('free text is still masked, in any spelling', async () => {
    const t = await sampledTilsyn(api, { sager: 2 });
    const sagId = t.sager[0]?.id ?? 0;
    const text = 'Mor: 01 01 90 12 34, far ٠٢٠٢٩٠١٢٣٤';
    const review = await api.call('gennemgang.fund', { sagId, kind: 'styrke', text });
    expect(JSON.stringify(review)).toContain('Mor: [CPR-nummer fjernet], far [CPR-nummer fjernet]');
    expect(everything()).not.toMatch(/01 01 90 12 34|٠٢٠٢٩٠١٢٣٤/);
  });

  it('a number split over two calls to one record: the second call is refused, nothing of it stored', async () => {
    const t = await sampledTilsyn(api, { sager: 2, tilsyn: { form: 'dialogbaseret' } });
    const sagId = t.sager[0]?.id ?? 0;
    const review = await api.call('gennemgang.sag', { sagId });
    const key = review.content.sections[0]?.questions[0]?.key ?? '';
    const { id: actionId } = (await api.call('gennemgang.handling', { sagId, text: 'Opfølgning' })).actions[0] ?? {
      id: 0,
    };
    const halves: [string, () => Promise<unknown>, () => Promise<unknown>, RegExp][] = [
      [
        'answer',
        () => api.call('gennemgang.svar', { sagId, key, rolle: 'leder', note: 'Mors nr. 010190' }),
        () => api.call('gennemgang.svar', { sagId, key, rolle: 'leder', reason: '1234 er hendes' }),
        /^Noten og Begrundelsen indeholder tilsammen noget, der ligner et CPR-nummer/,
      ],
      [
        'action',
        () => api.call('gennemgang.handlingRet', { id: actionId, text: 'Ring til 020290' }),
        () => api.call('gennemgang.handlingRet', { id: actionId, ansvarlig: '5678 Hansen' }),
        /^Teksten og Ansvarlig indeholder tilsammen/,
      ],
      [
        'dialog',
        () => api.call('gennemgang.dialog', { sagId, deltagere: 'Barnet 030390' }),
        () => api.call('gennemgang.dialog', { sagId, refleksioner: '9012 blev nævnt' }),
        /^Deltagerne og Refleksionerne indeholder tilsammen/,
      ],
    ];
    const other = await api.call('tilsyn.create', { ...validInput(), titel: 'Rettes i hånden' });
    const added = await api.call('population.addSag', { tilsynId: other.id, sag: { sagsnummer: 'S-150190' } });
    halves.push([
      'sag',
      async () => added,
      () => api.call('population.updateSag', { id: added.id, facts: { sagstype: '1234', dates: {} } }),
      /^Sagsnummeret og Sagstypen indeholder tilsammen/,
    ]);
    for (const [, first, second, message] of halves) {
      await first();
      await expect(second()).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(message) });
    }
    expect(everything()).not.toMatch(/1234 er hendes|5678 Hansen|9012 blev|"1234"/);
  });

  it('a number split between a frist override’s reason and the note or reason: refused, nothing stored', async () => {
    // Found by the attack on #18: the override's reason is stored in an object of its own, so it was searched alone,
    // though the review shows it right above the reason and the note.
    const t = await sampledTilsyn(api, { sager: 1 });
    const sagId = t.sager[0]?.id ?? 0;
    const review = await api.call('gennemgang.sag', { sagId });
    const key = review.content.sections.flatMap((s) => s.questions).find((q) => q.answerType === 'frist')?.key ?? '';
    const refused = (message: RegExp) => ({ code: 'VALIDATION', message: expect.stringMatching(message) });
    const override = (reason: string) => ({ outcome: 'ikke_opfyldt' as const, reason });
    await expect(
      api.call('gennemgang.svar', { sagId, key, note: 'Født 010190', override: override('-1234') }),
    ).rejects.toMatchObject(refused(/^Noten og Begrundelsen for at tilsidesætte fristen indeholder tilsammen/));
    await expect(
      api.call('gennemgang.svar', { sagId, key, reason: '-1234', override: override('Født 010190') }),
    ).rejects.toMatchObject(refused(/indeholder tilsammen noget, der ligner et CPR-nummer/));
    // Over two calls, in either order: the second is refused and nothing of it is stored.
    await api.call('gennemgang.svar', { sagId, key, override: override('Født 010190') });
    await expect(api.call('gennemgang.svar', { sagId, key, note: '-1234 ' })).rejects.toMatchObject(
      refused(/tilsammen/),
    );
    expect(everything()).not.toContain('-1234');
  });

  it('labels a field nobody named yet by its path, never by its value', () => {
    expect(fieldLabel(['nyt', 'felt'])).toBe('Feltet »nyt.felt«');
    // A date's value is named as a date of the sag, never by the template's internal key.
    expect(fieldLabel(['sag', 'dates', 'opmaerksomhed'])).toBe('En af sagens datoer');
    expect(fieldLabel(['facts', 'dates'])).toBe('Navnet på en dato');
    expect(fieldLabel(['content', 'sections', 0, 'questions', 4, 'options', 1, 'value'])).toBe(
      'Svarmulighedens nøgle (afsnit 1, spørgsmål 5, svarmulighed 2)',
    );
  });
});

describe('the case list importer', () => {
  it('drops two neighbouring columns that hold a CPR number between them', async () => {
    const t = await api.call('tilsyn.create', validInput());
    const csv = [
      'Sagsnr.;Fødselsdato;Løbenr.;Sagstype',
      '2026-001;010190;1234;Barn',
      '2026-002;020290;2345;Barn',
      '2026-003;030390;3456;Ung',
    ].join('\n');
    const { preview, summary } = await importCaseList(api, t.id, csv);
    expect(preview.cprColumns).toEqual([1, 2]);
    expect(summary.removedColumns).toEqual(['Fødselsdato', 'Løbenr.']);
    expect(everything()).not.toMatch(/010190|020290|030390/);
  });

  it('refuses a row whose cells read together hold a CPR number, and stores nothing until it is skipped', async () => {
    const t = await api.call('tilsyn.create', validInput());
    const csv = [
      'Sagsnr.;Sagstype;Team',
      '2026-001;Barn;Nord',
      '2026-002;Barn 010190;1234 Syd',
      '2026-003;Ung;Syd',
    ].join('\n');
    await expect(importCaseList(api, t.id, csv)).rejects.toMatchObject({ code: 'VALIDATION' });
    const { summary } = await importCaseList(api, t.id, csv, { skipInvalid: true });
    expect(summary.rowCount).toBe(2);
    expect(summary.skippedRows).toContainEqual(
      expect.objectContaining({
        message: 'Række 3: kolonnerne »Sagstype« og »Team« indeholder tilsammen noget, der ligner et CPR-nummer',
      }),
    );
    expect(everything()).not.toContain('010190');
  });
});

describe('an Excel case list', () => {
  async function workbook(fill: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    fill(wb.addWorksheet('Sager'));
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it('reads a number as Excel shows it: a CPR kept as 000000-0000, or without its leading zero, is found', async () => {
    const t = await api.call('tilsyn.create', validInput());
    const xlsx = await workbook((ws) => {
      ws.addRow(['Sagsnummer', 'Sagstype', 'Barn', 'Note']);
      const rows = [
        ['BU-2026-1', 'Underretning', 101901234, 'ok'],
        ['BU-2026-2', 'Underretning', 202901234, 'ok'],
        ['BU-2026-3', 'Børnefaglig', 303901234, 'ok'],
      ];
      for (const r of rows) ws.addRow(r).getCell(3).numFmt = '000000-0000';
      // A number typed as 0101901234 in a General cell: Excel keeps 101901234.
      ws.addRow(['BU-2026-4', 'Børnefaglig', '', 'ok']).getCell(4).value = 101901234;
      // The Number format with decimals: Excel shows 1501901234.00.
      const decimals = ws.addRow(['BU-2026-5', 'Børnefaglig', '', 'ok']).getCell(4);
      decimals.value = 1501901234;
      decimals.numFmt = '0.00';
    });
    const { preview, summary } = await importCaseList(api, t.id, xlsx, { fileName: 'sager.xlsx' });
    expect(preview.cprColumns).toContain(2);
    expect(summary.removedColumns).toContain('Barn');
    expect(everything()).not.toMatch(/101901234|202901234|303901234|010190|020290|030390|150190|19012/);
  });

  it('finds its header row when a header itself is CPR-like, and stores the header masked', async () => {
    const t = await api.call('tilsyn.create', validInput());
    const xlsx = await workbook((ws) => {
      ws.addRow(['Sagsnummer', 'Sagstype', 'Sagsbehandler', '010190-1234']);
      ws.addRow(['BU-2026-1', 'Underretning', 'Anna', 'x']);
      ws.addRow(['BU-2026-2', 'Børnefaglig', 'Bo', 'y']);
    });
    const { preview, summary } = await importCaseList(api, t.id, xlsx, { fileName: 'sager.xlsx' });
    expect(preview.headerRow).toBe(0);
    expect(summary.rowCount).toBe(2);
    expect(everything()).not.toMatch(/010190/);
  });
});

function validInput() {
  return {
    titel: 'Tilsyn',
    periodeFra: '2026-01-01',
    periodeTil: '2026-03-31',
    enhed: 'Team Nord',
    form: 'ledelseskontrol' as const,
    formaal: 'Formål',
    skabelonVersionId: 1,
  };
}
