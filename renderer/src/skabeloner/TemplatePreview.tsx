import { useMemo, useState } from 'react';
import { templateNumbers } from '../../../shared/domain/numbering';
import { applicableQuestions } from '../../../shared/domain/rules';
import { draftContentSchema, type TemplateContent, type TemplateContentInput } from '../../../shared/domain/template';
import { QuestionCard } from '../components/QuestionCard';

/**
 * The questions as a reviewer will meet them, with rules at work: answers, a case type and dates can be
 * tried out here, and questions appear and disappear as they would on a sag. Nothing is saved.
 */
export function TemplatePreview({ content: input }: { content: TemplateContentInput }) {
  const content = useMemo(() => draftContentSchema.parse(input) as TemplateContent, [input]);
  const [sagstype, setSagstype] = useState('');
  const [answers, setAnswers] = useState<Record<string, string | undefined>>({});
  const [dates, setDates] = useState<Record<string, string | undefined>>({});
  const sections = applicableQuestions(content, { sagstype: sagstype || undefined, answers, dates });
  const numbers = templateNumbers(content);
  const shown = sections.reduce((n, s) => n + s.questions.length, 0);
  const total = content.sections
    .filter((s) => s.active)
    .reduce((n, s) => n + s.questions.filter((q) => q.active).length, 0);

  return (
    <div className="preview">
      <div className="card preview-sag">
        <h2 className="h4">Prøv skabelonen på en tænkt sag</h2>
        <div className="preview-sag-fields">
          <div className="form-group">
            <label className="form-label" htmlFor="preview-sagstype">
              Sagstype
            </label>
            <input
              id="preview-sagstype"
              className="form-input"
              value={sagstype}
              onChange={(e) => setSagstype(e.target.value)}
            />
          </div>
          {content.dateFields.map((field) => (
            <div className="form-group" key={field.key}>
              <label className="form-label" htmlFor={`preview-date-${field.key}`}>
                {field.label}
              </label>
              <input
                id={`preview-date-${field.key}`}
                type="date"
                className="form-input"
                value={dates[field.key] ?? ''}
                onChange={(e) => setDates({ ...dates, [field.key]: e.target.value || undefined })}
              />
            </div>
          ))}
        </div>
        <p className="muted" aria-live="polite">
          Viser {shown} af {total} spørgsmål. Spørgsmål med regler vises, når sagen, dens datoer eller svarene opfylder
          dem.
        </p>
      </div>
      {sections.map(({ section, questions }) => (
        <section key={section.key} className="preview-section" aria-labelledby={`preview-section-${section.key}`}>
          <h2 id={`preview-section-${section.key}`}>
            {numbers.section(section.key)}. {section.title}
          </h2>
          {section.description && <p className="muted prewrap">{section.description}</p>}
          {questions.map((question) => (
            <QuestionCard
              key={question.key}
              number={numbers.question(question.key)}
              question={question}
              value={answers[question.key]}
              onChange={(value) => setAnswers({ ...answers, [question.key]: value })}
              dates={dates}
              dateFields={content.dateFields}
            />
          ))}
        </section>
      ))}
    </div>
  );
}
