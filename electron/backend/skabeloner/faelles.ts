import { type AnswerOption, JND_OPTIONS, type QuestionInput, type Rule } from '../../../shared/domain/template';

/**
 * Building blocks shared by the default templates. They are plain data: a question is an object, and these
 * constants only fill in the fields that follow from the kind of question.
 */

/**
 * A scale for professional judgements with a middle step (issue #13: without it a reviewer in doubt had to choose
 * between »ringe« and »høj«): »I nogen grad« counts as delvist, that is not met. 3 and 4 count as met. The values
 * stay as they were, so earlier answers keep their meaning.
 */
export const GRAD_OPTIONS: AnswerOption[] = [
  { value: '1', label: 'I meget ringe grad', outcome: 'ikke_opfyldt' },
  { value: '2', label: 'I ringe grad', outcome: 'ikke_opfyldt' },
  { value: 'nogen', label: 'I nogen grad', outcome: 'delvist' },
  { value: '3', label: 'I høj grad', outcome: 'opfyldt' },
  { value: '4', label: 'I meget høj grad', outcome: 'opfyldt' },
  { value: 'ikke_relevant', label: 'Ikke relevant', outcome: 'udeladt' },
];

/**
 * Ja / Nej about what happened in the sag (e.g. whether a placement was decided). Such a question only decides
 * which other questions apply, so neither answer counts as met or not met.
 */
export const FORLOEB_JA_NEJ: AnswerOption[] = [
  { value: 'ja', label: 'Ja', outcome: 'udeladt' },
  { value: 'nej', label: 'Nej', outcome: 'udeladt' },
];

/** A legal requirement answered Ja / Nej / Delvist / Ikke relevant: måltal 100 %, reason required when not met. */
export const JND_KRAV = {
  category: 'lovmedholdelighed',
  answerType: 'jnd',
  options: JND_OPTIONS,
  target: 100,
  reasonRequiredOnNegative: true,
  active: true,
} as const satisfies Partial<QuestionInput>;

/** A deadline computed from two of the sag's dates: måltal 100 %, reason required when not met. */
export const FRIST_KRAV = {
  category: 'lovmedholdelighed',
  answerType: 'frist',
  target: 100,
  reasonRequiredOnNegative: true,
  active: true,
} as const satisfies Partial<QuestionInput>;

/** A professional-quality judgement answered Ja / Nej / Delvist / Ikke relevant. */
export const JND_KVALITET = {
  category: 'kvalitet',
  answerType: 'jnd',
  options: JND_OPTIONS,
  target: 90,
  active: true,
} as const satisfies Partial<QuestionInput>;

/** A professional-quality judgement on the 1-4 scale. */
export const SKALA_KVALITET = {
  category: 'kvalitet',
  answerType: 'skala',
  options: GRAD_OPTIONS,
  target: 90,
  active: true,
} as const satisfies Partial<QuestionInput>;

/** Workflow, documentation or system use answered Ja / Nej / Delvist / Ikke relevant. */
export const JND_PROCES = {
  category: 'proces',
  answerType: 'jnd',
  options: JND_OPTIONS,
  target: 90,
  active: true,
} as const satisfies Partial<QuestionInput>;

/** The rule "applies when question `question` is answered one of `anyOf`". */
export const naarSvar = (question: string, ...anyOf: string[]): Rule => ({ type: 'svar', question, anyOf });

/**
 * The rule "applies to sager whose date `felt` lies on or after `fra` and before `foer`": the rules of their
 * time (issue #13), with the law that set the date.
 */
export const naarDato = (felt: string, period: { fra?: string; foer?: string }, kilde: string): Rule => ({
  type: 'dato',
  felt,
  ...period,
  kilde,
});

/** Said in the help text of every deadline that is not confirmed in a primary source. */
export const FRIST_BEKRAEFTES = 'Fristen skal bekræftes lokalt.';

/** The closing free-text question. */
export const oevrigeBemaerkninger = (key: string, help: string): QuestionInput => ({
  key,
  text: 'Øvrige bemærkninger',
  help,
  legalRef: '',
  category: 'kvalitet',
  answerType: 'tekst',
  active: true,
});
