import { createHash } from 'node:crypto';
import { strFromU8, strToU8, Unzip, UnzipInflate, zipSync } from 'fflate';
import { ApiError } from '../../../shared/api/errors';
import { PROTO_KEY_MESSAGE, protoKeyPath } from '../../../shared/api/proto-key';
import {
  BUNDLE_FORMAT,
  BUNDLE_KIND_LABELS,
  BUNDLE_VERSION,
  type BundleKind,
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
const MAX_UNPACKED_BYTES = 512 * 1024 * 1024;
const MAX_MANIFEST_BYTES = 8 * 1024 * 1024;
const MAX_MEMBERS = 10_000;
/** The zip is fed to the reader in pieces this big, so a member that unpacks to more than it says is stopped early. */
const PIECE = 16 * 1024;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
/** Every member gets this time, so the same content gives the same bytes (and the same fingerprint). */
const FIXED_TIME = new Date('2000-01-01T00:00:00Z');

const damaged = (fileName: string, why: string) =>
  new ApiError('VALIDATION', `»${fileName}« kan ikke indlæses: ${why}`);

/** Where a pakke of another kind is read instead, when it is given to the wrong place. */
export function wrongKind(fileName: string, art: BundleKind, here: string): ApiError {
  const start = 'på startsiden under »Pakke fra en leder«';
  const where: Record<BundleKind, string> = {
    resultater: 'Den indlæses under Enheder i afdelingens fil.',
    fuld: 'Den indlæses på startsiden under »Indlæs et tilsyn fra en anden leder«.',
    selvevaluering: `Den er til sagsbehandleren, som åbner den i sin egen Tilsyn ${start}.`,
    anden_gennemgang: `Den er til den, der gennemgår sagerne anden gang, og som åbner den i sin egen Tilsyn ${start}.`,
    svar: 'Den indlæses af lederen under tilsynets Gennemgang.',
  };
  return new ApiError('VALIDATION', `»${fileName}« er en ${BUNDLE_KIND_LABELS[art]}, ikke ${here}. ${where[art]}`);
}

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

/** Why a zip cannot be read as a pakke; said in Danish where it is caught. */
class TooLarge extends Error {}
class Duplicate extends Error {}

/**
 * Unpacks the members `limit` allows (the bytes each may hold; undefined: leave it packed), counting what comes out as
 * it comes, so a member that says it is small and unpacks to gigabytes is stopped after its first pieces. fflate's
 * streaming reader: the bytes are pushed in pieces, and each member's inflater writes only what its piece holds.
 */
function unpack(bytes: Uint8Array, limit: (name: string) => number | undefined): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  const seen = new Set<string>();
  let unpacked = 0;
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.onfile = (file) => {
    if (seen.has(file.name)) throw new Duplicate(file.name);
    seen.add(file.name);
    if (seen.size > MAX_MEMBERS) throw new TooLarge();
    const max = limit(file.name);
    if (max === undefined) return;
    const pieces: Uint8Array[] = [];
    let size = 0;
    file.ondata = (err, chunk, final) => {
      if (err) throw err;
      size += chunk.length;
      unpacked += chunk.length;
      if (size > max || unpacked > MAX_UNPACKED_BYTES) throw new TooLarge();
      pieces.push(chunk);
      if (final) out.set(file.name, concat(pieces, size));
    };
    file.start();
  };
  for (let at = 0; at < bytes.length; at += PIECE)
    unzip.push(bytes.subarray(at, Math.min(at + PIECE, bytes.length)), at + PIECE >= bytes.length);
  return out;
}

function concat(pieces: Uint8Array[], size: number): Uint8Array {
  if (pieces.length === 1 && pieces[0]) return pieces[0];
  const all = new Uint8Array(size);
  let at = 0;
  for (const p of pieces) {
    all.set(p, at);
    at += p.length;
  }
  return all;
}

/** `unpack` with its failures said in Danish. */
function unpackOrRefuse(fileName: string, bytes: Uint8Array, limit: (name: string) => number | undefined) {
  try {
    return unpack(bytes, limit);
  } catch (err) {
    if (err instanceof TooLarge) throw damaged(fileName, 'den fylder for meget, når den pakkes ud.');
    if (err instanceof Duplicate)
      throw damaged(fileName, `den indeholder »${err.message}« to gange. Pakken er ændret eller beskadiget.`);
    throw damaged(fileName, NOT_A_ZIP);
  }
}

