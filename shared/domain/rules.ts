import { formatDanishDate } from './dates';
import type { Question, Rule, Section, TemplateContent } from './template';

/**
 * What a rule can look at: the sag's type, the answers given so far (question key → answer value) and the
 * sag's dates (date field key → åååå-mm-dd).
 */
export interface RuleContext {
  sagstype?: string;
  answers: Readonly<Record<string, string | undefined>>;
  dates?: Readonly<Record<string, string | undefined>>;
}

type DateRule = Extract<Rule, { type: 'dato' }>;

/** True when `date` lies in the rule's period: on or after `fra`, before `foer`. */
export function dateInRule(rule: DateRule, date: string): boolean {
  return (rule.fra === undefined || date >= rule.fra) && (rule.foer === undefined || date < rule.foer);
}

/** »Ledigheden begyndte« fra 01.01.2024 og før 01.07.2026 — a date rule as the review shows it. */
export function dateRuleInWords(rule: DateRule, fieldLabel: string): string {
  const parts = [
    rule.fra !== undefined ? `fra ${formatDanishDate(rule.fra)}` : '',
    rule.foer !== undefined ? `før ${formatDanishDate(rule.foer)}` : '',
  ].filter(Boolean);
  return `»${fieldLabel}« ${parts.length > 0 ? parts.join(' og ') : 'er udfyldt'}`;
}

const norm = (s: string) => s.trim().toLocaleLowerCase('da');

export interface ApplicableSection {
  section: Section;
  questions: Question[];
}

/**
 * The sections and questions that apply to one sag, in template order. Inactive ones never apply, and
 * `sectionKeys` narrows a tematiseret tilsyn to its chosen afsnit. A rule on another answer holds only
 * when that question itself applies and has one of the named answers, so hiding a question also hides
 * what depends on it.
 */
export function applicableQuestions(
  content: TemplateContent,
  ctx: RuleContext,
  sectionKeys?: readonly string[],
  /** Date fields to treat as if every date rule on them held (used to find what a missing date hides). */
  missingDates?: ReadonlySet<string>,
): ApplicableSection[] {
  const { byKey } = indexOf(content);
  const memo = new Map<string, boolean>();

  const holds = (rules: readonly Rule[]): boolean =>
    rules.every((rule) => {
      if (rule.type === 'sagstype') {
        return ctx.sagstype !== undefined && rule.anyOf.some((t) => norm(t) === norm(ctx.sagstype ?? ''));
      }
      if (rule.type === 'dato') {
        const date = ctx.dates?.[rule.felt];
        return date ? dateInRule(rule, date) : (missingDates?.has(rule.felt) ?? false);
      }
      const answer = ctx.answers[rule.question];
      return applies(rule.question) && answer !== undefined && rule.anyOf.includes(answer);
    });

  const sectionApplies = (section: Section) =>
    section.active && (!sectionKeys || sectionKeys.includes(section.key)) && holds(section.rules);

  function applies(key: string): boolean {
    const cached = memo.get(key);
    if (cached !== undefined) return cached;
    const entry = byKey.get(key);
    if (!entry) return false;
    memo.set(key, false); // a question caught in a rule cycle never applies
    const result = entry.question.active && sectionApplies(entry.section) && holds(entry.question.rules);
    memo.set(key, result);
    return result;
  }

  return content.sections
    .map((section) => ({ section, questions: section.questions.filter((q) => applies(q.key)) }))
    .filter((s) => s.questions.length > 0);
}

/** What the rules read of the answers given: each question's value. */
export function answerValues(
  answers: Readonly<Record<string, { value?: string | null } | undefined>>,
): Record<string, string | undefined> {
  // A plain loop: every save asks this, and entries-map-fromEntries was a sixth of its progress. No prototype, so a
  // question keyed »constructor« reads as unanswered.
  const values: Record<string, string | undefined> = Object.create(null);
  for (const key of Object.keys(answers)) values[key] = answers[key]?.value ?? undefined;
  return values;
}

