import { createHash } from 'node:crypto';
import type { BundleStore } from '../../../db/bundle-store';
import { ApiError } from '../../../shared/api/errors';
import { BUNDLE_EXTENSION } from '../../../shared/domain/bundle';
import {
  FULL_MEMBER,
  FULL_SYNC_MEMBER,
  type FullTilsyn,
  fullSyncSchema,
  fullTilsynSchema,
  sentReportMember,
} from '../../../shared/domain/bundle-full';
import { fullProblem, fullTemplateProblem } from '../../../shared/domain/bundle-full-checks';
import {
  type FullChoice,
  type FullImportResult,
  fullOutcome,
  lastChangeOf,
} from '../../../shared/domain/bundle-full-sync';
import { type BundleTemplate, bundleTemplateSchema, importedRoundRefusal } from '../../../shared/domain/bundle-results';
import { cprProblems } from '../../../shared/domain/cpr-guard';
import type { GeneratedFile } from '../../../shared/domain/reports';
import { safeFileName, titlePart } from '../reports/file-name';
import { checkTemplate } from './bundle-check';
import { bundleJson, type ReadBundle, readBundle, writeBundle, wrongKind } from './bundle-file';
import { canonicalTemplate, type Placing } from './bundle-placing';
import type { Stores } from './stores';

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');
const refuse = (fileName: string, why: string) =>
  new ApiError('VALIDATION', `»${fileName}« kan ikke indlæses: ${why} Pakken er ændret eller beskadiget.`);
/**
 * The fields that are fingerprints or ids, not texts (a hex string may hold ten digits in a row), by their whole
 * path: a key of the same name inside a JSON column someone wrote is a text like any other.
 */
const NOT_TEXT = new Set([
  'tilsyn.uid',
  'tilsyn.skabelon',
  'tilsyn.population.filHash',
  'tilsyn.population.indholdHash',
  'tilsyn.stikproeve.populationHash',
  'tilsyn.godkendte.#.tekstHash',
  'tilsyn.afsendelser.#.sha256',
]);
const pathKey = (path: (string | number)[]) => path.map((p) => (typeof p === 'number' ? '#' : p)).join('.');
/** »%PDF-«: how every PDF begins. */
const isPdf = (b: Uint8Array) => b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46 && b[4] === 0x2d;

/** The tilsyn with every JSON column's text replaced by what it holds, so its strings are checked as they read. */
function parsedColumns(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(parsedColumns);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, parsedColumns(v)]));
  if (typeof value === 'string' && /^\s*[[{]/.test(value)) {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value;
    }
  }
  return value;
}

/**
 * Fulde pakker (issue #15): a tilsyn with everything it holds, sent to another file or leader, and read back. The
 * tilsyn keeps its uid, so a pakke of it updates it; when it was changed both where the pakke was made and here, the
 * leader chooses: keep this file's, take the pakke's, or keep both as two tilsyn.
 */
