import { createHash } from 'node:crypto';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { ApiError } from '../../../shared/api/errors';
import {
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  type BundleManifest,
  bundleHeadSchema,
  bundleManifestSchema,
  MANIFEST_NAME,
} from '../../../shared/domain/bundle';

/**
 * Writing and reading a pakke's zip (issue #15) with fflate: a small, well-kept zip library with no dependencies,
 * synchronous and fast in Node and the browser alike. No archive code of our own.
 */

/** Limits that keep a damaged or hostile pakke from filling memory: what one file's pakker come near is far less. */
export const MAX_BUNDLE_BYTES = 200 * 1024 * 1024;
const MAX_UNPACKED_BYTES = 1024 * 1024 * 1024;
const MAX_MEMBERS = 10_000;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
/** Every member gets this time, so the same content gives the same bytes (and the same fingerprint). */
const FIXED_TIME = new Date('2000-01-01T00:00:00Z');

const damaged = (fileName: string, why: string) =>
  new ApiError('VALIDATION', `»${fileName}« kan ikke indlæses: ${why}`);

/** Makes a pakke of `members` (name → text or bytes), with the manifest listing each one's SHA-256 and size. */
export function writeBundle(
  head: Omit<BundleManifest, 'format' | 'version' | 'filer'>,
  members: Record<string, string | Uint8Array>,
): Buffer {
  const files: Record<string, Uint8Array> = {};
  for (const [name, content] of Object.entries(members))
    files[name] = typeof content === 'string' ? strToU8(content) : content;
  const manifest: BundleManifest = bundleManifestSchema.parse({
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    ...head,
    filer: Object.entries(files)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([navn, bytes]) => ({ navn, sha256: sha256(bytes), bytes: bytes.length })),
  });
  const zip = zipSync(
    { [MANIFEST_NAME]: strToU8(JSON.stringify(manifest, null, 2)), ...files },
    { level: 6, mtime: FIXED_TIME },
  );
  return Buffer.from(zip);
}

export interface ReadBundle {
  manifest: BundleManifest;
  /** The members the manifest lists, each checked against its SHA-256. */
  files: Map<string, Uint8Array>;
  /** SHA-256 of the pakke's bytes. */
  sha256: string;
}

/**
 * Reads and checks a pakke: a zip, a manifest of this format and version, and exactly the files it lists, each
 * with its fingerprint. Anything else is refused with a Danish message saying what is wrong.
 */
export function readBundle(fileName: string, bytes: Uint8Array): ReadBundle {
  if (bytes.length > MAX_BUNDLE_BYTES) throw damaged(fileName, 'filen er for stor til at være en Tilsyn-pakke.');
  let entries: Record<string, Uint8Array>;
  let members = 0;
  let unpacked = 0;
  try {
    entries = unzipSync(bytes, {
      filter: (f) => {
        members++;
        unpacked += f.originalSize;
        if (members > MAX_MEMBERS || unpacked > MAX_UNPACKED_BYTES) throw new RangeError('too large');
        return true;
      },
    });
  } catch (err) {
    if (err instanceof RangeError) throw damaged(fileName, 'den fylder for meget, når den pakkes ud.');
    throw damaged(fileName, 'det er ikke en Tilsyn-pakke (filen er ikke en zip-fil, eller den er beskadiget).');
  }
  const manifestBytes = entries[MANIFEST_NAME];
  if (!manifestBytes)
    throw damaged(fileName, 'den har ingen indholdsfortegnelse (manifest.json), så det er ikke en Tilsyn-pakke.');
  let raw: unknown;
  try {
    raw = JSON.parse(strFromU8(manifestBytes));
  } catch {
    throw damaged(fileName, 'dens indholdsfortegnelse (manifest.json) kan ikke læses.');
  }
  const head = bundleHeadSchema.safeParse(raw);
  if (!head.success || head.data.format !== BUNDLE_FORMAT) throw damaged(fileName, 'det er ikke en Tilsyn-pakke.');
  if (head.data.version > BUNDLE_VERSION)
    throw damaged(
      fileName,
      `pakken er lavet med en nyere version af Tilsyn (pakkeformat ${head.data.version}; denne version læser ${BUNDLE_VERSION}). Opdatér Tilsyn, og indlæs den igen.`,
    );
  const parsed = bundleManifestSchema.safeParse(raw);
  if (!parsed.success) throw damaged(fileName, 'dens indholdsfortegnelse (manifest.json) er ikke gyldig.');
  const manifest = parsed.data;
  const listed = new Set(manifest.filer.map((f) => f.navn));
  const extra = Object.keys(entries).find((name) => name !== MANIFEST_NAME && !listed.has(name));
  if (extra)
    throw damaged(fileName, `den indeholder »${extra}«, som ikke står i indholdsfortegnelsen. Den kan være ændret.`);
  const files = new Map<string, Uint8Array>();
  for (const f of manifest.filer) {
    const content = entries[f.navn];
    if (!content) throw damaged(fileName, `»${f.navn}« mangler i pakken.`);
    if (content.length !== f.bytes || sha256(content) !== f.sha256)
      throw damaged(fileName, `»${f.navn}« passer ikke til sit fingeraftryk. Pakken er ændret eller beskadiget.`);
    files.set(f.navn, content);
  }
  return { manifest, files, sha256: sha256(bytes) };
}

/** A member as JSON, checked by `schema`; its errors said in Danish with the member's name. */
export function bundleJson<T>(
  bundle: ReadBundle,
  fileName: string,
  name: string,
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } },
): T {
  const bytes = bundle.files.get(name);
  if (!bytes) throw damaged(fileName, `»${name}« mangler i pakken.`);
  let raw: unknown;
  try {
    raw = JSON.parse(strFromU8(bytes));
  } catch {
    throw damaged(fileName, `»${name}« kan ikke læses.`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw damaged(fileName, `»${name}« har ikke den form, Tilsyn venter.`);
  return parsed.data;
}
