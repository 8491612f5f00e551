import { createHash } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeBundle } from '../../electron/backend/services/bundle-file';
import { canonicalTemplate } from '../../electron/backend/services/bundle-placing';
import type { ApiClient } from '../../shared/api/client';
import { type BundleManifest, MANIFEST_NAME } from '../../shared/domain/bundle';
import { FULL_MEMBER, sentReportMember } from '../../shared/domain/bundle-full';
import { openTestApi, type TestApi } from '../support/api';
import { bytesOf, indlaes, lockedRound, rewrittenMember } from '../support/bundles';
import { jobCentreRound, round } from '../support/scenario';

// What a fuld pakke must not bring in (issue #15, found by trying it as an attacker would): a CPR number written as
// JSON escapes or in the template, a pakke over sager deleted under retention, a uid that names another tilsyn here,
// a "sent report" that is no PDF. Each is refused in Danish and the file is left as it was.

let anna: TestApi;
let bo: TestApi;
beforeEach(() => {
  anna = openTestApi({ prefix: 'tilsyn-fuldnej-anna-' });
  bo = openTestApi({ prefix: 'tilsyn-fuldnej-bo-' });
});
afterEach(() => {
  anna.close();
  bo.close();
});

type File = { fileName: string; dataBase64: string };
// biome-ignore lint/suspicious/noExplicitAny: a test edits the pakke's JSON as it lies
type Json = any;
const read = (api: ApiClient, file: File, valg?: 'tag_pakkens') =>
  api.call('pakke.indlaesFuld', { fileName: file.fileName, dataBase64: file.dataBase64, ...(valg ? { valg } : {}) });

async function tilsynOf(api: ApiClient, titel = 'Runde') {
  const made = await round(api, {
    ...jobCentreRound(titel, '2026-01-01', '2026-03-31', ['ja', 'nej']),
    tilsyn: { titel, periodeFra: '2026-01-01', periodeTil: '2026-03-31', skabelonVersionId: 3 },
  });
  return made;
}

/** Every member of the pakke as JSON (or bytes), changed by `change`, with a manifest that fits again. */
function rebuilt(file: File, change: (members: Record<string, Json>, head: Json) => void): File {
  const entries = unzipSync(bytesOf(file));
  const manifest = JSON.parse(strFromU8(entries[MANIFEST_NAME] ?? new Uint8Array())) as BundleManifest;
  const { format: _f, version: _v, filer: _m, ...head } = manifest;
  const members: Record<string, Json> = {};
  for (const [name, bytes] of Object.entries(entries))
    if (name !== MANIFEST_NAME) members[name] = name.endsWith('.json') ? JSON.parse(strFromU8(bytes)) : bytes;
  change(members, head);
  const out: Record<string, string | Uint8Array> = {};
  for (const [name, v] of Object.entries(members)) out[name] = v instanceof Uint8Array ? v : JSON.stringify(v);
  return { fileName: file.fileName, dataBase64: writeBundle(head, out).toString('base64') };
}

const unchanged = async (api: ApiClient, before: unknown) => expect(await api.call('tilsyn.list', {})).toEqual(before);

