import { formatDanishDate, formatDanishPeriod } from '../../../shared/domain/dates';
import { ACTION_STATUS_LABELS, type FindingKind } from '../../../shared/domain/findings';
import { formatShare } from '../../../shared/domain/format';
import type { SagReview } from '../../../shared/domain/gennemgang';
import type { ReflectionQuestion, ReportSettings } from '../../../shared/domain/reports';
import type { TilsynResults } from '../../../shared/domain/results';
import type { Question } from '../../../shared/domain/skabelon';
import { REVIEW_FORM_LABELS, type ReviewForm } from '../../../shared/domain/tilsyn';
import {
  caseworkerGroup,
  type MissedMeasure,
  missedMeasures,
  reflectionQuestion,
  reflectionSuggestions,
} from './reflection-suggestions';

/**
 * The feedback notes (seed 002, formidling til sagsbehandlerne): one for each caseworker about her own sager only,
 * and one for the team with what recurs across the sager, naming no one and no sag. Pure: the PDF layout is in
 * feedback-doc.ts.
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
  settings: Pick<ReportSettings, 'kommune' | 'forvaltning'>;
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
  uenigheder: { question: string; sagsbehandler: string; leder: string }[];
}

export interface CommonPoint {
  text: string;
  sager: number;
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
  /** Team note: what recurs across the sager, scrubbed of names and sagsnumre, with counts. */
  common: { kind: FindingKind; heading: string; points: CommonPoint[]; more: number }[];
  /** Team note: how many handlinger were agreed, in how many sager. */
  actionsSummary: string | null;
  results: { heading: string; intro: string; rows: NoteResultRow[]; allMet: string | null };
  reflections: { heading: string; intro: string; questions: string[] };
  closing: string;
  /** The footer's left text. */
  footer: string;
}

const NUMBER_WORDS = ['ingen', 'én', 'to', 'tre', 'fire', 'fem', 'seks', 'syv', 'otte', 'ni', 'ti', 'elleve', 'tolv'];
/** 1 → "én", 5 → "fem", 14 → "14": small counts in words, as one writes them in a letter. */
export const inWords = (n: number): string => NUMBER_WORDS[n] ?? String(n);

/** The caseworkers who have sager in the review that were started, in Danish alphabetical order. */
export function reviewedCaseworkers(sager: readonly SagReview[]): string[] {
  const names = new Set(reviewedSager(sager).map((s) => s.sag.sagsbehandler.trim()));
  names.delete('');
  return [...names].sort((a, b) => a.localeCompare(b, 'da'));
}

/** Sager that count and that the leader has begun (or noted something in). */
export function reviewedSager(sager: readonly SagReview[]): SagReview[] {
  return sager.filter(
    (s) =>
      s.sag.status !== 'udgaaet' && (s.sag.status !== 'ikke_startet' || s.findings.length > 0 || s.actions.length > 0),
  );
}

function questionsOf(sager: readonly SagReview[]): Map<string, Question> {
  const content = sager[0]?.content;
  return new Map((content?.sections.flatMap((sec) => sec.questions) ?? []).map((q) => [q.key, q]));
}

function header(input: FeedbackInput) {
  const { tilsyn, settings } = input;
  return {
    sender: [settings.kommune, settings.forvaltning]
      .map((s) => s.trim())
      .filter(Boolean)
      .join(' · '),
    tilsyn: {
      titel: tilsyn.titel,
      periode: formatDanishPeriod(tilsyn.periodeFra, tilsyn.periodeTil),
      enhed: tilsyn.enhed,
      form: REVIEW_FORM_LABELS[tilsyn.form],
    },
    date: formatDanishDate(input.today),
  };
}

function resultRows(missed: readonly MissedMeasure[]): NoteResultRow[] {
  return missed.map((m) => ({
    number: m.number,
    text: m.text,
    opfyldt: `${m.met} af ${m.applicable}`,
    andel: formatShare(m.applicable > 0 ? m.met / m.applicable : null),
    maaltal: m.target === null ? '–' : `${m.target} %`,
  }));
}

const MAX_SUGGESTIONS = 4;

/**
 * The refleksionsspørgsmål of one note: those the leader saved for the recipient, or else the suggestions from the
 * measures she (or the team) did not meet. A learning point about a question gets that question's refleksions-
 * spørgsmål right under it, as in seed 002; the closing list holds the rest.
 */
