import { formatShare } from '../../../shared/domain/format';
import { type NoShare, type OutcomeCounts, type Share, whyNoShare } from '../../../shared/domain/results';

const NO_SHARE: Record<NoShare, string> = {
  ubesvaret: 'Ingen svar endnu',
  kun_ikke_relevant_endnu: 'Kun »Ikke relevant« endnu',
  ikke_relevant: 'Ikke relevant i nogen sag',
  ikke_stillet: 'Ikke stillet i nogen sag',
};

/**
 * "12 af 15 (80 %)"; where nothing counts yet, why: no answer yet, »Ikke relevant« in every sag, or asked in none
 * (a leader's try found »Ikke relevant i nogen sag« beside »6 mangler svar« where nobody had answered).
 */
export function shareText(m: Share & { counts?: Pick<OutcomeCounts, 'udeladt' | 'ubesvaret'> }): string {
  if (m.applicable > 0) return `${m.met} af ${m.applicable} (${formatShare(m.share)})`;
  return m.counts ? NO_SHARE[whyNoShare(m.counts)] : 'Ingen sager talt med';
}
