import { type ChangeEvent, useCallback, useEffect, useRef, useState } from 'react';
import { answersImportInWords, type SelfStatus } from '../../../shared/domain/selvevaluering';
import type { TilsynSummary } from '../../../shared/domain/tilsyn';
import { api } from '../api';
import { Alert } from '../components/Alert';
import { messageOf } from '../errors';
import { downloadGeneratedFile, fileToBase64 } from '../files';

type Outcome = { fileName: string; ok: boolean; text: string };

/**
 * Selvevaluering først across files (issue #15), on the leader's Gennemgang: a pakke per caseworker with her own sager
 * (for her own Tilsyn), and the svarpakker she sends back read in as her answers, while the tilsyn is open.
 */
export function SelfEvaluationBundles({ tilsyn, onAnswers }: { tilsyn: TilsynSummary; onAnswers(): void }) {
  const [status, setStatus] = useState<SelfStatus[]>();
  const [error, setError] = useState<string>();
  const [sent, setSent] = useState<string>();
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const load = useCallback(() => {
    api
      .call('pakke.selvevalueringer', { tilsynId: tilsyn.id })
      .then(setStatus)
      .catch((err) => setError(messageOf(err)));
  }, [tilsyn.id]);
  useEffect(load, [load]);

  async function hent(sagsbehandler: string) {
    setError(undefined);
    try {
      const file = await api.call('pakke.selvevaluering', { tilsynId: tilsyn.id, sagsbehandler });
      downloadGeneratedFile(file);
      setSent(`${file.fileName} er hentet. Send den til ${sagsbehandler}, som åbner den i sin egen Tilsyn.`);
      setOutcomes([]);
    } catch (err) {
      setError(messageOf(err));
    }
  }

  async function indlaes(event: ChangeEvent<HTMLInputElement>) {
    const files = [...(event.target.files ?? [])];
    event.target.value = '';
    if (files.length === 0) return;
    setBusy(true);
    const done: Outcome[] = [];
    for (const file of files) {
      try {
        const r = await api.call('pakke.svar', { fileName: file.name, dataBase64: await fileToBase64(file) });
        done.push({ fileName: file.name, ok: true, text: answersImportInWords(r) });
      } catch (err) {
        done.push({ fileName: file.name, ok: false, text: messageOf(err) });
      }
    }
    setOutcomes(done);
    setBusy(false);
    load();
    if (done.some((o) => o.ok)) onAnswers();
  }

  return (
    <section className="review-block self-bundles" aria-labelledby="selvevaluering-pakker">
      <h2 id="selvevaluering-pakker">Sagsbehandlernes selvevaluering</h2>
      <p className="form-hint">
        Hver sagsbehandler får en pakke (.tilsyn) med sine egne sager og skabelonens spørgsmål, og intet om andre.
        Sagsbehandleren åbner den i sin egen Tilsyn, svarer og sender en svarpakke tilbage, som du indlæser her. Så står
        sagsbehandlerens svar ved siden af dine i hver sag. Svar kan indlæses, indtil tilsynet afsluttes.
      </p>
      {error && (
        <Alert kind="error">
          <p className="alert-text">{error}</p>
        </Alert>
      )}
      {sent && (
        <Alert kind="success">
          <p className="alert-text">{sent}</p>
        </Alert>
      )}
      {status && status.length === 0 && (
        <p className="muted">Ingen af stikprøvens sager har en sagsbehandler i sagslisten.</p>
      )}
      {status && status.length > 0 && (
        <table className="table table--compact">
          <thead>
            <tr>
              <th scope="col">Sagsbehandler</th>
              <th scope="col" className="num">
                Sager
              </th>
              <th scope="col" className="num">
                Selv besvaret
              </th>
              <th scope="col">
                <span className="sr-only">Pakke</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {status.map((s) => (
              <tr key={s.sagsbehandler}>
                <td>{s.sagsbehandler}</td>
                <td className="num">{s.sager}</td>
                <td className="num">{s.besvarede}</td>
                <td>
                  <button type="button" className="link-button" onClick={() => void hent(s.sagsbehandler)}>
                    Hent pakke<span className="sr-only"> til {s.sagsbehandler}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <input
        ref={input}
        id="svar-fil"
        type="file"
        accept=".tilsyn"
        multiple
        className="sr-only"
        onChange={(e) => void indlaes(e)}
      />
      <div className="button-row">
        <button
          type="button"
          className="button button-secondary"
          disabled={busy}
          onClick={() => input.current?.click()}
        >
          {busy ? 'Indlæser …' : 'Indlæs svar fra sagsbehandlere'}
        </button>
      </div>
      {outcomes.map((o) => (
        <Alert key={o.fileName} kind={o.ok ? 'success' : 'error'}>
          <p className="alert-text">
            <strong>{o.fileName}:</strong> {o.text}
          </p>
        </Alert>
      ))}
    </section>
  );
}