function reflectionPlan(input: FeedbackInput, who: string | null, scrub: (text: string) => string = (t) => t) {
  const saved = input.reflections
    .filter((r) =>
      who === null ? r.sagsbehandler === null : r.sagsbehandler !== null && r.sagsbehandler.trim() === who,
    )
    .map((r) => ({ ...r, text: scrub(r.text) }));
  const questions = questionsOf(input.sager);
  const shown = new Set<string>();
  const forKey = (key: string | null): string | undefined => {
    if (!key) return undefined;
    if (saved.length > 0) return saved.find((r) => r.questionKey === key)?.text;
    const q = questions.get(key);
    return q && q.answerType !== 'tekst' ? reflectionQuestion(q) : undefined;
  };
  const all =
    saved.length > 0
      ? saved.map((r) => r.text)
      : reflectionSuggestions(input.results, who)
          .slice(0, MAX_SUGGESTIONS)
          .map((r) => r.text);
  return {
    /** The question under a learning point about `key` (each question is shown under one point only). */
    inline(key: string | null): string | undefined {
      const text = forKey(key);
      if (!text || shown.has(text)) return undefined;
      shown.add(text);
      return text;
    },
    /** The questions not already shown under a learning point. */
    rest: () => all.filter((t) => !shown.has(t)),
    anyInline: () => shown.size > 0,
  };
}

/** The note to one caseworker about her own reviewed sager. */
export function buildCaseworkerNote(input: FeedbackInput, name: string): FeedbackNote {
  const who = name.trim();
  const own = reviewedSager(input.sager)
    .filter((s) => s.sag.sagsbehandler.trim() === who)
    .sort((a, b) => a.sag.sagsnummer.localeCompare(b.sag.sagsnummer, 'da', { numeric: true }));
  const questions = questionsOf(input.sager);
  const reflections = reflectionPlan(input, who);
  const point = (f: { kind: FindingKind; text: string; questionKey: string | null }): NotePoint => {
    const question = f.questionKey ? questions.get(f.questionKey)?.text : undefined;
    const reflection = f.kind === 'laeringspunkt' ? reflections.inline(f.questionKey) : undefined;
    return { text: f.text, ...(question ? { question } : {}), ...(reflection ? { reflection } : {}) };
  };
  const dialogue = input.tilsyn.form === 'dialogbaseret';
  const sager: NoteSag[] = own.map((s) => {
    const of = (kind: FindingKind) => s.findings.filter((f) => f.kind === kind).map(point);
    const refleksioner = s.dialog.refleksioner.trim();
    return {
      sagsnummer: s.sag.sagsnummer,
      sagstype: s.sag.sagstype,
      styrker: of('styrke'),
      laeringspunkter: of('laeringspunkt'),
      opmaerksomhedspunkter: of('opmaerksomhedspunkt'),
      aftaler: of('aftale'),
      handlinger: s.actions.map((a) => ({
        text: a.text,
        ansvarlig: a.ansvarlig || '–',
        frist: a.frist ? formatDanishDate(a.frist) : '–',
        status: ACTION_STATUS_LABELS[a.status],
      })),
      dialog:
        dialogue && (refleksioner || s.dialog.dato)
          ? { dato: s.dialog.dato ? formatDanishDate(s.dialog.dato) : '', refleksioner }
          : null,
      uenigheder: s.disagreements.map((d) => ({ question: d.question, sagsbehandler: d.caseworker, leder: d.leader })),
    };
  });

  const firstName = who.split(/\s+/)[0] ?? who;
  const n = own.length;
  const sagerWord = `${inWords(n)} af dine sager`;
  const how: Record<ReviewForm, string> = {
    ledelseskontrol: `Jeg har gennemgået ${sagerWord}, og her har jeg samlet, hvad jeg så.`,
    dialogbaseret: `Vi har gennemgået ${sagerWord} sammen, og her har jeg samlet, hvad vi talte om og aftalte.`,
    selvevaluering_foerst: `Du har først vurderet ${sagerWord} selv, og derefter har jeg gennemgået dem. Her har jeg samlet, hvad vi hver især så.`,
  };
  const missed = missedMeasures(input.results, who);
  const row = input.results.breakdowns.sagsbehandler.find((r) => r.group === caseworkerGroup(who));
  return {
    kind: 'sagsbehandler',
    recipient: who,
    title: `Feedbacknotat til ${who}`,
    ...header(input),
    reviewedSager: n,
    opening: [
      `Kære ${firstName}`,
      `Tak for din deltagelse i ledelsestilsynet »${input.tilsyn.titel}«. ${how[input.tilsyn.form]}`,
      'Notatet er et afsæt for vores samtale: det, der fungerer godt, skal også siges – og læringspunkterne er til for, at vi sammen kan blive endnu bedre.',
    ],
    sager,
    common: [],
    actionsSummary: null,
    results: {
      heading: 'Dine resultater i korte træk',
      intro:
        'Her er de krav, der ikke var opfyldt i alle de af dine sager, hvor de var relevante. Tallene bygger på få sager, så én sag betyder meget; de er tænkt som afsæt for samtalen.',
      rows: resultRows(missed),
      allMet:
        missed.length === 0
          ? row && row.applicable > 0
            ? 'Alle krav var opfyldt i de af dine sager, hvor de var relevante. Flot arbejde!'
            : 'Der er endnu ingen vurderede krav i dine sager.'
          : null,
    },
    reflections: {
      heading: 'Spørgsmål til refleksion',
      intro: reflections.anyInline()
        ? 'Ud over spørgsmålene ved læringspunkterne kan du tage disse med til vores samtale:'
        : 'Tag gerne et par af spørgsmålene med til vores samtale:',
      questions: reflections.rest(),
    },
    closing: 'Jeg ser frem til vores samtale.',
    footer: `Feedbacknotat til ${who} · ${input.tilsyn.titel}`,
  };
}

