import { ApiError } from '../../shared/api/errors';
import { closeBlockers } from '../../shared/domain/afslutning';
import { formatDanishDate } from '../../shared/domain/dates';
import type { Handlers } from './dispatch';
import type { Review } from './review';

type AfslutningHandlers = Pick<Handlers, 'tilsyn.afslut' | 'tilsyn.genaabn' | 'tilsyn.log'>;

/** Locking a finished tilsyn, reopening it with a reason, and the log that keeps what changed after. */
export function createAfslutningHandlers(
  review: Review,
  /** Called when a tilsyn is locked: its results can be kept from then on. */
  onClosed: (tilsynId: number) => void = () => undefined,
): AfslutningHandlers {
  const { afslutning } = review;

  return {
    'tilsyn.afslut': ({ tilsynId, navn, dato }) =>
      review.transaction(() => {
        const { tilsyn } = review.templateOf(tilsynId);
        if (tilsyn.status === 'afsluttet')
          throw new ApiError(
            'CONFLICT',
            `Tilsynet er allerede afsluttet (${tilsyn.afsluttetAf}, ${formatDanishDate(tilsyn.afsluttetDato ?? '')}).`,
          );
        const sager = review.answers.sager(tilsynId);
        if (sager.length === 0)
          throw new ApiError('CONFLICT', 'Tilsynet har ingen stikprøve endnu, så der er intet at afslutte.');
        const blockers = closeBlockers(sager);
        if (blockers.length > 0)
          throw new ApiError(
            'VALIDATION',
            `Tilsynet kan afsluttes, når alle sager er færdige eller udgået. ${blockers.length === 1 ? 'Denne sag mangler' : `Disse ${blockers.length} sager mangler`}: ${blockers.join(', ')}.`,
          );
        afslutning.close(tilsynId, navn, dato);
        onClosed(tilsynId);
        return review.templateOf(tilsynId).tilsyn;
      }),
    'tilsyn.genaabn': ({ tilsynId, navn, begrundelse }) =>
      review.transaction(() => {
        const { tilsyn } = review.templateOf(tilsynId);
        if (tilsyn.status !== 'afsluttet') throw new ApiError('CONFLICT', 'Tilsynet er ikke afsluttet.');
        if (review.caseDataDeleted(tilsynId))
          throw new ApiError(
            'CONFLICT',
            'Sagernes data er slettet efter afslutningen, så tilsynet kan ikke genåbnes. Resultaterne er bevaret.',
          );
        afslutning.reopen(tilsynId, navn, begrundelse);
        return review.templateOf(tilsynId).tilsyn;
      }),
    'tilsyn.log': ({ tilsynId }) => {
      review.templateOf(tilsynId);
      return afslutning.log(tilsynId);
    },
  };
}
