import type { CommentStore } from '../../../db/comment-store';
import { ApiError } from '../../../shared/api/errors';
import { templateNumbers } from '../../../shared/domain/numbering';
import type { PinnedComment } from '../../../shared/domain/second-review';
import { isLocked } from '../../../shared/domain/tilsyn';
import type { Review } from './review';
import type { Stores } from './stores';

/**
 * Comments pinned to a question of a sag (issue #16): the second reviewer or the leader of the department leaves one
 * on a question, the reviewer works through them until none is open; a round is not approved with one open.
 */
export function createComments(stores: Stores, review: Review, store: CommentStore) {
  const now = () => new Date().toISOString();

  function list(tilsynId: number): PinnedComment[] {
    const { content, sectionKeys } = review.templateOf(tilsynId);
    const numbers = templateNumbers(content, sectionKeys);
    const texts = new Map(content.sections.flatMap((s) => s.questions.map((q) => [q.key, q.text])));
    return store.ofTilsyn(tilsynId).map((c) => ({
      id: c.id,
      sagId: c.sagId,
      sagsnummer: c.sagsnummer,
      key: c.spoergsmaal,
      number: numbers.question(c.spoergsmaal),
      question: texts.get(c.spoergsmaal) ?? c.spoergsmaal,
      tekst: c.tekst,
      af: c.af,
      oprettet: c.oprettet,
      loest: c.loestAf && c.loestTid ? { af: c.loestAf, tid: c.loestTid } : null,
    }));
  }

  /** »til spørgsmål 3.1« as the review numbers it. */
  function numberOf(tilsynId: number, key: string) {
    const { content, sectionKeys } = review.templateOf(tilsynId);
    return `til spørgsmål ${templateNumbers(content, sectionKeys).question(key) || key}`;
  }

  function requireOpen(tilsynId: number) {
    const { tilsyn } = review.templateOf(tilsynId);
    review.requireCaseData(tilsynId, 'kan der ikke sættes kommentarer på dens sager');
    if (isLocked(tilsyn))
      throw new ApiError('CONFLICT', `»${tilsyn.titel}« er afsluttet. Genåbn tilsynet for at arbejde med kommentarer.`);
  }

  return {
    list,
    openCount: (tilsynId: number) => store.openCount(tilsynId),

    add(input: { sagId: number; key: string; tekst: string; navn: string }): PinnedComment[] {
      const { tilsynId } = stores.answers.sag(input.sagId);
      requireOpen(tilsynId);
      review.requireQuestion(tilsynId, input.key);
      const { sagsnummer } = stores.answers.sag(input.sagId);
      stores.db.sqlite.transaction(() => {
        store.add(input.sagId, input.key, input.tekst, input.navn, now());
        stores.closing.recordQuality(
          tilsynId,
          input.navn,
          `Kommentar ${numberOf(tilsynId, input.key)}: ${input.tekst}`,
          sagsnummer,
        );
      })();
      return list(tilsynId);
    },

    resolve(id: number, navn: string): PinnedComment[] {
      const c = store.get(id);
      if (!c) throw new ApiError('NOT_FOUND', 'Kommentaren findes ikke.');
      requireOpen(c.tilsynId);
      if (c.loestAf) return list(c.tilsynId);
      stores.db.sqlite.transaction(() => {
        store.resolve(id, navn, now());
        stores.closing.recordQuality(
          c.tilsynId,
          navn,
          `Kommentar ${numberOf(c.tilsynId, c.spoergsmaal)} løst: ${c.tekst}`,
          c.sagsnummer,
        );
      })();
      return list(c.tilsynId);
    },
  };
}

export type Comments = ReturnType<typeof createComments>;
