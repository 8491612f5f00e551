import { formatDanishDate, formatDanishPeriod } from '../../../../shared/domain/dates';
import { formatCount, formatPercent, formatShare } from '../../../../shared/domain/format';
import type { SagReview } from '../../../../shared/domain/review';
import type { Question } from '../../../../shared/domain/template';
import { REVIEW_FORM_LABELS } from '../../../../shared/domain/tilsyn';
import { type MissedMeasure, reflectionQuestion, reflectionSuggestions } from '../../services/reflection-suggestions';
import type { FeedbackInput, NoteResultRow } from './note-types';

/** What the caseworker notes and the team note share: who was reviewed, the header, results and reflections. */

const NUMBER_WORDS = ['ingen', 'én', 'to', 'tre', 'fire', 'fem', 'seks', 'syv', 'otte', 'ni', 'ti', 'elleve', 'tolv'];
/** 1 → "én", 5 → "fem", 14 → "14": small counts in words, as one writes them in a letter. */
export const inWords = (n: number): string => NUMBER_WORDS[n] ?? String(n);

/** The caseworkers who have færdige sager in the review, in Danish alphabetical order. */
export function reviewedCaseworkers(sager: readonly SagReview[]): string[] {
  const names = new Set(reviewedSager(sager).map((s) => s.sag.sagsbehandler.trim()));
  names.delete('');
  return [...names].sort((a, b) => a.localeCompare(b, 'da'));
}

/**
 * The sager the notes are about: those the leader has marked færdig. A sag begun but not finished is no sag »I have
 * reviewed«, and what it says so far is not yet what the leader saw (found by a leader's try: two barely begun sager
 * read »Jeg har gennemgået to af dine sager … Der er ikke noteret særlige punkter«).
 */
export function reviewedSager(sager: readonly SagReview[]): SagReview[] {
  return sager.filter((s) => s.sag.status === 'faerdig');
}

export function questionsOf(sager: readonly SagReview[]): Map<string, Question> {
  const content = sager[0]?.content;
  return new Map((content?.sections.flatMap((sec) => sec.questions) ?? []).map((q) => [q.key, q]));
}

export function noteHeader(input: FeedbackInput) {
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

export function resultRows(missed: readonly MissedMeasure[]): NoteResultRow[] {
  return missed.map((m) => ({
    number: m.number,
    text: m.text,
    opfyldt: `${formatCount(m.met)} af ${formatCount(m.applicable)}`,
    andel: formatShare(m.applicable > 0 ? m.met / m.applicable : null),
    maaltal: m.target === null ? '–' : formatPercent(m.target),
  }));
}

const MAX_SUGGESTIONS = 4;

/**
 * The refleksionsspørgsmål of one note: those the leader saved for the recipient, or else the suggestions from the
 * measures she (or the team) did not meet. A learning point about a question gets that question's refleksions-
 * spørgsmål right under it, as in seed 002; the closing list holds the rest.
 */
export function reflectionPlan(input: FeedbackInput, who: string | null) {
  const saved = input.reflections.filter((r) =>
    who === null ? r.sagsbehandler === null : r.sagsbehandler !== null && r.sagsbehandler.trim() === who,
  );
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

/** Said wherever a share is shown (issue #13): what the figures count. */
export const HOW_SHARES_COUNT = '»Delvist opfyldt« tæller som ikke opfyldt; »Ikke relevant« tæller ikke med.';
