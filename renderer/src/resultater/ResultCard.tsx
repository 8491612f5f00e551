import { formatShare } from '../../../shared/domain/format';

/** A key figure: the share met, and of how many answers. */
export function ResultCard({
  label,
  share,
}: {
  label: string;
  share: { met: number; applicable: number; share: number | null; smallN: boolean };
}) {
  return (
    <div className="result-card">
      <p className="result-card-label">{label}</p>
      <p className="result-card-value">{formatShare(share.share)}</p>
      <p className="muted">
        {share.met} af {share.applicable} svar opfyldt
      </p>
    </div>
  );
}
