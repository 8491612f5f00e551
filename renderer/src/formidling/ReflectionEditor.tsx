import { useState } from 'react';
import { useReflectionData } from './useFormidlingData';

const TEAM = '';

/** Refleksionsspørgsmål per recipient (a caseworker, or the team): write your own or pick from suggestions. */
export function ReflectionEditor(props: { tilsynId: number; caseworkers: string[]; disabled: boolean }) {
  const [recipient, setRecipient] = useState(TEAM);
  const [text, setText] = useState('');
  const caseworker = recipient === TEAM ? null : recipient;
  const { saved, suggestions, error, remove, ...data } = useReflectionData(props.tilsynId, caseworker);

  const mine = saved.filter((q) => q.sagsbehandler === caseworker);
  const add = async (questionText: string, questionKey: string | null) => {
    if (await data.add(questionText, questionKey)) setText('');
  };
  const unused = suggestions.filter((s) => !mine.some((q) => q.text === s.text));

  return (
    <div className="reflection-editor">
      <div className="form-group">
        <label className="form-label" htmlFor="refleksion-modtager">
          Refleksionsspørgsmål til
        </label>
        <select
          id="refleksion-modtager"
          className="form-select"
          value={recipient}
          onChange={(e) => setRecipient(e.target.value)}
        >
          <option value={TEAM}>Teamet (teamnotatet)</option>
          {props.caseworkers.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </div>
      {error && <p className="form-error-message">{error}</p>}
      {mine.length === 0 ? (
        <p className="muted">Ingen valgt endnu: notatet bruger forslagene nedenfor.</p>
      ) : (
        <ul className="reflection-list nobullet-list">
          {mine.map((q) => (
            <li key={q.id}>
              → {q.text}{' '}
              {!props.disabled && (
                <button type="button" className="link-button" onClick={() => remove(q.id)}>
                  Fjern<span className="sr-only"> spørgsmålet</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {unused.length > 0 && !props.disabled && (
        <>
          <h3 className="h5">Forslag ud fra de mål, der ikke blev nået</h3>
          <ul className="reflection-list suggestions nobullet-list">
            {unused.map((s) => (
              <li key={`${s.questionKey}-${s.text}`}>
                → {s.text}{' '}
                <button type="button" className="link-button" onClick={() => add(s.text, s.questionKey)}>
                  Brug<span className="sr-only"> forslaget</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {!props.disabled && (
        <div className="form-row aligned-row">
          <div className="form-group">
            <label className="form-label" htmlFor="refleksion-ny">
              Skriv dit eget spørgsmål
            </label>
            <input
              id="refleksion-ny"
              className="form-input input-wide"
              value={text}
              placeholder="Hvordan …?"
              onChange={(e) => setText(e.target.value)}
              onKeyDown={(e) => e.key === 'Enter' && text.trim() && add(text.trim(), null)}
            />
          </div>
          <button
            type="button"
            className="button button-secondary"
            disabled={!text.trim()}
            onClick={() => add(text.trim(), null)}
          >
            Tilføj
          </button>
        </div>
      )}
    </div>
  );
}
