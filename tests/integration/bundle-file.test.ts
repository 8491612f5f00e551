import fc from 'fast-check';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { bundleJson, readBundle, writeBundle } from '../../electron/backend/services/bundle-file';
import { ApiError } from '../../shared/api/errors';
import { MANIFEST_NAME } from '../../shared/domain/bundle';
import { z } from '../../shared/zod';

// The pakke's zip (issue #15): what is written is read back exactly; a pakke changed, damaged, of a newer format or
// not a pakke at all is refused with a Danish message, never with an internal error.

const head = {
  art: 'resultater' as const,
  oprettet: '2026-12-01T10:00:00.000Z',
  kilde: { filId: '0b7c9a52-3f0e-4a57-9a43-2f7d4f0b9d11', kommune: 'Esbjerg Kommune', forvaltning: 'Børn & Kultur' },
};
const members = {
  'runder.json': JSON.stringify([{ uid: 'a', andel: 0.8 }]),
  'skabeloner/3f2a.json': JSON.stringify({ navn: 'Børn og unge – overordnet', tekst: 'Æøå «»' }),
};
const good = () => writeBundle(head, members);

/** The pakke's members, changed by `change`, zipped again with the manifest as it was. */
function rezip(bytes: Uint8Array, change: (entries: Record<string, Uint8Array>) => void): Uint8Array {
  const entries = unzipSync(bytes);
  change(entries);
  return zipSync(entries);
}

const refusal = (bytes: Uint8Array) => {
  try {
    readBundle('runde.tilsyn', bytes);
  } catch (err) {
    if (err instanceof ApiError) return err.message;
    throw err;
  }
  return 'read';
};