describe('a fuld pakke with a CPR number hidden', () => {
  const hidden: [string, (f: Json) => void][] = [
    [
      'as JSON escapes in a dialogue record',
      (f) => {
        f.sager[0].dialog = JSON.stringify({ deltagere: 'Karin 010190-1234' }).replace(/\d/g, (d) => `\\u003${d}`);
      },
    ],
    [
      'split over two fields of the sagsliste’s extra columns',
      (f) => {
        f.population.sager[1].ekstra = JSON.stringify({ A: '010190', B: '1234' });
      },
    ],
    [
      'split over a dialogue’s fields',
      (f) => {
        f.sager[0].dialog = JSON.stringify({ deltagere: '010190', refleksioner: '1234' });
      },
    ],
  ];
  for (const [where, change] of hidden)
    it(`${where} is refused`, async () => {
      const pakke = await anna.api.call('pakke.fuld', { tilsynId: (await tilsynOf(anna.api)).tilsynId });
      await expect(read(bo.api, rewrittenMember(pakke, FULL_MEMBER, change))).rejects.toThrow(/ligner et CPR-nummer/);
      await unchanged(bo.api, []);
    });

  it('in the template’s help text, or in the kommune the pakke says it comes from, is refused', async () => {
    const pakke = await anna.api.call('pakke.fuld', { tilsynId: (await tilsynOf(anna.api)).tilsynId });
    const template = rebuilt(pakke, (m) => {
      const name = m[FULL_MEMBER].skabelon as string;
      const t = m[name];
      t.indhold.sections[0].questions[0].help = 'Fx barnet 010190-1234';
      const renamed = `skabeloner/${createHash('sha256').update(canonicalTemplate(t.indhold)).digest('hex')}.json`;
      delete m[name];
      m[renamed] = t;
      m[FULL_MEMBER].skabelon = renamed;
    });
    await expect(read(bo.api, template)).rejects.toThrow(/ligner et CPR-nummer/);
    const kommune = rebuilt(pakke, (_m, head) => {
      head.kilde.kommune = 'Kommune 010190-1234';
    });
    await expect(read(bo.api, kommune)).rejects.toThrow(/ligner et CPR-nummer/);
    expect((await bo.api.call('skabelon.list', {})).some((t) => t.name.includes('010190'))).toBe(false);
  });
});

describe('a fuld pakke with a »__proto__« key', () => {
  it('is refused, not read with the key dropped', async () => {
    const pakke = await anna.api.call('pakke.fuld', { tilsynId: (await tilsynOf(anna.api)).tilsynId });
    // As a hand-made file holds it: an ordinary key of the JSON text (JSON.parse reads it as an own property).
    const keyed = rewrittenMember(pakke, FULL_MEMBER, (f) => {
      Object.defineProperty(f.sager[0], '__proto__', { value: { status: 'faerdig' }, enumerable: true });
    });
    await expect(read(bo.api, keyed)).rejects.toThrow(/»__proto__« kan ikke bruges som navn eller nøgle/);
    await unchanged(bo.api, []);
  });
});

