import { formatShare } from '../../../shared/domain/format';
import type { OutcomeCounts, Share } from '../../../shared/domain/results';

/**
 * "12 af 15 (80 %)"; where nothing counts yet, why: no answer yet, »Ikke relevant« in every sag, or asked in none
 * (a leader's try found »Ikke relevant i nogen sag« beside »6 mangler svar« where nobody had answered).
 */
export function shareText(m: Share & { counts?: Pick<OutcomeCounts, 'udeladt' | 'ubesvaret'> }): string {
  if (m.applicable > 0) return `${m.met} af ${m.applicable} (${formatShare(m.share)})`;
  if (!m.counts) return 'Ingen sager talt med';
  if (m.counts.ubesvaret > 0) return m.counts.udeladt > 0 ? 'Kun »Ikke relevant« endnu' : 'Ingen svar endnu';
  return m.counts.udeladt > 0 ? 'Ikke relevant i nogen sag' : 'Ikke stillet i nogen sag';
}
