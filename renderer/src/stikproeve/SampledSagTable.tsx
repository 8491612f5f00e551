import { useState } from 'react';
import { EXCLUSION_REASON_LABELS, type ExclusionReason, type SampledSag } from '../../../shared/domain/sample';
import { SAG_STATUS_LABELS } from '../../../shared/domain/tilsyn';
import { ExcludeForm } from './ExcludeForm';

/** Sampled sager (chosen or spares) with their status; a chosen sag not yet started can be let udgå. */
export function SampledSagTable({
  sager,
  onExclude,
}: {
  sager: SampledSag[];
  onExclude?: (sag: SampledSag, reason: ExclusionReason, note: string) => void;
}) {
  const [excluding, setExcluding] = useState<number>();
  return (
    <table className="table table--compact data-table">
      <thead>
        <tr>
          <th scope="col">Gruppe</th>
          <th scope="col">Nr.</th>
          <th scope="col">Sagsnummer</th>
          <th scope="col">Sagstype</th>
          <th scope="col">Sagsbehandler</th>
          <th scope="col">Team</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {sager.map((s) => (
          <tr key={s.id} className={s.status === 'udgaaet' ? 'row-excluded' : undefined}>
            <td>{s.stratum}</td>
            <td>{s.order}</td>
            <td>
              {s.sagsnummer}
              {s.replaces && <span className="form-hint">Reserve for {s.replaces}</span>}
            </td>
            <td>{s.sagstype}</td>
            <td>{s.sagsbehandler}</td>
            <td>{s.team}</td>
            <td>
              {s.status === 'udgaaet' && s.exclusion ? (
                <>
                  Udgået: {EXCLUSION_REASON_LABELS[s.exclusion.reason]}
                  {s.exclusion.note && <span className="form-hint">{s.exclusion.note}</span>}
                </>
              ) : onExclude && excluding === s.id ? (
                <ExcludeForm
                  sag={s}
                  onCancel={() => setExcluding(undefined)}
                  onSubmit={(reason, note) => {
                    setExcluding(undefined);
                    onExclude(s, reason, note);
                  }}
                />
              ) : onExclude && s.status === 'ikke_startet' ? (
                <button type="button" className="link-button" onClick={() => setExcluding(s.id)}>
                  Udgår …<span className="sr-only"> sag {s.sagsnummer}</span>
                </button>
              ) : (
                SAG_STATUS_LABELS[s.status]
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
