import { useState } from 'react';
import type { BackupInfo } from '../../../shared/domain/backup';
import { formatDanishDateTime } from '../../../shared/domain/dates';
import { Alert } from '../components/Alert';
import { useBackups } from './useIndstillingerData';

const KIND_LABELS: Record<BackupInfo['kind'], string> = {
  auto: 'Automatisk',
  manuel: 'Taget manuelt',
  migrering: 'Før opdatering',
  'foer-gendannelse': 'Før gendannelse',
  reddet: 'Reddet, da filen blev ændret',
};

const size = (bytes: number) =>
  bytes < 1_000_000
    ? `${Math.max(1, Math.round(bytes / 1000))} kB`
    : `${(bytes / 1_000_000).toFixed(1).replace('.', ',')} MB`;

/** The database's backup copies: taken automatically, on request, and restored on request. */
export function BackupPanel() {
  const { backups, message, take, restore: restoreCopy } = useBackups();
  const [confirm, setConfirm] = useState<string>();
  const restore = (fileName: string) => {
    setConfirm(undefined);
    void restoreCopy(fileName);
  };

  return (
    <section className="review-block" aria-labelledby="sikkerhedskopier">
      <h2 id="sikkerhedskopier">Sikkerhedskopier</h2>
      <p>
        Tilsyn tager selv en kopi af databasen, når den åbnes, og hvert kvarter, mens der arbejdes. De 10 nyeste gemmes,
        og én pr. dag i 30 dage. Kopierne ligger i en mappe ved siden af databasefilen.
      </p>
      <button type="button" className="button button-secondary" onClick={take}>
        Tag sikkerhedskopi nu
      </button>
      {message &&
        (message.ok ? (
          <p className="save-indicator saved" aria-live="polite">
            {message.text}
          </p>
        ) : (
          <Alert kind="error">
            <p className="alert-text">{message.text}</p>
          </Alert>
        ))}
      {backups && backups.length > 0 && (
        <table className="table table--compact data-table backups">
          <thead>
            <tr>
              <th scope="col">Taget</th>
              <th scope="col">Hvorfor</th>
              <th scope="col" className="num">
                Størrelse
              </th>
              <th scope="col">
                <span className="sr-only">Gendan</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {backups.map((b) => (
              <tr key={b.fileName}>
                <td>{formatDanishDateTime(b.createdAt)}</td>
                <td>{KIND_LABELS[b.kind]}</td>
                <td className="num">{size(b.sizeBytes)}</td>
                <td>
                  {confirm === b.fileName ? (
                    <span>
                      Erstat databasen med denne kopi?{' '}
                      <button type="button" className="button button-secondary" onClick={() => restore(b.fileName)}>
                        Ja, gendan
                      </button>{' '}
                      <button type="button" className="link-button" onClick={() => setConfirm(undefined)}>
                        Annullér
                      </button>
                    </span>
                  ) : (
                    <button type="button" className="link-button" onClick={() => setConfirm(b.fileName)}>
                      Gendan<span className="sr-only"> kopien fra {formatDanishDateTime(b.createdAt)}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
