import { useState } from 'react';
import type { SecondReviewView } from '../../../shared/domain/second-review';
import { answersImportInWords } from '../../../shared/domain/selvevaluering';
import { api } from '../api';
import { Alert } from '../components/Alert';
import { PakkeFiles } from '../components/PakkeFiles';
import { messageOf } from '../errors';
import { downloadGeneratedFile } from '../files';

/**
 * The second review through a pakke (issue #16): for a second reviewer with her own Tilsyn, the sager and the
 * template without the first review's answers, and her svarpakke read back in as her answers.
 */
export function SecondReviewPakke(props: {
  tilsynId: number;
  bedoemmer: string;
  onRead(view: SecondReviewView): void;
}) {
  const { tilsynId, bedoemmer } = props;
  const [error, setError] = useState<string>();
  const [sent, setSent] = useState<string>();

  async function hent() {
    setError(undefined);
    setSent(undefined);
    try {
      const file = await api.call('pakke.andenGennemgang', { tilsynId });
      downloadGeneratedFile(file);
      setSent(`${file.fileName} er hentet. Send den til ${bedoemmer}, som åbner den i sin egen Tilsyn.`);
    } catch (err) {
      setError(messageOf(err));
    }
  }

  return (
    <div className="second-pakke">
      <p className="form-hint">
        Bruger {bedoemmer} sin egen Tilsyn, sender du en pakke (.tilsyn) med sagerne og skabelonens spørgsmål. Den har
        hverken den første gennemgangs svar, noter eller sagsbehandlernes navne. Svarpakken, der kommer tilbage,
        indlæser du her, indtil tilsynet afsluttes.
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
      <div className="button-row">
        <button type="button" className="button button-secondary" onClick={() => void hent()}>
          Hent pakke til {bedoemmer}
        </button>
      </div>
      <PakkeFiles
        id="anden-svar-fil"
        label="Indlæs svar fra anden gennemgang"
        read={async (fileName, dataBase64) =>
          answersImportInWords(await api.call('pakke.svar', { fileName, dataBase64 }))
        }
        onRead={() => {
          api.call('kvalitet.get', { tilsynId }).then(
            (v) => v && props.onRead(v),
            (err) => setError(messageOf(err)),
          );
        }}
      />
    </div>
  );
}
