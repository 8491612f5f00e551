import type { Hit } from './hit';
import { nameHits } from './identifying-names';
import { numberHits } from './identifying-numbers';
import type { KnownIdentifiers } from './scrub';

/**
 * The publication check (issue #12): before a public document leaves the app, every passage of the leader's free
 * text that may identify a child or a caseworker is shown to her in context, to rewrite or to mark as not
 * identifying. Nothing is replaced behind her back. Pure: the backend feeds it the texts and the known names and
 * sagsnumre of the database.
 */

export type PassageKind = 'cpr' | 'sagsnummer' | 'talraekke' | 'navn' | 'initialer';

/** What the leader is told each kind is. */
export const PASSAGE_LABELS: Record<PassageKind, string> = {
  cpr: 'Ligner et CPR-nummer',
  sagsnummer: 'Et sagsnummer',
  talraekke: 'En talrække, der kan være et sagsnummer',
  navn: 'Navnet på en sagsbehandler',
  initialer: 'Initialerne på en sagsbehandler',
};

/** One passage that may identify someone: where it is in the text, what it is, and the text around it. */
export interface Passage {
  start: number;
  end: number;
  kind: PassageKind;
  /** The passage as written. */
  text: string;
  /** Up to 40 characters either side, for showing it in context. */
  before: string;
  after: string;
}

const CONTEXT = 40;

/** Overlapping hits become one passage, of the most telling kind among them. */
const RANK: PassageKind[] = ['cpr', 'sagsnummer', 'navn', 'initialer', 'talraekke'];

/**
 * Every passage of `text` that may identify a child or a caseworker: CPR-like numbers, known sagsnumre in any
 * spelling, any other run of six or more digits (not a date), known caseworker names in any case or spelling
 * (æ/ae, ø/oe, å/aa, accents, genitive), and their initials. Neighbouring name parts ("Anne Holm") are one passage.
 */
export function identifyingPassages(text: string, known: KnownIdentifiers): Passage[] {
  const hits = [...numberHits(text, known), ...nameHits(text, known)].sort((a, b) => a.start - b.start);
  const merged: Hit[] = [];
  for (const hit of hits) {
    const last = merged[merged.length - 1];
    const touching =
      last && (hit.start <= last.end || (/^\s+$/u.test(text.slice(last.end, hit.start)) && bothNames(last, hit)));
    if (last && touching) {
      last.end = Math.max(last.end, hit.end);
      if (RANK.indexOf(hit.kind) < RANK.indexOf(last.kind)) last.kind = hit.kind;
    } else {
      merged.push({ ...hit });
    }
  }
  return merged.map((h) => ({
    ...h,
    text: text.slice(h.start, h.end),
    before: text.slice(Math.max(0, h.start - CONTEXT), h.start),
    after: text.slice(h.end, h.end + CONTEXT),
  }));
}

const bothNames = (a: Hit, b: Hit) => a.kind === 'navn' && b.kind === 'navn';

/** The public documents the check guards before they leave the app (with their metadata and file names). */
export const PUBLIC_DOCUMENTS = ['udvalg', 'team'] as const;
export type PublicDocument = (typeof PUBLIC_DOCUMENTS)[number];

export const PUBLIC_DOCUMENT_LABELS: Record<PublicDocument, string> = {
  udvalg: 'Rapporten til udvalget',
  team: 'Teamnotatet',
};

/** Where the leader rewrites a text: the screen, and the sag for a text written in a sag's review. */
export type TextPlace =
  | { screen: 'rediger' | 'resultater' | 'formidling' | 'indstillinger' | 'skabelon' | 'enheder' }
  | { screen: 'sag'; sagId: number }
  /** Written under Resultater of another tilsyn (the last round's plans, followed up in this report). */
  | { screen: 'tidligere'; tilsynId: number };

/** A text a public document prints, with what it is ("Ledelsens vurdering af krav 3.2") and where it is written. */
export interface PublicText {
  label: string;
  text: string;
  place: TextPlace;
}

/** A passage of a public text that may identify someone, and whether the leader marked it as not identifying. */
export interface CheckedPassage extends Passage {
  label: string;
  place: TextPlace;
  /** The hash of the whole text as printed and the passage's kind: the mark belongs to this text and kind only. */
  textHash: string;
  ok: boolean;
}

export interface PublicationCheck {
  document: PublicDocument;
  passages: CheckedPassage[];
  /** Passages not yet rewritten or marked as not identifying: the document is not made while any is left. */
  unresolved: number;
}

/** A CPR-like number is never marked as not identifying: the text must be rewritten. */
export const canBeMarked = (p: Pick<Passage, 'kind'>) => p.kind !== 'cpr';

/**
 * The check of a document's texts: each passage that may identify someone, once per distinct text (a text printed
 * twice is checked once), with the leader's marks applied. `hashOf` and `marked` come from the backend.
 */
export function checkPublicTexts(
  document: PublicDocument,
  texts: readonly PublicText[],
  known: KnownIdentifiers,
  hashOf: (text: string) => string,
  marked: (textHash: string, start: number, end: number) => boolean,
): PublicationCheck {
  // The same text in several fields is one decision: shown once, naming every field it stands in.
  const byText = new Map<string, PublicText & { labels: string[] }>();
  for (const t of texts) {
    if (!t.text.trim()) continue;
    const same = byText.get(t.text);
    if (same) {
      if (!same.labels.includes(t.label)) same.labels.push(t.label);
    } else byText.set(t.text, { ...t, labels: [t.label] });
  }
  const passages: CheckedPassage[] = [];
  for (const t of byText.values()) {
    for (const p of identifyingPassages(t.text, known)) {
      // A mark covers what the passage was taken for: a number that becomes a known sagsnummer is shown again.
      const textHash = hashOf(`${p.kind}\u0000${t.text}`);
      passages.push({
        ...p,
        label: t.labels.join(' · '),
        place: t.place,
        textHash,
        ok: canBeMarked(p) && marked(textHash, p.start, p.end),
      });
    }
  }
  return { document, passages, unresolved: passages.filter((p) => !p.ok).length };
}

/** Why a document is not made yet: how many passages are left, and where the leader resolves them. */
export function unresolvedMessage(check: PublicationCheck): string {
  const n = check.unresolved;
  const what = n === 1 ? 'ét sted' : `${n} steder`;
  return (
    `${PUBLIC_DOCUMENT_LABELS[check.document]} er et offentligt dokument, og dets tekster har ${what}, der måske ` +
    'kan identificere et barn eller en sagsbehandler. Gennemgå dem under 6. Formidling › Tjek før offentliggørelse: ' +
    'ret teksten, eller markér stedet som ikke identificerende. Intet er lavet endnu.'
  );
}
