import { createHash } from 'node:crypto';
import type { BundleStore } from '../../../db/bundle-store';
import { ApiError } from '../../../shared/api/errors';
import { BUNDLE_EXTENSION, BUNDLE_KIND_LABELS } from '../../../shared/domain/bundle';
import {
  type BundleImportResult,
  type BundleRound,
  type BundleTemplate,
  bundleRoundsSchema,
  bundleTemplateSchema,
  ROUNDS_MEMBER,
  templateMember,
} from '../../../shared/domain/bundle-results';
import { formatDanishPeriod } from '../../../shared/domain/dates';
import { flattenTree, unitAndBelow, unitKey, unitTree } from '../../../shared/domain/enhed';
import type { GeneratedFile } from '../../../shared/domain/reports';
import { aggregateResults } from '../../../shared/domain/retention';
import { type TemplateContent, templateContentSchema } from '../../../shared/domain/template';
import { safeFileName, titlePart } from '../reports/file-name';
import { checkRounds, checkTemplate } from './bundle-check';
import { bundleJson, readBundle, writeBundle } from './bundle-file';
import type { ResultsService } from './results-service';
import type { Stores } from './stores';
import type { Units } from './units';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
/** A template's content as one text, whatever file it was stored in: what its fingerprint is taken of. */
const canonical = (content: unknown) => JSON.stringify(templateContentSchema.parse(content));

/**
 * Pakker (issue #15): a resultatpakke of a leader's afsluttede rounds, and reading one into another file (the
 * department's), where each round becomes a locked round of its enhed with its results as aggregates. The same
 * pakke twice changes nothing; a newer one of the same rounds brings them up to date.
 */