describe('a pakke', () => {
  it('is read back exactly, and the same content always makes the same bytes', () => {
    const bundle = readBundle('runde.tilsyn', good());
    expect(bundle.manifest).toMatchObject({ format: 'tilsyn-pakke', version: 1, ...head });
    expect(bundle.manifest.filer.map((f) => f.navn)).toEqual(['runder.json', 'skabeloner/3f2a.json']);
    expect(
      bundleJson(bundle, 'runde.tilsyn', 'skabeloner/3f2a.json', z.object({ navn: z.string(), tekst: z.string() })),
    ).toEqual({ navn: 'Børn og unge – overordnet', tekst: 'Æøå «»' });
    expect(readBundle('x', good()).sha256).toBe(bundle.sha256);
  });

  it('changed after it was made is refused: a member altered, added or taken out', () => {
    const altered = rezip(good(), (e) => {
      e['runder.json'] = strToU8(JSON.stringify([{ uid: 'a', andel: 1 }]));
    });
    expect(refusal(altered)).toBe(
      '»runde.tilsyn« kan ikke indlæses: »runder.json« passer ikke til sit fingeraftryk. Pakken er ændret eller beskadiget.',
    );
    const added = rezip(good(), (e) => {
      e['ekstra.json'] = strToU8('{}');
    });
    expect(refusal(added)).toBe(
      '»runde.tilsyn« kan ikke indlæses: den indeholder »ekstra.json«, som ikke står i indholdsfortegnelsen. Den kan være ændret.',
    );
    const removed = rezip(good(), (e) => {
      delete e['runder.json'];
    });
    expect(refusal(removed)).toBe('»runde.tilsyn« kan ikke indlæses: »runder.json« mangler i pakken.');
  });

  it('of a newer format says so; one that is not a pakke says that', () => {
    const newer = rezip(good(), (e) => {
      const m = JSON.parse(Buffer.from(e[MANIFEST_NAME] ?? []).toString());
      e[MANIFEST_NAME] = strToU8(JSON.stringify({ ...m, version: 2, nyt: true }));
    });
    expect(refusal(newer)).toBe(
      '»runde.tilsyn« kan ikke indlæses: pakken er lavet med en nyere version af Tilsyn (pakkeformat 2; denne version læser 1). Opdatér Tilsyn, og indlæs den igen.',
    );
    expect(refusal(strToU8('Sagsnr.;Rådgiver\n1;Anna'))).toBe(
      '»runde.tilsyn« kan ikke indlæses: det er ikke en Tilsyn-pakke (filen er ikke en zip-fil, eller den er beskadiget).',
    );
    expect(refusal(zipSync({ 'a.txt': strToU8('x') }))).toContain('den har ingen indholdsfortegnelse');
    expect(refusal(zipSync({ [MANIFEST_NAME]: strToU8('{"format":"andet","version":1}') }))).toBe(
      '»runde.tilsyn« kan ikke indlæses: det er ikke en Tilsyn-pakke.',
    );
    expect(refusal(zipSync({ [MANIFEST_NAME]: strToU8('{"format":"tilsyn-pakke","version":1}') }))).toContain(
      'indholdsfortegnelse (manifest.json) er ikke gyldig',
    );
  });

  it('with more members than a pakke ever has is refused before it is unpacked', () => {
    const many: Record<string, Uint8Array> = {};
    for (let i = 0; i < 10_001; i++) many[`f${i}`] = new Uint8Array(0);
    expect(refusal(zipSync(many))).toBe('»runde.tilsyn« kan ikke indlæses: den fylder for meget, når den pakkes ud.');
  });

  it('refuses member names that climb out of the pakke', () => {
    expect(() => writeBundle(head, { '../evil.json': '{}' })).toThrow();
    const evil = rezip(good(), (e) => {
      const m = JSON.parse(Buffer.from(e[MANIFEST_NAME] ?? []).toString());
      m.filer.push({ navn: '../evil.json', sha256: 'a'.repeat(64), bytes: 2 });
      e[MANIFEST_NAME] = strToU8(JSON.stringify(m));
      e['../evil.json'] = strToU8('{}');
    });
    expect(refusal(evil)).toContain('er ikke gyldig');
  });

  it('damaged anywhere is refused in Danish or read unchanged, never an internal error (property)', () => {
    const bytes = good();
    const original = readBundle('x', bytes);
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: fc.nat({ max: bytes.length - 1 }), value: fc.integer({ min: 0, max: 255 }) }), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.option(fc.nat({ max: bytes.length }), { nil: undefined }),
        (flips, cut) => {
          const damaged = Uint8Array.from(bytes);
          for (const f of flips) damaged[f.at] = f.value;
          const input = cut === undefined ? damaged : damaged.subarray(0, cut);
          const outcome = refusal(input);
          if (outcome === 'read') {
            const read = readBundle('x', input);
            expect([...read.files.keys()]).toEqual([...original.files.keys()]);
            for (const [name, content] of read.files)
              expect(Buffer.from(content).equals(Buffer.from(original.files.get(name) ?? []))).toBe(true);
          } else expect(outcome).toMatch(/^»runde\.tilsyn« kan ikke indlæses: /);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('a pakke that lies about its members', () => {
  /** The pakke with `change` made to its manifest, and its members as `members` give them. */
  function lying(change: (m: { filer: { navn: string; bytes: number }[] }) => void, extra: Record<string, Uint8Array>) {
    return rezip(good(), (e) => {
      const m = JSON.parse(Buffer.from(e[MANIFEST_NAME] ?? []).toString());
      change(m);
      e[MANIFEST_NAME] = strToU8(JSON.stringify(m));
      Object.assign(e, extra);
    });
  }

  it('unpacking to far more than its manifest says is stopped, not unpacked to the end', () => {
    // 40 MB of zeros packs to some 40 kB: a member whose manifest says it holds 48 bytes.
    const bomb = lying(() => {}, { 'runder.json': new Uint8Array(40 * 1024 * 1024) });
    expect(bomb.length).toBeLessThan(100 * 1024);
    expect(refusal(bomb)).toBe('»runde.tilsyn« kan ikke indlæses: den fylder for meget, når den pakkes ud.');
    const claims = lying((m) => {
      for (const f of m.filer) f.bytes = 400 * 1024 * 1024;
    }, {});
    expect(refusal(claims)).toBe('»runde.tilsyn« kan ikke indlæses: den fylder for meget, når den pakkes ud.');
  });

  it('holding one member twice, or listing it twice, is refused', () => {
    const twice = lying((m) => {
      m.filer.push({ ...(m.filer[0] as { navn: string; bytes: number }) });
    }, {});
    expect(refusal(twice)).toBe(
      '»runde.tilsyn« kan ikke indlæses: dens indholdsfortegnelse nævner den samme fil to gange. Den kan være ændret.',
    );
    // Two entries of one name in the zip itself: the second one's name is made equal to the first one's.
    const zip = Buffer.from(rezip(good(), (e) => Object.assign(e, { 'runder.jsoX': strToU8('[]') })));
    const doubled = Buffer.from(zip.toString('latin1').replaceAll('runder.jsoX', 'runder.json'), 'latin1');
    expect(refusal(doubled)).toBe(
      '»runde.tilsyn« kan ikke indlæses: den indeholder »runder.json« to gange. Pakken er ændret eller beskadiget.',
    );
  });
});
