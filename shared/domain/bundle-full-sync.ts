import type { FullTilsyn } from './bundle-full';

/**
 * Whose version of a tilsyn a fuld pakke holds (issue #15): each file keeps the fingerprints of the versions it has
 * shared; the outcome of reading a pakke follows from them, and a conflict waits for the leader's choice.
 */

/** What a file knows of a tilsyn it has sent or received: its content right after, the shared version, all of them. */
export interface FullSyncState {
  lokal: string;
  basis: string;
  historik: string[];
}

export const FULL_OUTCOMES = ['ny', 'opdateret', 'uaendret', 'aeldre', 'konflikt'] as const;
export type FullOutcome = (typeof FULL_OUTCOMES)[number];

/**
 * What a fuld pakke does to the tilsyn here: `local` is its fingerprint now and what this file knows of it (null:
 * never shared), or null when the tilsyn is not here.
 */
export function fullOutcome(
  local: { indhold: string; synk: FullSyncState | null } | null,
  bundle: { indhold: string; historik: readonly string[] },
): FullOutcome {
  if (!local) return 'ny';
  if (bundle.indhold === local.indhold) return 'uaendret';
  const { synk } = local;
  if (synk?.historik.includes(bundle.indhold)) return 'aeldre';
  if (synk && local.indhold === synk.lokal && bundle.historik.includes(synk.basis)) return 'opdateret';
  return 'konflikt';
}

/** The leader's choice when a tilsyn was changed both in the pakke and here. */
export const FULL_CHOICES = ['behold_her', 'tag_pakkens', 'behold_begge'] as const;
export type FullChoice = (typeof FULL_CHOICES)[number];
export const FULL_CHOICE_LABELS: Record<FullChoice, string> = {
  behold_her: 'Behold tilsynet her',
  tag_pakkens: 'Brug pakkens udgave',
  behold_begge: 'Behold begge som to tilsyn',
};

export interface FullImportResult {
  /** What happened; `konflikt` changes nothing and waits for the leader's choice. */
  udfald: FullOutcome | FullChoice;
  /** The tilsyn here it is about (for behold_begge: the new one); null for a conflict not yet settled. */
  tilsynId: number | null;
  titel: string;
  /** The title of the tilsyn here the pakke is about (null when it is new here): a conflict names both. */
  titelHer: string | null;
  /** When the tilsyn was last changed here and in the pakke (ISO timestamps), for the conflict's question. */
  aendret: { her: string | null; pakken: string };
  fra: { kommune: string; forvaltning: string; oprettet: string };
  enheder: string[];
  skabeloner: string[];
}

/** The import said in Danish, one or two sentences. */
export function fullImportInWords(r: FullImportResult): string {
  const t = `»${r.titel}«`;
  const made = [
    r.enheder.length > 0 ? `Ny enhed: ${r.enheder.join(', ')} (bekræft den under Enheder).` : '',
    r.skabeloner.length > 0 ? `Ny skabelon: ${r.skabeloner.join(', ')}.` : '',
  ].filter(Boolean);
  const said: Record<FullImportResult['udfald'], string> = {
    ny: `${t} er indlæst som et nyt tilsyn.`,
    opdateret: `${t} er opdateret med pakkens udgave.`,
    uaendret: `${t} er her allerede, som pakken har det: intet er ændret.`,
    aeldre: `Pakkens udgave af ${t} har været her før (den er ældre end tilsynet her, eller den blev valgt fra): intet er ændret.`,
    konflikt: `${t} er ændret både her og i pakken, siden de sidst var ens${r.titelHer && r.titelHer !== r.titel ? ` (her hedder det »${r.titelHer}«)` : ''}. Vælg, hvad der skal ske.`,
    behold_her: `${t} er beholdt, som det er her. Pakkens udgave er ikke indlæst.`,
    tag_pakkens: `${t} er erstattet af pakkens udgave.`,
    behold_begge: `Pakkens udgave af ${t} er indlæst som et nyt tilsyn ved siden af det, der var her.`,
  };
  return [said[r.udfald], ...made].join(' ');
}

/** When anything of the tilsyn was last changed: the newest of its own, its answers', findings' and log's times. */
export function lastChangeOf(f: FullTilsyn): string {
  let last = f.tilsyn.aendret;
  const see = (at: string | null) => {
    if (at && at > last) last = at;
  };
  for (const s of f.sager) {
    see(s.udgaaetTid);
    for (const a of s.svar) see(a.aendret);
    for (const x of s.fund) see(x.oprettet);
    for (const h of s.handlinger) see(h.aendret);
  }
  for (const l of f.log) see(l.tidspunkt);
  for (const v of f.vurderinger) see(v.aendret);
  for (const r of f.refleksioner) see(r.oprettet);
  return last;
}
