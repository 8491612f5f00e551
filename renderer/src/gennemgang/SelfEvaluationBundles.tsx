import { useCallback, useEffect, useState } from 'react';
import { answersImportInWords, type SelfStatus } from '../../../shared/domain/selvevaluering';
import type { TilsynSummary } from '../../../shared/domain/tilsyn';
import { api } from '../api';
import { Alert } from '../components/Alert';
import { PakkeFiles } from '../components/PakkeFiles';
import { messageOf } from '../errors';
import { downloadGeneratedFile } from '../files';

/**
 * Selvevaluering først across files (issue #15), on the leader's Gennemgang: a pakke per caseworker with her own sager
 * (for her own Tilsyn), and the svarpakker she sends back read in as her answers, while the tilsyn is open.
 */
export function SelfEvaluationBundles({ tilsyn, onAnswers }: { tilsyn: TilsynSummary; onAnswers(): void }) {
  const [status, setStatus] = useState<SelfStatus[]>();
  const [error, setError] = useState<string>();
  const [sent, setSent] = useState<string>();

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
    } catch (err) {
      setError(messageOf(err));
    }
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
      <PakkeFiles
        id="svar-fil"
        label="Indlæs svar fra sagsbehandlere"
        read={async (fileName, dataBase64) =>
          answersImportInWords(await api.call('pakke.svar', { fileName, dataBase64 }))
        }
        onRead={() => {
          load();
          onAnswers();
        }}
      />
    </section>
  );
}
