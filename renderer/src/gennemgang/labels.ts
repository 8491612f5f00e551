import type { SagStatus } from '../../../shared/domain/tilsyn';

export const SAG_STATUS_LABELS: Record<SagStatus, string> = {
  ikke_startet: 'Ikke startet',
  i_gang: 'I gang',
  faerdig: 'Færdig',
  udgaaet: 'Udgået',
};
