import type { Question, TemplateContent } from '../../../shared/domain/template';

/** The message for a question key the tilsyn's template does not have. */
export const UNKNOWN_QUESTION = 'Spørgsmålet findes ikke i tilsynets skabelon.';

/** The template's question with this key, if it has one. Pure. */
export function findQuestion(content: TemplateContent, key: string): Question | undefined {
  for (const section of content.sections) {
    const question = section.questions.find((q) => q.key === key);
    if (question) return question;
  }
  return undefined;
}
