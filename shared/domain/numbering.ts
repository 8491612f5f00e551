import type { Question, TemplateContent } from './template';

/**
 * One number per question, from the template (issue #12): the afsnit's place among the tilsyn's afsnit, and the
 * question's place among the afsnit's active questions, »3.2«. The review, the results, the PDFs, the notes and
 * Excel all show it, whatever applies to a sag, so a finding tied to 6.3 stays 6.3 everywhere.
 */
export interface TemplateNumbers {
  section(key: string): string;
  question(key: string): string;
}

export function templateNumbers(content: TemplateContent, sectionKeys?: readonly string[] | null): TemplateNumbers {
  const sections = new Map<string, string>();
  const questions = new Map<string, string>();
  const chosen = content.sections.filter((s) => s.active !== false && (!sectionKeys || sectionKeys.includes(s.key)));
  chosen.forEach((section, s) => {
    sections.set(section.key, String(s + 1));
    section.questions
      .filter((q) => q.active !== false)
      .forEach((q, i) => {
        questions.set(q.key, `${s + 1}.${i + 1}`);
      });
  });
  return { section: (key) => sections.get(key) ?? '', question: (key) => questions.get(key) ?? '' };
}

/**
 * A question that counts in the results: a frist, or a question with an answer that counts (opfyldt, delvist,
 * ikke opfyldt). A question that only decides which later questions apply (every answer »tæller ikke med«), a text
 * and a date are never krav.
 */
export function isMeasure(q: Question): boolean {
  if (q.answerType === 'frist') return true;
  if (q.answerType === 'tekst' || q.answerType === 'dato') return false;
  return q.options.some((o) => o.outcome !== 'udeladt');
}
