import type { FindingKind } from '../../../../shared/domain/findings';
import type { ReflectionQuestion, ReportSettings } from '../../../../shared/domain/reports';
import type { TilsynResults } from '../../../../shared/domain/results';
import type { SagReview, UnmetRequirement } from '../../../../shared/domain/review';
import type { ReviewForm } from '../../../../shared/domain/tilsyn';

/**
 * The feedback notes (seed 002, formidling til sagsbehandlerne): one for each caseworker about her own sager only,
 * and one for the team with what recurs across the sager, naming no one and no sag. Pure: the PDF layout is in
 * document.ts.
 */

export interface FeedbackTilsyn {
  titel: string;
  periodeFra: string;
  periodeTil: string;
  enhed: string;
  form: ReviewForm;
}

export interface FeedbackInput {
  tilsyn: FeedbackTilsyn;
  settings: Pick<ReportSettings, 'kommune' | 'forvaltning' | 'minCell'>;
  /** The reviews of the tilsyn's sampled sager (udgåede and not yet started ones are left out here). */
  sager: readonly SagReview[];
  results: TilsynResults;
  /** The refleksionsspørgsmål saved for the tilsyn. */
  reflections: readonly ReflectionQuestion[];
  /** Today as åååå-mm-dd: the date on the note. */
  today: string;
}

export interface NoteAction {
  text: string;
  ansvarlig: string;
  frist: string;
  status: string;
}

export interface NotePoint {
  text: string;
  /** The question the point is about, when one was chosen. */
  question?: string;
  /** A learning point's refleksionsspørgsmål ("→ Hvordan …?"), when one belongs to its question. */
  reflection?: string;
}

export interface NoteSag {
  sagsnummer: string;
  sagstype: string;
  styrker: NotePoint[];
  laeringspunkter: NotePoint[];
  opmaerksomhedspunkter: NotePoint[];
  aftaler: NotePoint[];
  handlinger: NoteAction[];
  /** Dialogbaseret: the date of the conversation and the caseworker's own reflections. */
  dialog: { dato: string; refleksioner: string } | null;
  /** Selvevaluering først: the questions where she and the leader judged differently. */
  /** `number` is the question's number from the template (»3.2«), as everywhere else. */
  uenigheder: { number: string; question: string; sagsbehandler: string; leder: string }[];
  /** The krav the sag did not meet, with the leader's reason: what »0 af 1« in the results means. */
  ikkeOpfyldt: (Omit<UnmetRequirement, 'key'> & { number: string })[];
}

export interface CommonPoint {
  text: string;
  sager: number;
  /** The sager (ids) the point was written in: where the leader rewrites it. Not printed. */
  fromSager: number[];
  /** A learning point's refleksionsspørgsmål, when one belongs to its question. */
  reflection?: string;
}

export interface NoteResultRow {
  number: string;
  text: string;
  opfyldt: string;
  andel: string;
  maaltal: string;
}

export interface FeedbackNote {
  kind: 'sagsbehandler' | 'team';
  /** The caseworker's name; null for the team note. */
  recipient: string | null;
  title: string;
  /** The municipality and administration over the title, when set. */
  sender: string;
  tilsyn: { titel: string; periode: string; enhed: string; form: string };
  date: string;
  /** How many sager the note is about (hers, or the team's). */
  reviewedSager: number;
  opening: string[];
  /** The caseworker's reviewed sager (empty in the team note). */
  sager: NoteSag[];
  /** Team note: what recurs across the sager, with counts (the publication check guards its texts). */
  common: { kind: FindingKind; heading: string; points: CommonPoint[]; more: number }[];
  /** Team note: how many handlinger were agreed, in how many sager. */
  actionsSummary: string | null;
  results: { heading: string; intro: string; rows: NoteResultRow[]; allMet: string | null };
  reflections: { heading: string; intro: string; questions: string[] };
  closing: string;
  /** The footer's left text. */
  footer: string;
}
