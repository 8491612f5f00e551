// A sag's progress in its review: which applicable questions still lack what they need. Worked out whole, or (on the
// save path, issue #18) from the progress the sag's last save left, when only answers no rule reads have changed.

import type { TemplateNumbers } from './numbering';
import {
  type AnswerRecord,
  asksReason,
  type MissingItem,
  type ReviewContext,
  type ReviewProgress,
  ruleContextOf,
  ruleDateMissingKey,
} from './review';
import { applicableQuestions, missingRuleDates } from './rules';
import { sameEntries, sameList } from './same';
import { scoreAnswer } from './scoring';
import type { Outcome, Question, TemplateContent } from './template';

/**
 * Which applicable questions still lack what they need. Free-text questions are optional; a negative answer
 * needs its reason where the template says so; a frist needs its dates, or the reviewer's override with a reason.
 */
export function reviewProgress(ctx: ReviewContext): ReviewProgress {
  return progressOf(ctx).progress;
}

/** A missing item as a list says it: its question's number first (»5.2 Er der …«); a date a rule needs has none. */
export function numberedMissing(m: MissingItem, numbers: TemplateNumbers): string {
  const n = numbers.question(m.key);
  return n ? `${n} ${m.message}` : m.message;
}

/** Whether a question counts in a sag's progress: free-text questions are optional, so they do not. */
export const countsInProgress = (q: Question) => q.answerType !== 'tekst';

/** The progress, and the questions it counted (applicable, not free text) by key. */
function progressOf(ctx: ReviewContext): { progress: ReviewProgress; counted: Map<string, Question> } {
  const rules = ruleContextOf(ctx);
  const sections = applicableQuestions(ctx.content, rules, ctx.sectionKeys ?? undefined);
  const { labels } = indexOf(ctx.content);
  const missing: MissingItem[] = [];
  const counted = new Map<string, Question>();
  for (const { questions } of sections) {
    for (const q of questions) {
      if (!countsInProgress(q)) continue;
      counted.set(q.key, q);
      const item = missingItem(q, ctx.answers[q.key], ctx.dates, labels);
      if (item) missing.push(item);
    }
  }
  const applicable = counted.size;
  const answered = applicable - missing.length;
  const waiting = missingRuleDates(ctx.content, rules, ctx.sectionKeys ?? undefined);
  // First: the date decides which questions the sag has at all.
  for (const date of waiting.reverse())
    missing.unshift({
      key: ruleDateMissingKey(date.key),
      message: `»${date.label}« mangler – datoen afgør, hvilke regler der gjaldt, og dermed hvilke spørgsmål sagen skal have`,
    });
  return { progress: { applicable, answered, missing }, counted };
}

function missingItem(
  q: Question,
  answer: AnswerRecord | undefined,
  dates: Readonly<Record<string, string | undefined>>,
  labels: Record<string, string>,
): MissingItem | undefined {
  const problem = missingFor(q, answer, dates, labels);
  return problem ? { key: q.key, message: `${q.text} – ${problem}` } : undefined;
}

function missingFor(
  q: Question,
  answer: AnswerRecord | undefined,
  dates: Readonly<Record<string, string | undefined>>,
  labels: Record<string, string>,
): string | undefined {
  if (q.answerType === 'frist') {
    if (answer?.override)
      return answer.override.reason.trim() ? undefined : 'begrundelse for at tilsidesætte fristen mangler';
    const scored = scoreAnswer(q, answer, dates, labels);
    if (scored.outcome === undefined) return 'datoerne mangler eller er ugyldige';
    return asksReason(q, answer, scored.outcome) && !answer?.reason.trim() ? 'begrundelse mangler' : undefined;
  }
  if (!answer?.value) return 'mangler svar';
  const outcome: Outcome | undefined = scoreAnswer(q, answer).outcome;
  if (asksReason(q, answer, outcome) && !answer.reason.trim()) return 'begrundelse mangler';
  return undefined;
}

interface ContentIndex {
  /** The date fields' labels by key. */
  labels: Record<string, string>;
  /** Each question's place in the template, for the order of the missing items. */
  order: Map<string, number>;
  /** The questions some rule reads the answer of: a change to one may change which questions apply. */
  read: Set<string>;
}