const NOT_A_ZIP = 'det er ikke en Tilsyn-pakke (filen er ikke en zip-fil, eller den er beskadiget).';
/** »PK\x03\x04«: how every zip this format writes begins. */
const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/**
 * Reads and checks a pakke: a zip, a manifest of this format and version, and exactly the files it lists, each
 * with its size and fingerprint. Anything else is refused with a Danish message saying what is wrong. The manifest
 * is read first; the members are then unpacked no further than the sizes it gives.
 */
export function readBundle(fileName: string, bytes: Uint8Array): ReadBundle {
  if (bytes.length > MAX_BUNDLE_BYTES) throw damaged(fileName, 'filen er for stor til at være en Tilsyn-pakke.');
  if (!isZip(bytes)) throw damaged(fileName, NOT_A_ZIP);
  const manifestBytes = unpackOrRefuse(fileName, bytes, (name) =>
    name === MANIFEST_NAME ? MAX_MANIFEST_BYTES : undefined,
  ).get(MANIFEST_NAME);
  if (!manifestBytes)
    throw damaged(fileName, 'den har ingen indholdsfortegnelse (manifest.json), så det er ikke en Tilsyn-pakke.');
  const manifest = manifestOf(fileName, manifestBytes);
  const declared = new Map(manifest.filer.map((f) => [f.navn, f.bytes]));
  if (declared.size !== manifest.filer.length)
    throw damaged(fileName, 'dens indholdsfortegnelse nævner den samme fil to gange. Den kan være ændret.');
  if ([...declared.values()].reduce((n, b) => n + b, 0) > MAX_UNPACKED_BYTES)
    throw damaged(fileName, 'den fylder for meget, når den pakkes ud.');
  let extra: string | undefined;
  const entries = unpackOrRefuse(fileName, bytes, (name) => {
    if (name !== MANIFEST_NAME && !declared.has(name)) extra ??= name;
    return declared.get(name);
  });
  if (extra)
    throw damaged(fileName, `den indeholder »${extra}«, som ikke står i indholdsfortegnelsen. Den kan være ændret.`);
  const files = new Map<string, Uint8Array>();
  for (const f of manifest.filer) {
    const content = entries.get(f.navn);
    if (!content) throw damaged(fileName, `»${f.navn}« mangler i pakken.`);
    if (content.length !== f.bytes || sha256(content) !== f.sha256)
      throw damaged(fileName, `»${f.navn}« passer ikke til sit fingeraftryk. Pakken er ændret eller beskadiget.`);
    files.set(f.navn, content);
  }
  return { manifest, files, sha256: sha256(bytes) };
}

/** The manifest, of this format and version, or a Danish refusal saying what it is instead. */
function manifestOf(fileName: string, bytes: Uint8Array): BundleManifest {
  let raw: unknown;
  try {
    raw = JSON.parse(strFromU8(bytes));
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
  return parsed.data;
}

/** A member as JSON, checked by `schema`; its errors said in Danish with the member's name. */
export function bundleJson<T>(
  bundle: ReadBundle,
  fileName: string,
  name: string,
  schema: {
    safeParse(
      v: unknown,
    ): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[] }[] } };
  },
): T {
  const bytes = bundle.files.get(name);
  if (!bytes) throw damaged(fileName, `»${name}« mangler i pakken.`);
  let raw: unknown;
  try {
    raw = JSON.parse(strFromU8(bytes));
  } catch {
    throw damaged(fileName, `»${name}« kan ikke læses.`);
  }
  if (protoKeyPath(raw)) throw damaged(fileName, `»${name}« er ikke gyldig: ${PROTO_KEY_MESSAGE}`);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    // Where: »nr. 2 › resultater › measures« (lists counted from 1, as a person counts).
    const where = (parsed.error.issues[0]?.path ?? [])
      .map((p) => (typeof p === 'number' ? `nr. ${p + 1}` : String(p)))
      .join(' › ');
    throw damaged(
      fileName,
      `»${name}« har ikke den form, Tilsyn venter${where ? ` (ved ${where})` : ''}. Pakken kan være ændret eller beskadiget: bed den, der lavede den, om at lave den igen.`,
    );
  }
  return parsed.data;
}
