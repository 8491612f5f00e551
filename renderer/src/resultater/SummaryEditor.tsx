import { SavedTextArea } from '../components/SavedTextArea';
import { useSavedText } from '../hooks/useSavedText';
import { useSaveStatus } from '../hooks/useSaveStatus';

/** The leader's short summary that opens the committee report; saved when typing pauses. */
export function SummaryEditor(props: { stored: string; disabled: boolean; onSave(tekst: string): Promise<unknown> }) {
  const { status, saving, settle } = useSaveStatus();
  const text = useSavedText(props.stored, (tekst) => {
    saving();
    void settle(props.onSave(tekst));
  });
  return (
    <section className="review-block" aria-labelledby="sammenfatning">
      <h2 id="sammenfatning">Sammenfatning til udvalget</h2>
      <p className="form-hint">
        Et kort afsnit om, hvad tilsynet viser, og hvad ledelsen gør nu. Det indleder rapporten til udvalget, som er et
        offentligt dokument: skriv ikke sagsnumre eller navne.
      </p>
      <label className="sr-only" htmlFor="sammenfatning-tekst">
        Sammenfatning
      </label>
      <SavedTextArea id="sammenfatning-tekst" field={text} rows={5} disabled={props.disabled} />
      {status && <p className={`save-indicator${status.startsWith('✓') ? ' saved' : ''}`}>{status}</p>}
    </section>
  );
}
