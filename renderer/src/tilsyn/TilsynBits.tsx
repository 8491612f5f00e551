import { TILSYN_STATUS_LABELS, type TilsynStatus, type TilsynSummary } from '../../../shared/domain/tilsyn';

export function StatusBadge({ status }: { status: TilsynStatus }) {
  return <span className={`status-badge status-${status}`}>{TILSYN_STATUS_LABELS[status]}</span>;
}

/** "3 af 15 sager færdige" with a bar; honest about a tilsyn that has no sample yet, or came in a pakke. */
export function Progress({
  tilsyn,
}: {
  tilsyn: Pick<TilsynSummary, 'antalSager' | 'antalFaerdige'> & { indlaest?: boolean };
}) {
  if (tilsyn.indlaest)
    return <span className="muted">Indlæst fra en resultatpakke: {tilsyn.antalFaerdige} sager gennemgået</span>;
  if (tilsyn.antalSager === 0) return <span className="muted">Ingen sager udtrukket endnu</span>;
  const percent = Math.round((tilsyn.antalFaerdige / tilsyn.antalSager) * 100);
  return (
    <span className="progress">
      <span
        className="progress-bar"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={tilsyn.antalSager}
        aria-valuenow={tilsyn.antalFaerdige}
        aria-label="Færdige sager"
      >
        <span className="progress-fill" style={{ width: `${percent}%` }} />
      </span>
      <span>
        {tilsyn.antalFaerdige} af {tilsyn.antalSager} sager færdige
      </span>
    </span>
  );
}
