import { createHash } from 'node:crypto';
import type { BundleStore } from '../../../db/bundle-store';
import { ApiError } from '../../../shared/api/errors';
import { type BundleRound, type BundleTemplate, templateMember } from '../../../shared/domain/bundle-results';
import { flattenTree, unitKey, unitTree } from '../../../shared/domain/enhed';
import { templateContentSchema } from '../../../shared/domain/template';
import type { Stores } from './stores';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
/** A template's content as one text, whatever file it was stored in: what its fingerprint is taken of. */
export const canonicalTemplate = (content: unknown) => JSON.stringify(templateContentSchema.parse(content));

/**
 * Where what a pakke carries belongs (issue #15): an enhed by its path of names, a template version by its content,
 * both ways: as a pakke names them when it is made, and found or made here when it is read.
 */
export function createPlacing(stores: Stores, bundles: BundleStore) {
  return {
    /** An enhed's path from the top, as names and levels. */
    pathOf(enhedId: number): BundleRound['enhed'] {
      const nodes = flattenTree(unitTree(stores.units.rows()));
      const byId = new Map(nodes.map((n) => [n.id, n]));
      const path: BundleRound['enhed'] = [];
      for (let n = byId.get(enhedId); n; n = n.foraelderId === null ? undefined : byId.get(n.foraelderId))
        path.unshift({ navn: n.navn, niveau: n.niveau });
      return path;
    },

    /** A template version as a pakke carries it: the member's name (by its content's fingerprint) and the member. */
    templateOf(versionId: number): { member: string; template: BundleTemplate } {
      const version = bundles.versionText(versionId);
      if (!version) throw new ApiError('NOT_FOUND', 'Tilsynets skabelon findes ikke.');
      const indhold = canonicalTemplate(JSON.parse(version.indhold));
      const meta = stores.templates.get(version.skabelonId);
      return {
        member: templateMember(sha256(indhold)),
        template: {
          uid: bundles.uidOf('skabelon', version.skabelonId) ?? `${bundles.fileId()}:${version.skabelonId}`,
          navn: meta.name,
          omraade: meta.area,
          beskrivelse: meta.description ?? '',
          standardId: bundles.familyStandardId(version.skabelonId),
          nummer: version.nummer,
          indhold: JSON.parse(indhold),
        },
      };
    },

    /** The enhed a path names here: found by its names (as they read), or made, level by level. */
    placeUnit(path: BundleRound['enhed'], made: string[]): number {
      let parent: number | null = null;
      let id = 0;
      for (const step of path) {
        const found = stores.units
          .rows()
          .find((u) => u.foraelderId === parent && unitKey(u.navn) === unitKey(step.navn));
        if (found) id = found.id;
        else {
          // Made unconfirmed: the leader of the file sees it to confirm or merge under Enheder.
          id = stores.units.create({ navn: step.navn, niveau: step.niveau, foraelderId: parent }, false);
          made.push(step.navn);
        }
        parent = id;
      }
      return id;
    },

    /** The template version a pakke used, found here by its content, or added (in its family) as it came. */
    placeTemplate(
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
            `Skabelonen »${t.navn}« version ${t.nummer} findes allerede her med et andet indhold, så pakken kan ikke placeres. Den kan være lavet fra en kopi af den fil, skabelonen kom fra.`,
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
    },

    /** This file's published versions by their content, read once when first asked. */
    localVersions(): () => Map<string, number> {
      let local: Map<string, number> | undefined;
      return () => {
        local ??= new Map(bundles.publishedVersions().map((v) => [canonicalTemplate(JSON.parse(v.indhold)), v.id]));
        return local;
      };
    },
  };
}

export type Placing = ReturnType<typeof createPlacing>;
