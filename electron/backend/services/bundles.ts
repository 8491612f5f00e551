import { createHash } from 'node:crypto';
import type { BundleStore } from '../../../db/bundle-store';
import { ApiError } from '../../../shared/api/errors';
import { BUNDLE_EXTENSION } from '../../../shared/domain/bundle';
import {
  type BundleImportResult,
  type BundleRound,
  type BundleTemplate,
  bundleRoundsSchema,
  bundleTemplateSchema,
  ROUNDS_MEMBER,
  templateMember,
} from '../../../shared/domain/bundle-results';
import { bundleCoverageSchema, COVERAGE_MEMBER } from '../../../shared/domain/coverage-figures';
import { formatDanishPeriod } from '../../../shared/domain/dates';
import { unitAndBelow, unitKey } from '../../../shared/domain/enhed';
import type { GeneratedFile } from '../../../shared/domain/reports';
import { aggregateResults } from '../../../shared/domain/retention';
import type { TemplateContent } from '../../../shared/domain/template';
import { safeFileName, titlePart } from '../reports/file-name';
import { checkRounds, checkTemplate } from './bundle-check';
import type { BundleCoverageService } from './bundle-coverage';
import { bundleJson, readBundle, writeBundle, wrongKind } from './bundle-file';
import { canonicalTemplate, type Placing } from './bundle-placing';
import type { ResultsService } from './results-service';
import type { Stores } from './stores';
import type { Units } from './units';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * Pakker (issue #15): a resultatpakke of a leader's afsluttede rounds, and reading one into another file (the
 * department's), where each round becomes a locked round of its enhed with its results as aggregates. The same
 * pakke twice changes nothing; a newer one of the same rounds brings them up to date.
 */
export function createBundles(
  stores: Stores,
  bundles: BundleStore,
  units: Units,
  results: ResultsService,
  placing: Placing,
  coverage: BundleCoverageService,
) {
  const { sqlite } = stores.db;

  /** The afsluttede rounds asked for: one tilsyn, or an enhed's (and those below it) ending in fra-til. */
  function roundsOf(request: { tilsynId: number } | { enhedId: number; fra: string; til: string }) {
    if ('tilsynId' in request) {
      const t = stores.requireTilsyn(request.tilsynId);
      if (t.status !== 'afsluttet')
        throw new ApiError('CONFLICT', 'Kun afsluttede runder kan sendes som resultater. Afslut tilsynet først.');
      return [t];
    }
    const unit = units.require(request.enhedId);
    const ids = unitAndBelow(stores.units.rows(), request.enhedId);
    const rounds = stores.tilsyn
      .list()
      .filter(
        (t) =>
          t.enhedId !== null &&
          ids.has(t.enhedId) &&
          t.status === 'afsluttet' &&
          t.periodeTil >= request.fra &&
          t.periodeTil <= request.til,
      );
    if (rounds.length === 0)
      throw new ApiError(
        'CONFLICT',
        `${unit.navn} har ingen afsluttede runder, hvis periode slutter mellem ${formatDanishPeriod(request.fra, request.til).replace('–', ' og ')}.`,
      );
    return rounds;
  }

  return {
    /** A resultatpakke: the rounds' aggregates and their templates, nothing about a sag or a person. */
    exportResults(request: { tilsynId: number } | { enhedId: number; fra: string; til: string }): GeneratedFile {
      const rounds = roundsOf(request);
      const fileId = bundles.fileId();
      const members: Record<string, string> = {};
      const out: BundleRound[] = rounds.map((t) => {
        const { member, template } = placing.templateOf(t.skabelonVersionId);
        members[member] = JSON.stringify(template);
        // A round that came in a pakke, or a tilsyn moved here in a fuld pakke, is sent on with the id it came with:
        // where both arrive it is one round.
        const moved = stores.fuld.uidOf(t.id);
        const came = bundles.uidOf('tilsyn', t.id) ?? (moved?.startsWith(`${fileId}:`) === false ? moved : null);
        return {
          uid: came ?? `${fileId}:${t.id}`,
          ...(came ? { videresendt: true as const } : {}),
          periodeFra: t.periodeFra,
          periodeTil: t.periodeTil,
          form: t.form,
          afsluttetDato: t.afsluttetDato ?? t.aendret.slice(0, 10),
          baseline: stores.results.summary(t.id).baseline,
          afsnit: t.afsnit,
          enhed: placing.pathOf(t.enhedId ?? 0),
          skabelon: member,
          resultater: aggregateResults(results.ownResultsOf(t.id)),
          maal: stores.results.frozenGoals(t.id) ?? [],
        };
      });
      members[ROUNDS_MEMBER] = JSON.stringify(out);
      // The enheder's coverage as this file counts it, per quarter and year: numbers, never names.
      const daekning = coverage.member(rounds, placing.pathOf);
      if (daekning.length > 0) members[COVERAGE_MEMBER] = JSON.stringify(daekning);
      const settings = stores.results.settings();
      const bytes = writeBundle(
        {
          art: 'resultater',
          oprettet: new Date().toISOString(),
          kilde: { filId: fileId, kommune: settings.kommune, forvaltning: settings.forvaltning },
        },
        members,
      );
      // »Resultater Team Nord 01.01.2026–31.03.2026.tilsyn«: the enhed and the period the rounds span.
      const last = (path: BundleRound['enhed']) => titlePart(path[path.length - 1]?.navn ?? '');
      const enhed = 'enhedId' in request ? last(placing.pathOf(request.enhedId)) : last(out[0]?.enhed ?? []);
      const span =
        'fra' in request
          ? formatDanishPeriod(request.fra, request.til)
          : formatDanishPeriod(out[0]?.periodeFra ?? '', out[0]?.periodeTil ?? '');
      const name = `Resultater ${enhed} ${span}`;
      return {
        fileName: safeFileName(`${name.trim()}${BUNDLE_EXTENSION}`),
        mimeType: 'application/zip',
        dataBase64: bytes.toString('base64'),
      };
    },

    /** Reads a pakke into this file: all or nothing, said in Danish what it did. */
    importBundle(fileName: string, bytes: Uint8Array): BundleImportResult {
      const bundle = readBundle(fileName, bytes);
      const { manifest } = bundle;
      if (manifest.art !== 'resultater') throw wrongKind(fileName, manifest.art, 'en resultatpakke');
      const here = bundles.knownFileId();
      if (manifest.kilde.filId === here)
        throw new ApiError(
          'CONFLICT',
          `»${fileName}« er lavet fra netop denne fil, så runderne er her allerede. Indlæs den i afdelingens fil.`,
        );
      const rounds = bundleJson(bundle, fileName, ROUNDS_MEMBER, bundleRoundsSchema);
      // Pakker made before coverage travelled have none.
      const daekning = bundle.files.has(COVERAGE_MEMBER)
        ? bundleJson(bundle, fileName, COVERAGE_MEMBER, bundleCoverageSchema)
        : [];
      const templates = new Map<string, { t: BundleTemplate; content: TemplateContent; indhold: string }>();
      for (const member of new Set(rounds.map((r) => r.skabelon))) {
        const t = bundleJson(bundle, fileName, member, bundleTemplateSchema) as BundleTemplate;
        const content = checkTemplate(fileName, t);
        const indhold = canonicalTemplate(content);
        if (templateMember(sha256(indhold)) !== member)
          throw new ApiError(
            'VALIDATION',
            `»${fileName}« kan ikke indlæses: skabelonen »${t.navn}« passer ikke til sit fingeraftryk. Pakken er ændret eller beskadiget.`,
          );
        templates.set(member, { t: { ...t, indhold: content }, content, indhold });
      }
      checkRounds(fileName, manifest, rounds, templates);
      const from = [manifest.kilde.kommune, manifest.kilde.forvaltning].filter(Boolean).join(', ') || 'en anden fil';
      const result: BundleImportResult = {
        runder: { ny: 0, opdateret: 0, uaendret: 0, aeldre: 0, andenFil: 0 },
        daekning: { enheder: 0, perioder: 0 },
        enheder: [],
        skabeloner: [],
        fra: { kommune: manifest.kilde.kommune, forvaltning: manifest.kilde.forvaltning, oprettet: manifest.oprettet },
      };
      // This file's published versions by their content, read once; each template of the pakke placed once.
      const localVersions = placing.localVersions();
      const placedVersions = new Map<string, number>();
      const placedUnits = new Map<string, number>();
      const unitFor = (path: BundleRound['enhed']) => {
        const pathKey = path.map((e) => unitKey(e.navn)).join('\u0000');
        const id = placedUnits.get(pathKey) ?? placing.placeUnit(path, result.enheder);
        placedUnits.set(pathKey, id);
        return id;
      };
      const versionOf = (member: string, placed: { t: BundleTemplate; indhold: string }) => {
        let id = placedVersions.get(member);
        if (id === undefined) {
          id = placing.placeTemplate(placed.t, placed.indhold, from, result.skabeloner, localVersions);
          placedVersions.set(member, id);
        }
        return id;
      };
      sqlite.transaction(() => {
        for (const r of rounds) {
          const hash = sha256(JSON.stringify(r));
          const existing = bundles.roundByUid(r.uid);
          // A round of this file sent back here, one it has with all its sager (it came in a fuld pakke), or one it
          // has as it comes: nothing to do.
          if (
            (here && r.uid.startsWith(`${here}:`)) ||
            stores.fuld.byUid(r.uid, here) !== undefined ||
            existing?.hash === hash
          ) {
            result.runder.uaendret++;
            continue;
          }
          // Only the file it came from brings a round up to date, and not with a pakke older than the one it came in.
          if (existing && existing.fil !== null && existing.fil !== manifest.kilde.filId) {
            result.runder.andenFil++;
            continue;
          }
          if (existing?.tid && existing.tid > manifest.oprettet) {
            result.runder.aeldre++;
            continue;
          }
          const placed = templates.get(r.skabelon);
          if (!placed) throw new ApiError('VALIDATION', `»${fileName}« kan ikke indlæses: en skabelon mangler.`);
          const enhedId = unitFor(r.enhed);
          const enhed = r.enhed[r.enhed.length - 1]?.navn ?? '';
          bundles.saveRound(
            {
              uid: r.uid,
              hash,
              kildeFil: manifest.kilde.filId,
              kildeTid: manifest.oprettet,
              titel: `${enhed} ${formatDanishPeriod(r.periodeFra, r.periodeTil)} (indlæst)`,
              enhed,
              enhedId,
              periodeFra: r.periodeFra,
              periodeTil: r.periodeTil,
              form: r.form,
              skabelonVersionId: versionOf(r.skabelon, placed),
              afsnit: r.afsnit,
              afsluttetAf: `Indlæst fra ${from}`,
              afsluttetDato: r.afsluttetDato,
              baseline: r.baseline,
              maal: JSON.stringify(r.maal),
              resultater: r.resultater,
            },
            existing?.id ?? null,
            `Indlæst fra ${from}`,
          );
          if (existing) result.runder.opdateret++;
          else result.runder.ny++;
        }
        result.daekning = coverage.read(fileName, manifest.oprettet, daekning, unitFor, rounds);
      })();
      return result;
    },
  };
}

export type Bundles = ReturnType<typeof createBundles>;
