import { useEffect, useMemo, useState } from 'react';
import type { TemplateContentInput, VersionDetail } from '../../../shared/domain/template';
import {
  addQuestion,
  addSection,
  moveQuestion,
  moveSection,
  removeQuestion,
  removeSection,
  updateQuestion,
  updateSection,
} from '../../../shared/domain/template-edit';
import { validateTemplateContent } from '../../../shared/domain/template-validation';
import { Alert } from '../components/Alert';
import { errorsFor, issueTarget } from './issues';
import { Outline, type Selection } from './Outline';
import { QuestionForm } from './QuestionForm';
import { DateFieldsForm, SectionForm } from './SectionForm';
import { useDraftAutosave } from './useDraftAutosave';

interface TemplateEditorProps {
  version: VersionDetail;
  onPublish(): Promise<unknown>;
  /** Saves the draft's content (the editor saves shortly after each change). */
  onSave(content: TemplateContentInput): Promise<void>;
  /** Told of every edit, so the preview shows the draft as it is now. */
  onContentChange(content: TemplateContentInput): void;
}

/** Edits a draft: every change is saved within a moment; problems are listed before publishing. */
export function TemplateEditor({ version, onPublish, onSave, onContentChange }: TemplateEditorProps) {
  const [content, setContent] = useState<TemplateContentInput>(version.content);
  useEffect(() => onContentChange(content), [content, onContentChange]);
  const [selection, setSelection] = useState<Selection>(
    version.content.sections.length > 0 ? { kind: 'section', s: 0 } : { kind: 'dates' },
  );
  const [publishing, setPublishing] = useState(false);
  const { state, flush } = useDraftAutosave(onSave, content);
  const issues = useMemo(() => validateTemplateContent(content).issues, [content]);
  const itemsWithIssues = useMemo(() => new Set(issues.map((i) => issueTarget(i).item)), [issues]);

  const select = (item: string) => {
    const m = /^s(\d+)(?:q(\d+))?$/.exec(item);
    if (item === 'dates') setSelection({ kind: 'dates' });
    else if (m?.[2] !== undefined) setSelection({ kind: 'question', s: Number(m[1]), q: Number(m[2]) });
    else if (m) setSelection({ kind: 'section', s: Number(m[1]) });
  };

  const section = selection.kind !== 'dates' ? content.sections[selection.s] : undefined;
  const question = selection.kind === 'question' ? section?.questions[selection.q] : undefined;

  return (
    <div className="template-editor">
      <div className="editor-toolbar">
        <SaveIndicator state={state} onRetry={() => void flush()} />
        <button
          type="button"
          className="button button-primary"
          disabled={issues.length > 0 || publishing || state.kind !== 'saved'}
          onClick={async () => {
            setPublishing(true);
            await flush();
            await onPublish();
            setPublishing(false);
          }}
        >
          Publicér version {version.nummer}
        </button>
      </div>
      {issues.length > 0 && (
        <Alert
          kind="warning"
          heading={`Kladden har ${issues.length === 1 ? '1 fejl' : `${issues.length} fejl`}, der skal rettes før publicering`}
        >
          <ul className="alert-text nobullet-list issue-list">
            {issues.slice(0, 12).map((issue) => (
              <li key={`${issue.path.join('.')}-${issue.message}`}>
                <button type="button" className="link-button" onClick={() => select(issueTarget(issue).item)}>
                  {describeItem(issueTarget(issue).item)}: {issue.message}
                </button>
              </li>
            ))}
            {issues.length > 12 && <li>… og {issues.length - 12} flere</li>}
          </ul>
        </Alert>
      )}
      <div className="editor-columns">
        <Outline
          content={content}
          selection={selection}
          itemsWithIssues={itemsWithIssues}
          onSelect={setSelection}
          onMoveQuestion={(from, to) => {
            setContent((c) => moveQuestion(c, from, to));
            setSelection({ kind: 'question', ...(from.s === to.s ? to : { s: to.s, q: to.q }) });
          }}
          onMoveSection={(from, to) => {
            setContent((c) => moveSection(c, from, to));
            setSelection({ kind: 'section', s: to });
          }}
          onAddSection={() => {
            setContent((c) => addSection(c));
            setSelection({ kind: 'section', s: content.sections.length });
          }}
          onAddQuestion={(s) => {
            setContent((c) => addQuestion(c, s));
            setSelection({ kind: 'question', s, q: content.sections[s]?.questions.length ?? 0 });
          }}
        />
        <div className="editor-panel" aria-live="polite">
          {selection.kind === 'dates' && (
            <>
              <h2 className="h3">Datofelter</h2>
              <DateFieldsForm
                content={content}
                errors={errorsFor(issues, 'dates')}
                onChange={(dateFields) => setContent((c) => ({ ...c, dateFields }))}
              />
            </>
          )}
          {selection.kind === 'section' && section && (
            <>
              <h2 className="h3">Afsnit {selection.s + 1}</h2>
              <SectionForm
                key={selection.s}
                section={section}
                content={content}
                errors={errorsFor(issues, `s${selection.s}`)}
                onChange={(patch) => setContent((c) => updateSection(c, selection.s, (s) => ({ ...s, ...patch })))}
                onAddQuestion={() => {
                  setContent((c) => addQuestion(c, selection.s));
                  setSelection({ kind: 'question', s: selection.s, q: section.questions.length });
                }}
                onRemove={() => {
                  setContent((c) => removeSection(c, selection.s));
                  setSelection(content.sections.length > 1 ? { kind: 'section', s: 0 } : { kind: 'dates' });
                }}
              />
            </>
          )}
          {selection.kind === 'question' && question && (
            <>
              <h2 className="h3">
                Spørgsmål {selection.s + 1}.{selection.q + 1}
              </h2>
              <QuestionForm
                key={`${selection.s}-${selection.q}`}
                question={question}
                content={content}
                errors={errorsFor(issues, `s${selection.s}q${selection.q}`)}
                onChange={(patch) => setContent((c) => updateQuestion(c, selection, patch))}
                onRemove={() => {
                  if (!window.confirm('Vil du slette spørgsmålet fra kladden?')) return;
                  setContent((c) => removeQuestion(c, selection));
                  setSelection({ kind: 'section', s: selection.s });
                }}
              />
            </>
          )}
        </div>
      </div>
    </div>
  );
}

function describeItem(item: string): string {
  const m = /^s(\d+)(?:q(\d+))?$/.exec(item);
  if (item === 'dates') return 'Datofelter';
  if (!m) return 'Skabelonen';
  return m[2] === undefined ? `Afsnit ${Number(m[1]) + 1}` : `Spørgsmål ${Number(m[1]) + 1}.${Number(m[2]) + 1}`;
}

function SaveIndicator({ state, onRetry }: { state: ReturnType<typeof useDraftAutosave>['state']; onRetry(): void }) {
  if (state.kind === 'saving')
    return (
      <span className="save-indicator saving" role="status">
        Gemmer …
      </span>
    );
  if (state.kind === 'saved')
    return (
      <span className="save-indicator saved" role="status">
        ✓ Gemt
      </span>
    );
  return (
    <span className="save-indicator error" role="alert">
      Ikke gemt: {state.message}{' '}
      <button type="button" className="link-button" onClick={onRetry}>
        Prøv igen
      </button>
    </span>
  );
}