export function createBundles(stores: Stores, bundles: BundleStore, units: Units, results: ResultsService) {
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

  /** An enhed's path from the top, as names and levels. */
  function pathOf(enhedId: number) {
    const nodes = flattenTree(unitTree(stores.units.rows()));
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const path: { navn: string; niveau: (typeof nodes)[number]['niveau'] }[] = [];
    for (let n = byId.get(enhedId); n; n = n.foraelderId === null ? undefined : byId.get(n.foraelderId))
      path.unshift({ navn: n.navn, niveau: n.niveau });
    return path;
  }

  /** The enhed a round's path names here: found by its names (as they read), or made, level by level. */
  function placeUnit(path: BundleRound['enhed'], made: string[]): number {
    let parent: number | null = null;
    let id = 0;
    for (const step of path) {
      const found = stores.units.rows().find((u) => u.foraelderId === parent && unitKey(u.navn) === unitKey(step.navn));
      if (found) id = found.id;
      else {
        // Made unconfirmed: the leader of the department file sees it to confirm or merge under Enheder.
        id = stores.units.create({ navn: step.navn, niveau: step.niveau, foraelderId: parent }, false);
        made.push(step.navn);
      }
      parent = id;
    }
    return id;
  }

  /** The template version a round used, found here by its content, or added (in its family) as it came. */
  function placeTemplate(
    t: BundleTemplate,
    indhold: string,
    from: string,
    made: string[],
    local: () => Map<string, number>,
  ): number {
    const same = local().get(indhold);
    if (same !== undefined) return same;
    const known = bundles.templateByUid(t.uid);
    if (known) {
      const taken = known.numbers.get(t.nummer);
      if (taken !== undefined)
        throw new ApiError(
          'CONFLICT',
          `Skabelonen »${t.navn}« version ${t.nummer} findes allerede her med et andet indhold, så runderne kan ikke placeres. Pakken kan være lavet fra en kopi af den fil, skabelonen kom fra.`,
        );
      return bundles.addVersion(known.id, t.nummer, indhold);
    }
    const kopiAf = t.standardId ? (bundles.standardTemplateId(t.standardId) ?? null) : null;
    // Two templates of one name in the list would be told apart by nothing: the newcomer says where it came from.
    let navn = t.navn;
    for (let n = 1; bundles.templateNameTaken(navn); n++)
      navn = `${t.navn.slice(0, 140)} (${from.slice(0, 50)}${n > 1 ? `, ${n}` : ''})`;
    const id = bundles.createTemplate({ ...t, navn, kopiAf });
    made.push(navn);
    return bundles.addVersion(id, t.nummer, indhold);
  }

  return {
    /** A resultatpakke: the rounds' aggregates and their templates, nothing about a sag or a person. */
    exportResults(request: { tilsynId: number } | { enhedId: number; fra: string; til: string }): GeneratedFile {
      const rounds = roundsOf(request);
      const fileId = bundles.fileId();
      const members: Record<string, string> = {};
      const out: BundleRound[] = rounds.map((t) => {
        const version = bundles.versionText(t.skabelonVersionId);
        if (!version) throw new ApiError('NOT_FOUND', 'Tilsynets skabelon findes ikke.');
        const indhold = canonical(JSON.parse(version.indhold));
        const hash = sha256(indhold);
        const meta = stores.templates.get(version.skabelonId);
        const template: BundleTemplate = {
          uid: bundles.uidOf('skabelon', version.skabelonId) ?? `${fileId}:${version.skabelonId}`,
          navn: meta.name,
          omraade: meta.area,
          beskrivelse: meta.description ?? '',
          standardId: bundles.familyStandardId(version.skabelonId),
          nummer: version.nummer,
          indhold: JSON.parse(indhold),
        };
        members[templateMember(hash)] = JSON.stringify(template);
        // A round that came in a pakke is sent on with the id it came with: where both arrive it is one round.
        const came = bundles.uidOf('tilsyn', t.id);
        return {
          uid: came ?? `${fileId}:${t.id}`,
          ...(came ? { videresendt: true as const } : {}),
          periodeFra: t.periodeFra,
          periodeTil: t.periodeTil,
          form: t.form,
          afsluttetDato: t.afsluttetDato ?? t.aendret.slice(0, 10),
          baseline: stores.results.summary(t.id).baseline,
          afsnit: t.afsnit,
          enhed: pathOf(t.enhedId ?? 0),
          skabelon: templateMember(hash),
          resultater: aggregateResults(results.ownResultsOf(t.id)),
          maal: stores.results.frozenGoals(t.id) ?? [],
        };
      });
      members[ROUNDS_MEMBER] = JSON.stringify(out);
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
      const enhed = 'enhedId' in request ? last(pathOf(request.enhedId)) : last(out[0]?.enhed ?? []);
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
      if (manifest.art !== 'resultater')
        throw new ApiError(
          'VALIDATION',
          `»${fileName}« er en ${BUNDLE_KIND_LABELS[manifest.art]}. Her indlæses resultatpakker; denne slags pakke kan denne version af Tilsyn ikke indlæse endnu.`,
        );
      const here = bundles.knownFileId();
      if (manifest.kilde.filId === here)
        throw new ApiError(
          'CONFLICT',
          `»${fileName}« er lavet fra netop denne fil, så runderne er her allerede. Indlæs den i afdelingens fil.`,
        );
      const rounds = bundleJson(bundle, fileName, ROUNDS_MEMBER, bundleRoundsSchema);
      const templates = new Map<string, { t: BundleTemplate; content: TemplateContent; indhold: string }>();
      for (const member of new Set(rounds.map((r) => r.skabelon))) {
        const t = bundleJson(bundle, fileName, member, bundleTemplateSchema) as BundleTemplate;
        const content = checkTemplate(fileName, t);
        const indhold = canonical(content);
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
        enheder: [],
        skabeloner: [],
        fra: { kommune: manifest.kilde.kommune, forvaltning: manifest.kilde.forvaltning, oprettet: manifest.oprettet },
      };
      // This file's published versions by their content, read once; each template of the pakke placed once.
      let local: Map<string, number> | undefined;
      const localVersions = () => {
        local ??= new Map(bundles.publishedVersions().map((v) => [canonical(JSON.parse(v.indhold)), v.id]));
        return local;
      };
      const placedVersions = new Map<string, number>();
      const placedUnits = new Map<string, number>();
      const versionOf = (member: string, placed: { t: BundleTemplate; indhold: string }) => {
        let id = placedVersions.get(member);
        if (id === undefined) {
          id = placeTemplate(placed.t, placed.indhold, from, result.skabeloner, localVersions);
          placedVersions.set(member, id);
        }
        return id;
      };
      sqlite.transaction(() => {
        for (const r of rounds) {
          const hash = sha256(JSON.stringify(r));
          const existing = bundles.roundByUid(r.uid);
          // A round of this file sent back here, or one it has as it comes: nothing to do.
          if ((here && r.uid.startsWith(`${here}:`)) || existing?.hash === hash) {
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
          const pathKey = r.enhed.map((e) => unitKey(e.navn)).join('\u0000');
          const enhedId = placedUnits.get(pathKey) ?? placeUnit(r.enhed, result.enheder);
          placedUnits.set(pathKey, enhedId);
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
      })();
      return result;
    },
  };
}

export type Bundles = ReturnType<typeof createBundles>;
