import { evaluateFrist, type FristResult } from './frist';
import type { Outcome, Question } from './template';

/** One answer as given in a review. A frist answer is computed from dates unless overridden. */
export interface GivenAnswer {
  /** The chosen option's value, the text, or the date (åååå-mm-dd). */
  value?: string;
  /** The reviewer's own judgement instead of the computed frist, with the reason for it. */
  override?: { outcome: Outcome; reason: string };
}

export interface Scored {
  /** undefined: not scored (tekst, dato) or not yet answered. */
  outcome?: Outcome;
  frist?: FristResult;
}

/** How an answer counts in the results, according to the question's answer type and options. */
export function scoreAnswer(
  question: Question,
  answer: GivenAnswer | undefined,
  dates: Readonly<Record<string, string | undefined>> = {},
  dateLabels: Readonly<Record<string, string>> = {},
): Scored {
  switch (question.answerType) {
    case 'jnd':
    case 'skala':
    case 'valg':
      return { outcome: question.options.find((o) => o.value === answer?.value)?.outcome };
    case 'frist': {
      const frist = question.frist ? evaluateFrist(question.frist, dates, dateLabels) : undefined;
      if (answer?.override) return { outcome: answer.override.outcome, frist };
      const computed = frist?.status === 'opfyldt' || frist?.status === 'ikke_opfyldt' ? frist.status : undefined;
      return { outcome: computed, frist };
    }
    case 'tekst':
    case 'dato':
      return {};
  }
}

/** Outcomes that call for a reason when the question requires one. */
export function isNegative(outcome: Outcome | undefined): boolean {
  return outcome === 'ikke_opfyldt' || outcome === 'delvist';
}
