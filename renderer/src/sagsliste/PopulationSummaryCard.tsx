import { formatDanishDate, formatDanishDateTime } from '../../../shared/domain/dates';
import { formatCount } from '../../../shared/domain/format';
import type { ListInfo } from '../../../shared/domain/sagsoverblik';
import type { PopulationSummary } from '../../../shared/domain/sample';
import { routeHref } from '../routes';

/** What was imported: the file, when, how many sager, the fingerprint, and what was left out or masked. */
export function PopulationSummaryCard(props: {
  tilsynId: number;
  summary: PopulationSummary;
  sampleDrawn: boolean;
  /** The enhed, and the list's place in its sagsoverblik (null: imported without the list's date). */
  overview: { enhedId: number; list: ListInfo | null } | null;
  onReimport(): void;
}) {
  const { summary, sampleDrawn } = props;
  return (
    <div className="card population-summary">
      <h2>Sagslisten</h2>
      <dl className="facts">
        <dt>Kilde</dt>
        <dd>{summary.fileName}</dd>
        <dt>Importeret</dt>
        <dd>{formatDanishDateTime(summary.importedAt)}</dd>
        <dt>Sager</dt>
        <dd>{formatCount(summary.rowCount)}</dd>
        <dt>Fingeraftryk</dt>
        <dd>
          <code title={summary.contentHash}>{summary.contentHash.slice(0, 16)}</code>
          <span className="form-hint">SHA-256 af sagerne; står også i stikprøvens dokumentation.</span>
        </dd>
        {props.overview && (
          <>
            <dt>Sagsoverblik</dt>
            <dd>
              {props.overview.list ? (
                <>
                  Tæller som enhedens sagsliste fra {formatDanishDate(props.overview.list.dato)}.{' '}
                  <a href={routeHref({ name: 'sagsoverblik', enhedId: props.overview.enhedId })}>Se sagsoverblikket</a>
                </>
              ) : (
                'Tæller ikke: listen er importeret uden sin dato.'
              )}
            </dd>
          </>
        )}
        {summary.removedColumns.length > 0 && (
          <>
            <dt>Ikke gemt</dt>
            <dd>{summary.removedColumns.map((c) => `»${c}«`).join(', ')} (ligner CPR-numre)</dd>
          </>
        )}
        {summary.maskedCells > 0 && (
          <>
            <dt>Maskeret</dt>
            <dd>{summary.maskedCells} felter med noget, der lignede et CPR-nummer</dd>
          </>
        )}
        {summary.skippedRows.length > 0 && (
          <>
            <dt>Sprunget over</dt>
            <dd>
              <details>
                <summary>
                  {summary.skippedRows.length === 1 ? '1 række' : `${summary.skippedRows.length} rækker`} med fejl
                </summary>
                <ul>
                  {summary.skippedRows.map((r) => (
                    <li key={`${r.fileRow}-${r.message}`}>{r.message}</li>
                  ))}
                </ul>
              </details>
            </dd>
          </>
        )}
      </dl>
      <div className="button-row form-actions">
        <a className="button button-primary" href={routeHref({ name: 'stikproeve', id: props.tilsynId })}>
          {sampleDrawn ? 'Se stikprøven' : 'Videre til stikprøven'}
        </a>
        {!sampleDrawn && (
          <button type="button" className="button button-secondary" onClick={props.onReimport}>
            Importér en ny sagsliste
          </button>
        )}
      </div>
    </div>
  );
}