export function createFullBundles(stores: Stores, bundles: BundleStore, placing: Placing) {
  const { sqlite } = stores.db;
  const full = stores.fuld;

  /**
   * The tilsyn here as a pakke would carry it, with its uid and its template's member. Parsed by the pakke's schema,
   * its text is in the schema's order, as a pakke's is when read: the one text its fingerprint is taken of.
   */
  function current(tilsynId: number, uid: string) {
    const read = full.read(tilsynId, uid);
    const { member, template } = placing.templateOf(read.templateVersionId);
    const parsed = fullTilsynSchema.safeParse({ ...read.tilsyn, skabelon: member });
    // What this file holds and a pakke cannot carry (a field longer than a pakke allows) is said, not thrown.
    if (!parsed.success) {
      const where = (parsed.error.issues[0]?.path ?? []).map((p) =>
        typeof p === 'number' ? `nr. ${p + 1}` : String(p),
      );
      throw new ApiError(
        'CONFLICT',
        `»${stores.requireTilsyn(tilsynId).titel}« kan ikke sendes som en fuld pakke: ${where.join(' › ') || 'tilsynet'} har noget, en pakke ikke kan rumme.`,
      );
    }
    const tilsyn = parsed.data;
    return { ...read, tilsyn, indhold: JSON.stringify(tilsyn), member, template };
  }

  function exportable(tilsynId: number) {
    const t = stores.requireTilsyn(tilsynId);
    if (t.indlaest)
      throw new ApiError('CONFLICT', importedRoundRefusal(t.titel, 'kan den ikke sendes som en fuld pakke'));
    if (full.caseDataDeleted(tilsynId))
      throw new ApiError(
        'CONFLICT',
        `Sagerne i »${t.titel}« er slettet efter reglerne for opbevaring, så kun rundens resultater kan sendes (som en resultatpakke).`,
      );
    if (t.enhedId === null) throw new ApiError('CONFLICT', `Vælg først, hvilken enhed »${t.titel}« hører til.`);
    return t;
  }

  /** The pakke's members read and checked: the tilsyn, where it belongs, its template and its sent reports. */
  function readFull(fileName: string, bundle: ReadBundle) {
    const f = bundleJson(bundle, fileName, FULL_MEMBER, fullTilsynSchema) as FullTilsyn;
    const sync = bundleJson(bundle, fileName, FULL_SYNC_MEMBER, fullSyncSchema);
    const problem = fullProblem(f);
    if (problem) throw refuse(fileName, `${problem}.`);
    const t = bundleJson(bundle, fileName, f.skabelon, bundleTemplateSchema) as BundleTemplate;
    const content = checkTemplate(fileName, t);
    const indhold = canonicalTemplate(content);
    if (`skabeloner/${sha256(indhold)}.json` !== f.skabelon)
      throw refuse(fileName, `skabelonen »${t.navn}« passer ikke til sit fingeraftryk.`);
    const misfit = fullTemplateProblem(f, content);
    if (misfit) throw refuse(fileName, `${misfit}.`);
    const pdfs = new Map<string, Uint8Array>();
    for (const a of f.afsendelser) {
      const pdf = bundle.files.get(sentReportMember(a.sha256));
      if (!pdf || sha256(pdf) !== a.sha256) throw refuse(fileName, `udvalgsrapporten sendt ${a.dato} mangler.`);
      if (!isPdf(pdf) || !a.filnavn.toLowerCase().endsWith('.pdf'))
        throw refuse(fileName, `udvalgsrapporten sendt ${a.dato} er ikke en PDF-fil.`);
      pdfs.set(a.sha256, pdf);
    }
    // Every text as it will be read: JSON columns parsed (an escaped »\u0030« is a digit once read), the template
    // and the names the pakke says it comes from.
    const texts = {
      tilsyn: parsedColumns(f),
      enhed: sync.enhed,
      template: { ...t, uid: '' },
      kilde: [bundle.manifest.kilde.kommune, bundle.manifest.kilde.forvaltning],
    };
    const skip = (path: (string | number)[]) => NOT_TEXT.has(pathKey(path));
    if (cprProblems(texts, skip).length > 0)
      throw new ApiError('VALIDATION', `»${fileName}« indeholder noget, der ligner et CPR-nummer, og indlæses ikke.`);
    const expected = new Set([
      FULL_MEMBER,
      FULL_SYNC_MEMBER,
      f.skabelon,
      ...f.afsendelser.map((a) => sentReportMember(a.sha256)),
    ]);
    const extra = [...bundle.files.keys()].find((name) => !expected.has(name));
    if (extra) throw refuse(fileName, `den indeholder »${extra}«, som ikke hører til et tilsyn.`);
    return { f, sync, template: { ...t, indhold: content }, templateText: indhold, pdfs };
  }

  return {
    /** Everything of a tilsyn as one file; the version sent becomes the one this file shares with the receiver. */
    exportFull(tilsynId: number): GeneratedFile {
      const t = exportable(tilsynId);
      const fileId = bundles.fileId();
      const uid = full.uidOf(tilsynId) ?? `${fileId}:${tilsynId}`;
      const taken = full.byUid(uid, undefined);
      if (taken !== undefined && taken !== tilsynId)
        throw new ApiError(
          'CONFLICT',
          `»${t.titel}« har samme nummer som »${stores.requireTilsyn(taken).titel}«, der kom hertil i en pakke (filen kan være gendannet fra en sikkerhedskopi), så det kan ikke sendes som en fuld pakke. Kontakt IT-supporten.`,
        );
      const c = current(tilsynId, uid);
      const hash = sha256(c.indhold);
      const historik = [...new Set([...(full.syncState(tilsynId)?.historik ?? []), hash])];
      const members: Record<string, string | Uint8Array> = {
        [FULL_MEMBER]: c.indhold,
        [FULL_SYNC_MEMBER]: JSON.stringify({ enhed: placing.pathOf(t.enhedId ?? 0), historik }),
        [c.member]: JSON.stringify(c.template),
      };
      for (const [sha, pdf] of c.pdfs) members[sentReportMember(sha)] = pdf;
      const settings = stores.results.settings();
      const bytes = writeBundle(
        {
          art: 'fuld',
          oprettet: new Date().toISOString(),
          kilde: { filId: fileId, kommune: settings.kommune, forvaltning: settings.forvaltning },
        },
        members,
      );
      full.saveSyncState(tilsynId, uid, { lokal: hash, basis: hash, historik });
      return {
        fileName: safeFileName(`Tilsyn ${titlePart(t.titel)}${BUNDLE_EXTENSION}`),
        mimeType: 'application/zip',
        dataBase64: bytes.toString('base64'),
      };
    },

    /**
     * Reads a fuld pakke: a tilsyn new here is added, one not changed here since it was last shared is brought up to
     * date, one changed both here and there waits for `valg` (nothing is changed until the leader chooses).
     */
    importFull(fileName: string, bytes: Uint8Array, valg?: FullChoice): FullImportResult {
      const bundle = readBundle(fileName, bytes);
      const { manifest } = bundle;
      if (manifest.art !== 'fuld') throw wrongKind(fileName, manifest.art, 'en fuld pakke');
      const { f, sync, template, templateText, pdfs } = readFull(fileName, bundle);
      if (bundles.roundByUid(f.uid))
        throw new ApiError(
          'CONFLICT',
          `»${f.tilsyn.titel}« er her allerede som en runde fra en resultatpakke, så det kan ikke også indlæses med alle sager.`,
        );
      const indhold = JSON.stringify(f);
      const hash = sha256(indhold);
      const here = bundles.knownFileId();
      const localId = full.byUid(f.uid, here);
      const ownNumber = here && f.uid.startsWith(`${here}:`) ? Number(f.uid.slice(here.length + 1)) : null;
      // A number this file never gave a tilsyn: the pakke cannot be of one made here.
      if (localId === undefined && ownNumber !== null && ownNumber > full.lastTilsynId())
        throw refuse(fileName, 'den siger, at tilsynet er lavet i denne fil, men det har aldrig været her.');
      if (localId !== undefined && full.caseDataDeleted(localId))
        throw new ApiError(
          'CONFLICT',
          `Sagerne i »${stores.requireTilsyn(localId).titel}« er slettet her efter reglerne for opbevaring, så pakken med sagerne indlæses ikke.`,
        );
      const local = localId === undefined ? null : current(localId, f.uid);
      const synk = localId === undefined ? null : full.syncState(localId);
      const outcome = fullOutcome(local && { indhold: sha256(local.indhold), synk }, {
        indhold: hash,
        historik: sync.historik,
      });
      const from = [manifest.kilde.kommune, manifest.kilde.forvaltning].filter(Boolean).join(', ') || 'en anden fil';
      const result: FullImportResult = {
        udfald: outcome,
        tilsynId: localId ?? null,
        titel: f.tilsyn.titel,
        titelHer: local ? local.tilsyn.tilsyn.titel : null,
        aendret: { her: local ? lastChangeOf(local.tilsyn) : null, pakken: lastChangeOf(f) },
        fra: { kommune: manifest.kilde.kommune, forvaltning: manifest.kilde.forvaltning, oprettet: manifest.oprettet },
        enheder: [],
        skabeloner: [],
      };
      if (outcome === 'uaendret' || outcome === 'aeldre' || (outcome === 'konflikt' && !valg)) return result;
      const known = (more: readonly string[]) => [...new Set([...(synk?.historik ?? []), ...more, hash])];
      sqlite.transaction(() => {
        const place = () => ({
          enhedId: placing.placeUnit(sync.enhed, result.enheder),
          skabelonVersionId: placing.placeTemplate(
            template,
            templateText,
            from,
            result.skabeloner,
            placing.localVersions(),
          ),
        });
        const written = (id: number, uid: string) => sha256(current(id, uid).indhold);
        if (outcome === 'ny') {
          const id = full.write(f, pdfs, place(), null);
          full.saveSyncState(id, f.uid, { lokal: written(id, f.uid), basis: hash, historik: known(sync.historik) });
          result.tilsynId = id;
        } else if (localId === undefined) {
          throw new Error('unreachable: a tilsyn to update without one here');
        } else if (outcome === 'opdateret' || valg === 'tag_pakkens') {
          full.write(f, pdfs, place(), localId);
          full.saveSyncState(localId, f.uid, {
            lokal: written(localId, f.uid),
            basis: hash,
            historik: known(sync.historik),
          });
          result.udfald = outcome === 'opdateret' ? 'opdateret' : 'tag_pakkens';
        } else {
          // Kept as it is here: the pakke's version is known from now on (the same pakke again changes nothing).
          const mine = sha256(local?.indhold ?? '');
          full.saveSyncState(localId, f.uid, {
            lokal: synk?.lokal ?? mine,
            basis: synk?.basis ?? mine,
            historik: known([]),
          });
          result.udfald = valg === 'behold_begge' ? 'behold_begge' : 'behold_her';
          if (valg === 'behold_begge') {
            const titel = `${f.tilsyn.titel.slice(0, 280)} (fra pakke)`;
            result.tilsynId = full.write({ ...f, tilsyn: { ...f.tilsyn, titel } }, pdfs, place(), null);
          }
        }
      })();
      return result;
    },
  };
}

export type FullBundles = ReturnType<typeof createFullBundles>;
