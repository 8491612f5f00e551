import { formatShare } from '../../../shared/domain/format';

/** "12 af 15 (80 %)", with a warning mark when n is small. */
export function shareText(m: { met: number; applicable: number; share: number | null; smallN: boolean }): string {
  if (m.applicable === 0) return 'Ikke relevant i nogen sag';
  return `${m.met} af ${m.applicable} (${formatShare(m.share)})`;
}
