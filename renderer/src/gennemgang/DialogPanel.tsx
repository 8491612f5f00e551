import type { DialogRecord, Finding } from '../../../shared/domain/findings';
import { DateInput } from '../components/DateInput';
import { SavedTextArea, SavedTextInput } from '../components/SavedTextArea';
import { useSavedText } from '../hooks/useSavedText';
import { FindingList } from './FindingList';
import type { QuestionRef } from './QuestionLink';

interface DialogPanelProps {
  dialog: DialogRecord;
  findings: Finding[];
  questions: QuestionRef[];
  disabled: boolean;
  onSave(patch: Partial<DialogRecord>): void;
  onAdd(finding: Omit<Finding, 'id'>): void;
  onUpdate(finding: Finding, text: string): void;
  onDelete(finding: Finding): void;
}

/** Dialogbaseret sagsgennemgang: when the conversation took place, who took part, the reflections and aftaler. */
export function DialogPanel({ dialog, findings, questions, disabled, onSave, ...findingHandlers }: DialogPanelProps) {
  const deltagere = useSavedText(dialog.deltagere, (text) => onSave({ deltagere: text }));
  const reflections = useSavedText(dialog.refleksioner, (text) => onSave({ refleksioner: text }));
  return (
    <section className="review-block" aria-labelledby="samtalen">
      <h2 id="samtalen">Samtalen med sagsbehandleren</h2>
      <p className="form-hint">
        Dialogbaseret sagsgennemgang: notér hvem der deltog, sagsbehandlerens egne refleksioner og de aftaler, I indgik.
        Så er samtalens udbytte dokumenteret, ikke kun svarene.
      </p>
      <div className="form-row aligned-row">
        <div className="form-group">
          <label className="form-label" htmlFor="dialog-dato">
            Dato for samtalen
          </label>
          <DateInput
            id="dialog-dato"
            disabled={disabled}
            value={dialog.dato ?? ''}
            onChange={(date) => onSave({ dato: date || null })}
          />
        </div>
        <div className="form-group grow">
          <label className="form-label" htmlFor="dialog-deltagere">
            Deltagere
          </label>
          <SavedTextInput
            id="dialog-deltagere"
            field={deltagere}
            wide
            placeholder="Fx sagsbehandler, teamleder, faglig koordinator"
            disabled={disabled}
          />
        </div>
      </div>
      <div className="form-group">
        <label className="form-label" htmlFor="dialog-refleksioner">
          Sagsbehandlerens refleksioner
        </label>
        <span className="form-hint">
          Hvad ser sagsbehandleren selv i sagen? Hvad ville sagsbehandleren gøre anderledes?
        </span>
        <SavedTextArea id="dialog-refleksioner" field={reflections} rows={4} disabled={disabled} />
      </div>
      <FindingList kind="aftale" findings={findings} questions={questions} disabled={disabled} {...findingHandlers} />
    </section>
  );
}