interface ContentIndex {
  byKey: Map<string, { question: Question; section: Section }>;
  /** The date fields some rule reads. */
  dateRuleFields: Set<string>;
}

/** Each question by its key, and the date fields the rules read: made once per template content (a save asks twice). */
const indexes = new WeakMap<TemplateContent, ContentIndex>();
function indexOf(content: TemplateContent): ContentIndex {
  let index = indexes.get(content);
  if (index) return index;
  index = { byKey: new Map(), dateRuleFields: new Set() };
  for (const section of content.sections) {
    for (const question of section.questions) index.byKey.set(question.key, { question, section });
    for (const rule of [...section.rules, ...section.questions.flatMap((q) => q.rules)])
      if (rule.type === 'dato') index.dateRuleFields.add(rule.felt);
  }
  indexes.set(content, index);
  return index;
}

export interface MissingRuleDate {
  /** The date field whose value decides which rules apply. */
  key: string;
  label: string;
}

/**
 * The dates a sag lacks that decide whether questions apply (rules of their time, issue #13): without the date
 * Tilsyn cannot tell which rules were in force, so those questions are hidden and the review asks for it.
 */
export function missingRuleDates(
  content: TemplateContent,
  ctx: RuleContext,
  sectionKeys?: readonly string[],
): MissingRuleDate[] {
  const used = new Set([...indexOf(content).dateRuleFields].filter((felt) => !ctx.dates?.[felt]));
  if (used.size === 0) return [];
  const keys = (sections: ApplicableSection[]) => new Set(sections.flatMap((s) => s.questions.map((q) => q.key)));
  const shown = keys(applicableQuestions(content, ctx, sectionKeys));
  const labels = new Map(content.dateFields.map((f) => [f.key, f.label]));
  return [...used].flatMap((key) => {
    const ifKnown = keys(applicableQuestions(content, ctx, sectionKeys, new Set([key])));
    // Every version of a krav would apply if the date were anything at all: what counts is that some would.
    return [...ifKnown].some((k) => !shown.has(k)) ? [{ key, label: labels.get(key) ?? key }] : [];
  });
}

/**
 * The afsnit a chosen afsnit needs but a tematiseret tilsyn left out: its questions (or itself) apply only by an
 * answer given in them, so without them its krav would silently never be asked.
 */
export function missingSectionDependencies(
  content: TemplateContent,
  chosen: readonly string[],
): { section: Section; needs: Section[] }[] {
  const sectionOf = new Map<string, Section>();
  for (const section of content.sections) for (const q of section.questions) sectionOf.set(q.key, section);
  return content.sections
    .filter((s) => s.active && chosen.includes(s.key))
    .flatMap((section) => {
      const needs = new Map<string, Section>();
      for (const rule of [...section.rules, ...section.questions.filter((q) => q.active).flatMap((q) => q.rules)]) {
        const other = rule.type === 'svar' ? sectionOf.get(rule.question) : undefined;
        if (other && other.key !== section.key && !chosen.includes(other.key)) needs.set(other.key, other);
      }
      return needs.size > 0 ? [{ section, needs: [...needs.values()] }] : [];
    });
}

/**
 * Cycles among answer rules: each is the list of question keys around the loop, e.g. [a, b, a].
 * A rule on an afsnit counts as a rule on each of its questions.
 */
export function findRuleCycles(content: TemplateContent): string[][] {
  const edges = new Map<string, Set<string>>();
  for (const section of content.sections) {
    for (const q of section.questions) {
      const deps = new Set<string>();
      for (const rule of [...section.rules, ...q.rules]) if (rule.type === 'svar') deps.add(rule.question);
      edges.set(q.key, deps);
    }
  }
  const cycles: string[][] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (key: string) => {
    state.set(key, 'visiting');
    stack.push(key);
    for (const next of edges.get(key) ?? []) {
      if (state.get(next) === 'visiting') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next) && edges.has(next)) visit(next);
    }
    stack.pop();
    state.set(key, 'done');
  };
  for (const key of edges.keys()) if (!state.has(key)) visit(key);
  return cycles;
}
