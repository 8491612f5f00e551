import { z } from '../zod';

/**
 * A pakke (issue #15): the one file that carries tilsyn between leaders' files and to the department's, the way
 * offline tools move data without a server. A zip holding `manifest.json` and the files it lists, each with its
 * SHA-256: a file changed, added or taken out after the pakke was made is refused. The hashes guard against damage
 * and tampering on the way, not against someone who rewrites the manifest too (there is no signature).
 */

export const BUNDLE_FORMAT = 'tilsyn-pakke';
/** The format this version of Tilsyn writes and reads; a pakke of a newer one is refused with a Danish message. */
export const BUNDLE_VERSION = 1;
export const BUNDLE_EXTENSION = '.tilsyn';
export const MANIFEST_NAME = 'manifest.json';

/**
 * resultater: aggregates only, as the committee report (for the department); fuld: everything of a tilsyn (to
 * another file or leader); selvevaluering: one caseworker's sager and the template; anden_gennemgang: the sager of a
 * second review and the template, blind (issue #16); svar: the answers of either, back to the leader.
 */
export const BUNDLE_KINDS = ['resultater', 'fuld', 'selvevaluering', 'anden_gennemgang', 'svar'] as const;
export type BundleKind = (typeof BUNDLE_KINDS)[number];
export const BUNDLE_KIND_LABELS: Record<BundleKind, string> = {
  resultater: 'resultatpakke',
  fuld: 'fuld pakke',
  selvevaluering: 'selvevalueringspakke',
  anden_gennemgang: 'pakke til anden gennemgang',
  svar: 'svarpakke',
};

/** A member's name: lower-case words, digits, dots, dashes and folders; nothing that climbs out (»../«). */
const MEMBER_NAME = /^(?!.*\.\.)[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*$/;
const text = (max: number) => z.string().max(max);

export const bundleManifestSchema = z
  .object({
    format: z.literal(BUNDLE_FORMAT),
    version: z.literal(BUNDLE_VERSION),
    art: z.enum(BUNDLE_KINDS),
    /** When it was made (ISO timestamp). */
    oprettet: z.string().datetime(),
    /** The file it was made from: its stable id, and the municipality's names as set there. */
    kilde: z.object({ filId: z.string().uuid(), kommune: text(200), forvaltning: text(200) }).strict(),
    filer: z
      .array(
        z
          .object({
            navn: z.string().max(200).regex(MEMBER_NAME),
            sha256: z.string().regex(/^[0-9a-f]{64}$/),
            bytes: z.number().int().min(0),
          })
          .strict(),
      )
      .max(10_000),
  })
  .strict();
export type BundleManifest = z.infer<typeof bundleManifestSchema>;

/** What the reader checks first, before the rest of the manifest: a newer format may have other fields. */
export const bundleHeadSchema = z.object({ format: z.string(), version: z.number() }).passthrough();