const indexes = new WeakMap<TemplateContent, ContentIndex>();
function indexOf(content: TemplateContent): ContentIndex {
  let index = indexes.get(content);
  if (index) return index;
  index = {
    labels: Object.fromEntries(content.dateFields.map((f) => [f.key, f.label])),
    order: new Map(),
    read: new Set(),
  };
  for (const section of content.sections) {
    for (const question of section.questions) index.order.set(question.key, index.order.size);
    for (const rule of [...section.rules, ...section.questions.flatMap((q) => q.rules)])
      if (rule.type === 'svar') index.read.add(rule.question);
  }
  indexes.set(content, index);
  return index;
}

/** More answers changed than this, and the progress is worked out whole: patching would cost as much. */
const MOST_PATCHED = 4;

interface Held {
  ctx: ReviewContext;
  counted: Map<string, Question>;
  progress: ReviewProgress;
}

/**
 * The progress of the sager saved lately, each as its last save left it (issue #18: a save worked out the progress
 * over every rule of the template). A save that changed only answers no rule reads, with the same template, afsnit,
 * sagstype and dates, has the same questions: only the changed ones are looked at again. Anything else is worked
 * out whole. What is held is compared field by field, so it can never be stale.
 */
export function createProgressMemo(limit = 500) {
  const held = new Map<string, Held>();
  return {
    progress(id: string, ctx: ReviewContext): ReviewProgress {
      const before = held.get(id);
      const patched = before && patch(before, ctx);
      const now = patched ?? progressOf(ctx);
      if (!held.has(id) && held.size >= limit) held.clear();
      // Copies: the caller's answers and dates may change after this returns.
      held.set(id, { ctx: { ...ctx, answers: { ...ctx.answers }, dates: { ...ctx.dates } }, ...now });
      return now.progress;
    },
  };
}

function patch(before: Held, ctx: ReviewContext): Omit<Held, 'ctx'> | undefined {
  const was = before.ctx;
  if (was.content !== ctx.content || was.sagstype !== ctx.sagstype) return undefined;
  if (!sameList(was.sectionKeys, ctx.sectionKeys) || !sameEntries(was.dates, ctx.dates)) return undefined;
  const changed = changedAnswers(was.answers, ctx.answers);
  if (changed === undefined) return undefined;
  const { read, order, labels } = indexOf(ctx.content);
  if (changed.some((key) => read.has(key))) return undefined;
  let missing = before.progress.missing;
  for (const key of changed) {
    const q = before.counted.get(key);
    if (!q) continue;
    const item = missingItem(q, ctx.answers[key], ctx.dates, labels);
    const rest = missing.filter((m) => m.key !== key);
    if (item) {
      // After the rule dates (not in `order`) and the questions before it in the template.
      const place = order.get(key) ?? 0;
      const at = rest.findIndex((m) => (order.get(m.key) ?? -1) > place);
      rest.splice(at < 0 ? rest.length : at, 0, item);
    }
    missing = rest;
  }
  const dates = missing.filter((m) => !order.has(m.key)).length;
  const { applicable } = before.progress;
  return {
    counted: before.counted,
    progress: { applicable, answered: applicable - (missing.length - dates), missing },
  };
}

/** The keys whose answer differs in what the progress reads; undefined when more than a few do. */
function changedAnswers(was: ReviewContext['answers'], now: ReviewContext['answers']): string[] | undefined {
  const changed: string[] = [];
  for (const key of Object.keys(now)) {
    if (!sameAnswer(was[key], now[key]) && changed.push(key) > MOST_PATCHED) return undefined;
  }
  for (const key of Object.keys(was)) {
    if (!(key in now) && !sameAnswer(was[key], undefined) && changed.push(key) > MOST_PATCHED) return undefined;
  }
  return changed;
}

function sameAnswer(a: AnswerRecord | undefined, b: AnswerRecord | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return (
    a.value === b.value &&
    a.reason === b.reason &&
    a.override?.outcome === b.override?.outcome &&
    a.override?.reason === b.override?.reason
  );
}
