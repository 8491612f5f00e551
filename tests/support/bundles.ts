import { strFromU8, unzipSync } from 'fflate';
import { writeBundle } from '../../electron/backend/services/bundle-file';
import type { ApiClient } from '../../shared/api/client';
import { type BundleManifest, MANIFEST_NAME } from '../../shared/domain/bundle';
import { FINISH_AS_OTHER, jobCentreRound, lockTilsyn, round } from './scenario';

/** A team under an afdeling in the leader's file, with one afsluttet job-centre round of four sager. */
export async function lockedRound(api: ApiClient, plan = ['ja', 'nej', 'ja', 'ja'], team = 'Team Nord') {
  const units = await api.call('enheder.list', {});
  const afdeling =
    units.find((u) => u.navn === 'Jobcenter Vest') ??
    (await api.call('enheder.opret', { navn: 'Jobcenter Vest', niveau: 'afdeling' }));
  const enhed = await api.call('enheder.opret', { navn: team, niveau: 'team', foraelderId: afdeling.id });
  const made = await round(api, {
    ...jobCentreRound('Runde med Karin Lund', '2026-01-01', '2026-03-31', plan),
    tilsyn: {
      titel: 'Runde med Karin Lund',
      periodeFra: '2026-01-01',
      periodeTil: '2026-03-31',
      enhedId: enhed.id,
      skabelonVersionId: 3,
    },
    finish: FINISH_AS_OTHER,
  });
  await lockTilsyn(api, made.tilsynId, { dato: '2026-04-02' });
  return { ...made, enhedId: enhed.id };
}

export const bytesOf = (file: { dataBase64: string }) => Buffer.from(file.dataBase64, 'base64');
export const indlaes = (api: ApiClient, file: { fileName: string; dataBase64: string }) =>
  api.call('pakke.indlaes', { fileName: file.fileName, dataBase64: file.dataBase64 });
export const numbers = (r: { measures: { key: string; met: number; applicable: number; share: number | null }[] }) =>
  r.measures.map(({ key, met, applicable, share }) => ({ key, met, applicable, share }));

// biome-ignore lint/suspicious/noExplicitAny: a test edits the pakke's JSON as it lies, whatever its shape
type Json = any;

/**
 * A pakke as someone might write it by hand: its rounds (and manifest head) changed by `change`, and a new manifest
 * with the right fingerprints, so only the checks of the content itself stand between it and the file.
 */
export function rewritten(
  pakke: { fileName: string; dataBase64: string },
  change: (rounds: Json[], head: Omit<BundleManifest, 'format' | 'version' | 'filer'>) => void,
): { fileName: string; dataBase64: string } {
  const entries = unzipSync(bytesOf(pakke));
  const manifest = JSON.parse(strFromU8(entries[MANIFEST_NAME] ?? new Uint8Array())) as BundleManifest;
  const { format: _f, version: _v, filer: _m, ...head } = manifest;
  const members: Record<string, Uint8Array | string> = {};
  // Its rounds' enheder changed by hand, it is written as before coverage travelled (which names the enheder too).
  for (const [name, bytes] of Object.entries(entries))
    if (name !== MANIFEST_NAME && name !== 'daekning.json') members[name] = bytes;
  const rounds = JSON.parse(strFromU8(entries['runder.json'] ?? new Uint8Array()));
  change(rounds, head);
  members['runder.json'] = JSON.stringify(rounds);
  return { fileName: 'haandlavet.tilsyn', dataBase64: writeBundle(head, members).toString('base64') };
}

/** Any pakke with one JSON member changed by `change`, and a new manifest with the right fingerprints. */
export function rewrittenMember(
  pakke: { fileName: string; dataBase64: string },
  member: string,
  change: (json: Json) => Json | undefined,
): { fileName: string; dataBase64: string } {
  const entries = unzipSync(bytesOf(pakke));
  const manifest = JSON.parse(strFromU8(entries[MANIFEST_NAME] ?? new Uint8Array())) as BundleManifest;
  const { format: _f, version: _v, filer: _m, ...head } = manifest;
  const members: Record<string, Uint8Array | string> = {};
  for (const [name, bytes] of Object.entries(entries)) if (name !== MANIFEST_NAME) members[name] = bytes;
  const json = JSON.parse(strFromU8(entries[member] ?? new Uint8Array()));
  members[member] = JSON.stringify(change(json) ?? json);
  return { fileName: pakke.fileName, dataBase64: writeBundle(head, members).toString('base64') };
}

/** A pakke as Tilsyn made it before coverage travelled (issue #15): the same, without its coverage member. */
export function withoutCoverage(pakke: { fileName: string; dataBase64: string }) {
  const entries = unzipSync(bytesOf(pakke));
  const manifest = JSON.parse(strFromU8(entries[MANIFEST_NAME] ?? new Uint8Array())) as BundleManifest;
  const { format: _f, version: _v, filer: _m, ...head } = manifest;
  const members: Record<string, Uint8Array> = {};
  for (const [name, bytes] of Object.entries(entries))
    if (name !== MANIFEST_NAME && name !== 'daekning.json') members[name] = bytes;
  return { fileName: pakke.fileName, dataBase64: writeBundle(head, members).toString('base64') };
}