describe('a fuld pakke over what it must not replace', () => {
  it('is refused where the tilsyn’s sager were deleted under the retention rules', async () => {
    const made = await lockedRound(anna.api);
    const id = (await read(bo.api, await anna.api.call('pakke.fuld', { tilsynId: made.tilsynId }))).tilsynId ?? 0;
    const titel = (await bo.api.call('tilsyn.get', { id })).titel;
    await bo.api.call('tilsyn.sletSagsdata', { tilsynId: id, navn: 'Bo', bekraeft: titel });
    await anna.api.call('tilsyn.genaabn', { tilsynId: made.tilsynId, navn: 'Anna', begrundelse: 'Et svar rettes' });
    const again = await anna.api.call('pakke.fuld', { tilsynId: made.tilsynId });
    const before = await bo.api.call('tilsyn.list', {});
    await expect(read(bo.api, again, 'tag_pakkens')).rejects.toThrow(/er slettet her efter reglerne for opbevaring/);
    await unchanged(bo.api, before);
  });

  it('names the tilsyn here it would replace, when its number is this file’s but it was never sent', async () => {
    // Bo's file has an id (he sent one tilsyn) and a tilsyn of his own he never sent; a pakke names it by number
    // (a file restored from a backup gives a new tilsyn an old number; or someone writes the pakke by hand).
    const sent = await tilsynOf(bo.api, 'Sendt runde');
    const boFile = (await bo.api.call('pakke.fuld', { tilsynId: sent.tilsynId })).dataBase64;
    const boId = (
      JSON.parse(strFromU8(unzipSync(Buffer.from(boFile, 'base64'))[FULL_MEMBER] ?? new Uint8Array())) as Json
    ).uid.split(':')[0];
    const own = await tilsynOf(bo.api, 'Bos egen runde');
    const pakke = await anna.api.call('pakke.fuld', { tilsynId: (await tilsynOf(anna.api, 'Annas runde')).tilsynId });
    const claiming = rewrittenMember(pakke, FULL_MEMBER, (f) => {
      f.uid = `${boId}:${own.tilsynId}`;
    });
    const asked = await read(bo.api, claiming);
    expect(asked).toMatchObject({ udfald: 'konflikt', titel: 'Annas runde', titelHer: 'Bos egen runde' });
  });

  it('is refused when it claims a tilsyn number this file never gave', async () => {
    const own = await tilsynOf(bo.api, 'Bos runde');
    const pakke = await bo.api.call('pakke.fuld', { tilsynId: own.tilsynId });
    const future = rewrittenMember(pakke, FULL_MEMBER, (f) => {
      f.uid = `${f.uid.split(':')[0]}:${own.tilsynId + 2}`;
    });
    await expect(read(bo.api, future)).rejects.toThrow(/aldrig været her/);
    // Bo's next tilsyn still goes out as a pakke of its own.
    await tilsynOf(bo.api, 'Næste');
    const next = (await bo.api.call('tilsyn.list', {})).find((t) => t.titel === 'Næste');
    await expect(bo.api.call('pakke.fuld', { tilsynId: next?.id ?? 0 })).resolves.toMatchObject({
      fileName: 'Tilsyn Næste.tilsyn',
    });
  });

  it('is refused when a locked round’s sager are not what locking asks, or a time the calendar lacks', async () => {
    const made = await lockedRound(anna.api);
    const pakke = await anna.api.call('pakke.fuld', { tilsynId: made.tilsynId });
    const cases: [(f: Json) => void, RegExp][] = [
      [(f) => Object.assign(f.sager[0], { svar: [] }), /er færdig, men mangler svar/],
      [(f) => Object.assign(f.sager[0], { rolle: 'reserve', erstatter: f.sager[1].sagsnummer }), /erstatter en sag/],
      [(f) => Object.assign(f.tilsyn, { aendret: '2026-99-99T99:99:99Z' }), /ved tilsyn › aendret/],
      [(f) => Object.assign(f.tilsyn, { oprettet: '2026-02-30T10:00:00Z' }), /ved tilsyn › oprettet/],
      [
        (f) =>
          Object.assign(f, {
            godkendelse: { godkender: 'X', godkendtAf: 'X', godkendtTid: '2026-04-03T10:00:00.000Z', gyldig: true },
          }),
        /godkendelsen står ikke i tilsynets log/,
      ],
    ];
    for (const [change, said] of cases)
      await expect(
        read(
          bo.api,
          rewrittenMember(pakke, FULL_MEMBER, (f) => {
            change(f);
          }),
        ),
      ).rejects.toThrow(said);
    await unchanged(bo.api, []);
  });

  it('is refused with sager but no sample record, or a sent report that is no PDF', async () => {
    const made = await lockedRound(anna.api);
    const pakke = await anna.api.call('pakke.fuld', { tilsynId: made.tilsynId });
    const noSample = rewrittenMember(pakke, FULL_MEMBER, (f) => {
      f.stikproeve = null;
    });
    await expect(read(bo.api, noSample)).rejects.toThrow(/har sager, men ingen stikprøve/);
    const html = new TextEncoder().encode('<html><script>alert(1)</script></html>');
    const sha = createHash('sha256').update(html).digest('hex');
    const notPdf = rebuilt(pakke, (m) => {
      m[FULL_MEMBER].afsendelser = [
        {
          dato: '2026-04-10',
          hvem: 'X',
          registreret: '2026-04-10T10:00:00.000Z',
          filnavn: 'r.html',
          sha256: sha,
          gaeldende: true,
        },
      ];
      m[sentReportMember(sha)] = html;
    });
    await expect(read(bo.api, notPdf)).rejects.toThrow(/er ikke en PDF-fil/);
    const extra = rebuilt(pakke, (m) => {
      m['evil.exe'] = new Uint8Array([1, 2, 3]);
    });
    await expect(read(bo.api, extra)).rejects.toThrow(/»evil\.exe«, som ikke hører til et tilsyn/);
    await unchanged(bo.api, []);
  });

  it('a round here with all its sager is not counted again when its resultatpakke comes', async () => {
    const made = await lockedRound(anna.api);
    await read(bo.api, await anna.api.call('pakke.fuld', { tilsynId: made.tilsynId }));
    const result = await indlaes(bo.api, await anna.api.call('pakke.resultater', { tilsynId: made.tilsynId }));
    expect(result.runder).toMatchObject({ ny: 0, uaendret: 1 });
    expect(await bo.api.call('tilsyn.list', {})).toHaveLength(1);
  });
});
