import { type DragEvent, useState } from 'react';
import type { TemplateContentInput } from '../../../shared/domain/template';
import type { QuestionPos } from '../../../shared/domain/template-edit';

export type Selection = { kind: 'dates' } | { kind: 'section'; s: number } | ({ kind: 'question' } & QuestionPos);

interface OutlineProps {
  content: TemplateContentInput;
  selection: Selection;
  /** Item keys with validation issues, e.g. "s0", "s0q3", "dates". */
  itemsWithIssues: Set<string>;
  onSelect(selection: Selection): void;
  onMoveQuestion(from: QuestionPos, to: QuestionPos): void;
  onMoveSection(from: number, to: number): void;
  onAddSection(): void;
  onAddQuestion(s: number): void;
}

/** The template's afsnit and spørgsmål in order; reorder by drag and drop or with the arrow buttons. */
export function Outline(props: OutlineProps) {
  const { content, selection } = props;
  const [dragging, setDragging] = useState<QuestionPos>();
  const isSelected = (s: number, q?: number) =>
    q === undefined
      ? selection.kind === 'section' && selection.s === s
      : selection.kind === 'question' && selection.s === s && selection.q === q;
  const drop = (target: QuestionPos) => (event: DragEvent) => {
    event.preventDefault();
    if (dragging) props.onMoveQuestion(dragging, target);
    setDragging(undefined);
  };

  return (
    <nav className="outline" aria-label="Skabelonens afsnit og spørgsmål">
      <button
        type="button"
        className={`outline-item outline-dates${selection.kind === 'dates' ? ' selected' : ''}${props.itemsWithIssues.has('dates') ? ' has-issue' : ''}`}
        aria-current={selection.kind === 'dates' ? 'true' : undefined}
        onClick={() => props.onSelect({ kind: 'dates' })}
      >
        Datofelter ({content.dateFields?.length ?? 0})
      </button>
      <ol className="outline-sections">
        {content.sections.map((section, s) => (
          <li
            // biome-ignore lint/suspicious/noArrayIndexKey: a draft's keys may repeat or be empty while typed, so the position tells items apart
            key={`${section.key}-${s}`}
            onDragOver={(e) => e.preventDefault()}
            onDrop={drop({ s, q: section.questions.length })}
          >
            <div className="outline-row">
              <button
                type="button"
                className={`outline-item outline-section${isSelected(s) ? ' selected' : ''}${props.itemsWithIssues.has(`s${s}`) ? ' has-issue' : ''}${section.active === false ? ' inactive' : ''}`}
                aria-current={isSelected(s) ? 'true' : undefined}
                onClick={() => props.onSelect({ kind: 'section', s })}
              >
                {s + 1}. {section.title || 'Afsnit uden titel'}
              </button>
              <MoveButtons
                what={`afsnit ${s + 1}`}
                canUp={s > 0}
                canDown={s < content.sections.length - 1}
                onMove={(d) => props.onMoveSection(s, s + d)}
              />
            </div>
            <ol className="outline-questions">
              {section.questions.map((question, q) => (
                <li
                  // biome-ignore lint/suspicious/noArrayIndexKey: a draft's keys may repeat or be empty while typed, so the position tells items apart
                  key={`${question.key}-${q}`}
                  draggable
                  onDragStart={() => setDragging({ s, q })}
                  onDragEnd={() => setDragging(undefined)}
                  onDragOver={(e) => e.preventDefault()}
                  onDrop={(e) => {
                    e.stopPropagation();
                    drop({ s, q })(e);
                  }}
                  className={dragging?.s === s && dragging.q === q ? 'dragging' : undefined}
                >
                  <div className="outline-row">
                    <button
                      type="button"
                      className={`outline-item${isSelected(s, q) ? ' selected' : ''}${props.itemsWithIssues.has(`s${s}q${q}`) ? ' has-issue' : ''}${question.active === false ? ' inactive' : ''}`}
                      aria-current={isSelected(s, q) ? 'true' : undefined}
                      onClick={() => props.onSelect({ kind: 'question', s, q })}
                    >
                      <span className="outline-number">
                        {s + 1}.{q + 1}
                      </span>{' '}
                      {question.text || <em>Nyt spørgsmål uden tekst</em>}
                    </button>
                    <MoveButtons
                      what={`spørgsmål ${s + 1}.${q + 1}`}
                      canUp={q > 0}
                      canDown={q < section.questions.length - 1}
                      onMove={(d) => props.onMoveQuestion({ s, q }, { s, q: q + d })}
                    />
                  </div>
                </li>
              ))}
            </ol>
            <button type="button" className="link-button outline-add" onClick={() => props.onAddQuestion(s)}>
              + Tilføj spørgsmål<span className="sr-only"> i afsnit {s + 1}</span>
            </button>
          </li>
        ))}
      </ol>
      <button type="button" className="button button-secondary" onClick={props.onAddSection}>
        + Tilføj afsnit
      </button>
    </nav>
  );
}

function MoveButtons(props: { what: string; canUp: boolean; canDown: boolean; onMove(delta: -1 | 1): void }) {
  return (
    <span className="move-buttons">
      <button
        type="button"
        disabled={!props.canUp}
        onClick={() => props.onMove(-1)}
        aria-label={`Flyt ${props.what} op`}
        title="Flyt op"
      >
        ↑
      </button>
      <button
        type="button"
        disabled={!props.canDown}
        onClick={() => props.onMove(1)}
        aria-label={`Flyt ${props.what} ned`}
        title="Flyt ned"
      >
        ↓
      </button>
    </span>
  );
}
