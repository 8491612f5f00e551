import { useEffect, useState } from 'react';
import { formatDanishDateTime } from '../../../shared/domain/dates';
import type { PinnedComment } from '../../../shared/domain/second-review';
import { api } from '../api';
import { Alert } from '../components/Alert';
import { Select } from '../components/Select';
import { TextField } from '../components/TextField';
import { messageOf } from '../errors';
import { anchorId } from '../gennemgang/navigation';
import type { QuestionRef } from '../gennemgang/QuestionLink';
import './kvalitet.css';

/**
 * Comments pinned to the sag's questions (issue #16): from the second reviewer or the department's leader, each open
 * until the reviewer has worked it through. The round is not approved while one is open.
 */
export function SagComments(props: { tilsynId: number; sagId: number; questions: QuestionRef[]; locked: boolean }) {
  const [comments, setComments] = useState<PinnedComment[]>([]);
  const [key, setKey] = useState(props.questions[0]?.key ?? '');
  const [tekst, setTekst] = useState('');
  const [navn, setNavn] = useState('');
  const [error, setError] = useState<string>();
  const mine = comments.filter((c) => c.sagId === props.sagId);
  useEffect(() => {
    api.call('kvalitet.kommentarer', { tilsynId: props.tilsynId }).then(setComments, (e) => setError(messageOf(e)));
  }, [props.tilsynId]);
  const run = async (call: () => Promise<PinnedComment[]>) => {
    setError(undefined);
    try {
      setComments(await call());
      setTekst('');
    } catch (err) {
      setError(messageOf(err));
    }
  };
  const open = mine.filter((c) => !c.loest).length;
  return (
    <section className="review-block sag-comments" aria-labelledby="kommentarer">
      <h2 id="kommentarer">Kommentarer til spørgsmål{open > 0 ? ` (${open} åbne)` : ''}</h2>
      <p className="form-hint">
        En kommentar sidder på et spørgsmål, til den er arbejdet igennem. Runden kan ikke godkendes, mens en er åben.
      </p>
      {error && (
        <Alert kind="error">
          <p className="alert-text">{error}</p>
        </Alert>
      )}
      {mine.length > 0 && (
        <ul className="nobullet-list">
          {mine.map((c) => (
            <li key={c.id} className={c.loest ? 'comment done' : 'comment open'}>
              <a href={`#${anchorId(c.key)}`}>
                {c.number} {c.question}
              </a>
              <p className="prewrap">{c.tekst}</p>
              <p className="muted">
                {c.af}, {formatDanishDateTime(c.oprettet)}
                {c.loest ? ` · Løst af ${c.loest.af}, ${formatDanishDateTime(c.loest.tid)}` : ''}
              </p>
              {!c.loest && !props.locked && (
                <button
                  type="button"
                  className="button button-tertiary"
                  onClick={() => void run(() => api.call('kvalitet.loes', { id: c.id, navn }))}
                >
                  Markér som løst
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!props.locked && (
        <div className="comment-form">
          <Select
            id="kommentar-spoergsmaal"
            label="Spørgsmål"
            value={key}
            options={props.questions.map((q) => [q.key, q.label])}
            onChange={setKey}
          />
          <TextField id="kommentar-tekst" label="Kommentar" rows={2} value={tekst} onChange={setTekst} />
          <TextField
            id="kommentar-navn"
            label="Dit navn"
            hint="Står ved kommentaren, og ved den, der markerer en som løst."
            value={navn}
            onChange={setNavn}
          />
          <div className="button-row">
            <button
              type="button"
              className="button button-secondary"
              onClick={() => void run(() => api.call('kvalitet.kommenter', { sagId: props.sagId, key, tekst, navn }))}
            >
              Sæt kommentaren på spørgsmålet
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