/** Replaces every known caseworker name and sagsnummer (and anything shaped like a case number) in a text. */
export function scrubber(names: readonly string[], sagsnumre: readonly string[]): (text: string) => string {
  const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const full = [...new Set(names.map((n) => n.trim()).filter((n) => n.length > 1))].sort((a, b) => b.length - a.length);
  const parts = [...new Set(full.flatMap((n) => n.split(/\s+/)).filter((p) => p.length > 1))].sort(
    (a, b) => b.length - a.length,
  );
  const numbers = [...new Set(sagsnumre.map((s) => s.trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
  // A name may carry the genitive s ("Annes plan").
  const bounded = (s: string) => `(?<![\\p{L}\\p{N}])${escapeRe(s)}(s?)(?![\\p{L}\\p{N}])`;
  const nameRe = full.length ? new RegExp(full.map(bounded).join('|'), 'giu') : null;
  // A lone first or last name only when it is written with its capital letter (so "holm" in a word stays).
  const partRe = parts.length ? new RegExp(parts.map(bounded).join('|'), 'gu') : null;
  // "sag 2026-101", "sagsnr. 2026-101" and the bare number all become "en sag".
  const sagWord = '(?:(?<![\\p{L}])sag(?:en|snummer|snr\\.?|s nr\\.?)?\\s+(?:nr\\.?\\s*)?)?';
  const numberRe = numbers.length ? new RegExp(`${sagWord}(?:${numbers.map(bounded).join('|')})`, 'giu') : null;
  // Other case-number-like tokens (six digits or more, e.g. "27.12.08-A00-125"), but not dates.
  const caseLike =
    /(?:(?<![\p{L}])sag(?:en|snummer|snr\.?)?\s+(?:nr\.?\s*)?)?(?<![\p{L}\p{N}])[\p{L}\p{N}]*\d[\p{L}\p{N}./-]*\d(?![\p{L}\p{N}])/giu;
  const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$|^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$/.test(s);
  return (text) => {
    let out = text;
    if (numberRe) out = out.replace(numberRe, 'en sag');
    out = out.replace(caseLike, (m) => {
      const token = m.split(/\s+/).at(-1) ?? m;
      return (token.match(/\d/g) ?? []).length >= 6 && !isDate(token) ? 'en sag' : m;
    });
    // The callback gets the match, one group per name, then the offset and the whole text.
    const someone = (_match: string, ...rest: unknown[]) =>
      rest.slice(0, -2).some((g) => g === 's') ? 'sagsbehandlerens' : 'sagsbehandleren';
    if (nameRe) out = out.replace(nameRe, someone);
    if (partRe) out = out.replace(partRe, someone);
    // "Sag 2026-101 mangler …" → "En sag mangler …": a sentence still starts with a capital.
    const first = text.charAt(0);
    return first !== first.toLowerCase() ? out.charAt(0).toUpperCase() + out.slice(1) : out;
  };
}

const COMMON_KINDS: { kind: FindingKind; heading: string }[] = [
  { kind: 'styrke', heading: 'Det gør vi godt' },
  { kind: 'laeringspunkt', heading: 'Det kan vi lære af' },
  { kind: 'opmaerksomhedspunkt', heading: 'Det skal vi være opmærksomme på' },
];
const MAX_COMMON = 12;

/** The team note: what recurs across all reviewed sager, naming no caseworker and no sag. */
export function buildTeamNote(input: FeedbackInput): FeedbackNote {
  const all = reviewedSager(input.sager);
  const scrub = scrubber(
    input.sager.map((s) => s.sag.sagsbehandler),
    input.sager.map((s) => s.sag.sagsnummer),
  );
  const total = all.length;
  // The leader's own team questions are scrubbed too: the team note names no one.
  const reflections = reflectionPlan(input, null, scrub);
  const common = COMMON_KINDS.map(({ kind, heading }) => {
    const groups = new Map<string, { text: string; sager: Set<number>; order: number; questionKey: string | null }>();
    for (const s of all) {
      for (const f of s.findings.filter((x) => x.kind === kind)) {
        const text = scrub(f.text).replace(/\s+/g, ' ').trim();
        const key = text.toLowerCase().replace(/[.!]+$/, '');
        const g = groups.get(key) ?? { text, sager: new Set<number>(), order: groups.size, questionKey: null };
        g.sager.add(s.sag.id);
        g.questionKey ??= f.questionKey;
        groups.set(key, g);
      }
    }
    const points = [...groups.values()]
      .sort((a, b) => b.sager.size - a.sager.size || a.order - b.order)
      .slice(0, MAX_COMMON)
      .map((g): CommonPoint => {
        const reflection = kind === 'laeringspunkt' ? reflections.inline(g.questionKey) : undefined;
        return { text: g.text, sager: g.sager.size, ...(reflection ? { reflection } : {}) };
      });
    return { kind, heading, points, more: Math.max(0, groups.size - MAX_COMMON) };
  }).filter((c) => c.points.length > 0);

  const withActions = all.filter((s) => s.actions.length > 0);
  const actionCount = withActions.reduce((n, s) => n + s.actions.length, 0);
  const missed = missedMeasures(input.results, null);
  const sagerWord = total === 1 ? 'én sag' : `${inWords(total)} sager`;
  return {
    kind: 'team',
    recipient: null,
    title: 'Teamnotat',
    ...header(input),
    reviewedSager: total,
    opening: [
      `Tak for jeres deltagelse i ledelsestilsynet »${input.tilsyn.titel}«. Vi har gennemgået ${sagerWord} fra teamet.`,
      'Her er det, der går igen på tværs af sagerne – både det, vi gør godt, og det, vi kan blive bedre til. Notatet nævner ingen navne og ingen sager: det handler om vores fælles praksis.',
    ],
    sager: [],
    common,
    actionsSummary:
      actionCount === 0
        ? null
        : `Der er aftalt ${inWords(actionCount)} ${actionCount === 1 ? 'handling' : 'handlinger'} i ${inWords(withActions.length)} af de ${inWords(total)} sager. Den enkelte sagsbehandler har fået dem i sit eget feedbacknotat.`,
    results: {
      heading: 'Teamets resultater',
      intro:
        'De krav, der ikke var opfyldt i alle de sager, hvor de var relevante – dem, vi oftest ikke når, står først.',
      rows: resultRows(missed),
      allMet:
        missed.length === 0
          ? input.results.overall.applicable > 0
            ? 'Alle krav var opfyldt i de sager, hvor de var relevante. Flot arbejde!'
            : 'Der er endnu ingen vurderede krav.'
          : null,
    },
    reflections: {
      heading: 'Til fælles refleksion',
      intro: reflections.anyInline()
        ? 'Ud over spørgsmålene ved læringspunkterne kan vi tage disse op på et teammøde:'
        : 'Spørgsmål, vi kan tage op på et teammøde:',
      questions: reflections.rest(),
    },
    closing: 'Tak for jeres arbejde med sagerne og for jeres åbenhed i tilsynet.',
    footer: `Teamnotat · ${input.tilsyn.titel}`,
  };
}

/** "Feedbacknotat – Anne Holm – Ledelsestilsyn 1. kvartal 2026.pdf", safe as a file name on Windows and macOS. */
export function safeFileName(name: string): string {
  const cleaned = name
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .replace(/[\\/:*?"<>|]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '');
  const dot = cleaned.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [cleaned.slice(0, dot), cleaned.slice(dot)] : [cleaned, ''];
  return `${stem.slice(0, 180).trim()}${ext}` || 'Notat';
}

export function noteFileName(note: Pick<FeedbackNote, 'kind' | 'recipient' | 'tilsyn'>): string {
  return safeFileName(
    note.kind === 'team'
      ? `Teamnotat – ${note.tilsyn.titel}.pdf`
      : `Feedbacknotat – ${note.recipient} – ${note.tilsyn.titel}.pdf`,
  );
}
