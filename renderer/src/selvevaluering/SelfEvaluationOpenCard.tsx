import { type ChangeEvent, useEffect, useRef, useState } from 'react';
import { formatDanishPeriod } from '../../../shared/domain/dates';
import type { SelfEvaluationItem } from '../../../shared/domain/selvevaluering';
import { api } from '../api';
import { Alert } from '../components/Alert';
import { HiddenFileInput } from '../components/HiddenFileInput';
import { messageOf } from '../errors';
import { fileToBase64 } from '../files';
import { routeHref } from '../routes';

/**
 * On the start screen: a selvevalueringspakke a caseworker's leader sent (issue #15), or a pakke to a second
 * reviewer (issue #16), is opened here, and those opened before are listed.
 */
export function SelfEvaluationOpenCard() {
  const input = useRef<HTMLInputElement>(null);
  const [items, setItems] = useState<SelfEvaluationItem[]>([]);
  const [error, setError] = useState<string>();

  useEffect(() => {
    api.call('selvevaluering.list', {}).then(setItems, (err) => setError(messageOf(err)));
  }, []);

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setError(undefined);
    try {
      const { id } = await api.call('selvevaluering.aabn', {
        fileName: file.name,
        dataBase64: await fileToBase64(file),
      });
      window.location.hash = routeHref({ name: 'selvevaluering', id });
    } catch (err) {
      setError(messageOf(err));
    }
  }

  return (
    <section className="card self-open" aria-labelledby="selv-titel">
      <h2 className="h4" id="selv-titel">
        Pakke fra en leder
      </h2>
      <p className="form-hint">
        Har du fået en selvevalueringspakke med dine egne sager eller en pakke til anden gennemgang (.tilsyn)? Åbn den
        her, svar på spørgsmålene, og send svarfilen tilbage.
      </p>
      {error && (
        <Alert kind="error">
          <p className="alert-text">{error}</p>
        </Alert>
      )}
      {items.length > 0 && (
        <ul className="nobullet-list">
          {items.map((s) => (
            <li key={s.id}>
              <a href={routeHref({ name: 'selvevaluering', id: s.id })}>
                {s.rolle === 'anden' ? 'Anden gennemgang' : 'Selvevaluering'}: {s.sagsbehandler},{' '}
                {formatDanishPeriod(s.periodeFra, s.periodeTil)}
              </a>{' '}
              <span className="muted">
                {s.besvarede} af {s.sager} sager besvaret{s.fra ? ` · fra ${s.fra}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
      <HiddenFileInput ref={input} id="selv-fil" accept=".tilsyn" onChange={(e) => void choose(e)} />
      <div className="button-row">
        <button type="button" className="button button-secondary" onClick={() => input.current?.click()}>
          Åbn pakke
        </button>
      </div>
    </section>
  );
}
