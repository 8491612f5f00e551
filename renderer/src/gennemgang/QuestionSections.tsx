import { templateNumbers } from '../../../shared/domain/numbering';
import type { AnswerRecord, ReviewRole } from '../../../shared/domain/review';
import { applicableQuestions } from '../../../shared/domain/rules';
import type { TemplateContent } from '../../../shared/domain/template';
import type { AnswerChange } from './changes';
import { ReviewQuestion } from './ReviewQuestion';

/**
 * The template's questions that apply to one sag, afsnit by afsnit, each answered and saved as it is given: the
 * screens where someone other than the reviewer answers (the caseworker's selvevaluering, the second reviewer,
 * a leader calibrating on a practice sag) show them alike.
 */
export function QuestionSections(props: {
  content: TemplateContent;
  sectionKeys: readonly string[] | null;
  sagstype: string;
  answers: Readonly<Record<string, AnswerRecord | undefined>>;
  dates: Record<string, string>;
  disabled: boolean;
  role?: ReviewRole;
  onSave(key: string, change: AnswerChange): void;
}) {
  const values = Object.fromEntries(Object.entries(props.answers).map(([k, a]) => [k, a?.value]));
  const sections = applicableQuestions(
    props.content,
    { sagstype: props.sagstype, answers: values, dates: props.dates },
    props.sectionKeys ?? undefined,
  );
  const numbers = templateNumbers(props.content, props.sectionKeys);
  return (
    <>
      {sections.map(({ section, questions }) => (
        <section key={section.key} className="review-section" aria-labelledby={`afsnit-${section.key}`}>
          <h3 id={`afsnit-${section.key}`}>
            {numbers.section(section.key)}. {section.title}
          </h3>
          {questions.map((q) => (
            <ReviewQuestion
              key={q.key}
              number={numbers.question(q.key)}
              question={q}
              answer={props.answers[q.key]}
              dates={props.dates}
              dateFields={props.content.dateFields}
              disabled={props.disabled}
              role={props.role}
              onSave={(change) => props.onSave(q.key, change)}
            />
          ))}
        </section>
      ))}
    </>
  );
}
