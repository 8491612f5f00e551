// What one sag contributes to a round's results: the outcome of each scored question that applies to it. Worked out
// whole, or (Resultater right after a save, issue #18) taken from the last time when nothing it depends on changed.
import { isMeasure } from './numbering';
import type { AnswerRecord } from './review';
import { answerValues, applicableQuestions } from './rules';
import { sameEntries, sameList } from './same';
import { scoreAnswer } from './scoring';
import type { TemplateContent } from './template';

/** What a sag's krav came to, each as its place here; a krav that does not apply to the sag is NOT_APPLICABLE. */
export const OUTCOME_PLACES = ['opfyldt', 'delvist', 'ikke_opfyldt', 'udeladt', 'ubesvaret'] as const;
export const NOT_APPLICABLE = -1;

export interface SagOutcomes {
  /**
   * By the krav's place in `places`: the place of its outcome in OUTCOME_PLACES ('ubesvaret': not answered yet), or
   * NOT_APPLICABLE. A list of small numbers, not a map: a round's tallies read 60 of them for each of 60 sager.
   */
  codes: Int8Array;
  /** How many days past its deadline a computed frist was met (not where the leader overrode the computation). */
  late: Map<string, number>;
}

export function sagOutcomes(
  content: TemplateContent,
  sectionKeys: readonly string[] | null,
  sag: ScoredSag,
  labels: Record<string, string>,
  /** Each krav's place (scoredQuestions' order). */
  places: ReadonlyMap<string, number>,
): SagOutcomes {
  const values = answerValues(sag.answers);
  const applicable = applicableQuestions(
    content,
    { sagstype: sag.sagstype, answers: values, dates: sag.dates },
    sectionKeys ?? undefined,
  );
  const codes = new Int8Array(places.size).fill(NOT_APPLICABLE);
  const late = new Map<string, number>();
  for (const { questions } of applicable) {
    for (const q of questions) {
      const place = places.get(q.key);
      if (place === undefined || !isMeasure(q)) continue;
      const scored = scoreAnswer(q, sag.answers[q.key], sag.dates, labels);
      codes[place] = OUTCOME_PLACES.indexOf(scored.outcome ?? 'ubesvaret');
      if (scored.frist?.status === 'ikke_opfyldt' && !sag.answers[q.key]?.override)
        late.set(q.key, scored.frist.daysLate);
    }
  }
  return { codes, late };
}

/** What the scoring reads of a sag; `id` (its id in the file, where it has one) is what an OutcomeMemo knows it by. */
export interface ScoredSag {
  id?: number;
  sagstype: string;
  answers: Readonly<Record<string, AnswerRecord | undefined>>;
  dates: Readonly<Record<string, string | undefined>>;
}

export type OutcomeMemo = ReturnType<typeof createOutcomeMemo>;

interface Held {
  content: TemplateContent;
  sectionKeys: readonly string[] | null;
  sagstype: string;
  answers: ScoredSag['answers'];
  dates: ScoredSag['dates'];
  outcomes: SagOutcomes;
}

/**
 * The outcomes of the sager worked out lately, by the sag's id, with what each was worked out from: the template
 * (and with it the krav's places), the afsnit, the sagstype, the dates and each answer's value and override (all the scoring reads). Resultater right
 * after a save scored every sag of the round again for the one that changed; now a sag whose facts compare equal
 * field by field is not scored again. The records are read, never changed, by the results.
 */
export function createOutcomeMemo(limit = 5000) {
  const held = new Map<number, Held>();
  return {
    of(
      content: TemplateContent,
      sectionKeys: readonly string[] | null,
      sag: ScoredSag & { id: number },
      labels: Record<string, string>,
      places: ReadonlyMap<string, number>,
    ): SagOutcomes {
      const before = held.get(sag.id);
      if (
        before &&
        before.content === content &&
        before.sagstype === sag.sagstype &&
        sameList(before.sectionKeys, sectionKeys) &&
        sameEntries(before.dates, sag.dates) &&
        sameAnswers(before.answers, sag.answers)
      )
        return before.outcomes;
      const outcomes = sagOutcomes(content, sectionKeys, sag, labels, places);
      if (!before && held.size >= limit) held.clear();
      held.set(sag.id, {
        content,
        sectionKeys,
        sagstype: sag.sagstype,
        answers: sag.answers,
        dates: sag.dates,
        outcomes,
      });
      return outcomes;
    },
  };
}

function sameAnswers(a: ScoredSag['answers'], b: ScoredSag['answers']): boolean {
  if (a === b) return true;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) if (!Object.hasOwn(b, key) || !sameScored(a[key], b[key])) return false;
  return true;
}

/** The same in all the scoring reads of an answer: its value and its override. */
function sameScored(a: AnswerRecord | undefined, b: AnswerRecord | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return (
    a.value === b.value && a.override?.outcome === b.override?.outcome && a.override?.reason === b.override?.reason
  );
}
