import { useState } from 'react';
import { api } from '../api';
import { SavedTextArea } from '../components/SavedTextArea';
import { useSavedText } from '../gennemgang/useSavedText';
import { messageOf } from '../store';

/** The leader's short summary that opens the committee report; saved when typing pauses. */
export function SummaryEditor(props: { tilsynId: number; stored: string; disabled: boolean }) {
  const [status, setStatus] = useState<string>();
  const text = useSavedText(props.stored, (tekst) => {
    setStatus('Gemmer …');
    api.call('resultater.sammenfatning', { tilsynId: props.tilsynId, tekst }).then(
      () => setStatus('✓ Gemt'),
      (err) => setStatus(`Ikke gemt: ${messageOf(err)}`),
    );
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
