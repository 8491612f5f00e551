import { createHash } from 'node:crypto';
import { ApiError } from '../../../shared/api/errors';
import {
  canBeMarked,
  checkPublicTexts,
  type PublicationCheck,
  type PublicDocument,
  type PublicText,
  unresolvedMessage,
} from '../../../shared/domain/publication';
import type { Stores } from './stores';

const hashOf = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** A passage as the leader marks it: the text's hash and the passage's place in it. */
export interface PassageRef {
  textHash: string;
  start: number;
  end: number;
}

/**
 * The publication check (issue #12) over the texts a public document prints: the passages that may identify
 * someone, the leader's marks, and the refusal to make the document while any passage is left.
 */
export function createPublication(stores: Stores) {
  const { publication } = stores;

  /**
   * The check of `texts` with the leader's marks: those made in this document's check of the tilsyn, or (a report
   * over several rounds) of any of them, and for a period report those of the enhed's own check.
   */
  function check(
    scope: number | { tilsyn: readonly number[]; enhedId?: number },
    document: PublicDocument,
    texts: readonly PublicText[],
  ): PublicationCheck {
    const { tilsyn, enhedId } = typeof scope === 'number' ? { tilsyn: [scope], enhedId: undefined } : scope;
    const marks = [
      ...tilsyn.map((id) => publication.marks(id, document)),
      ...(enhedId === undefined ? [] : [publication.unitMarks(enhedId)]),
    ];
    return checkPublicTexts(document, texts, publication.known(), hashOf, (hash, start, end) =>
      marks.some((marked) => marked(hash, start, end)),
    );
  }

  /** Throws CONFLICT, saying where to resolve them, while any passage is neither rewritten nor marked. */
  function requireResolved(result: PublicationCheck): void {
    if (result.unresolved > 0) throw new ApiError('CONFLICT', unresolvedMessage(result));
  }

  /**
   * Marks (ok) or unmarks a passage that the check finds in the texts now, in a tilsyn's check of the document or in
   * an enhed's period report; a changed text is refused.
   */
  function mark(
    where: { tilsynId: number } | { enhedId: number },
    result: PublicationCheck,
    ref: PassageRef,
    ok: boolean,
  ): void {
    const passage = result.passages.find(
      (p) => p.textHash === ref.textHash && p.start === ref.start && p.end === ref.end,
    );
    if (!passage) {
      // The text is as it was but the place is not one the check found, or the text has changed since.
      const sameText = result.passages.some((p) => p.textHash === ref.textHash);
      throw new ApiError(
        'CONFLICT',
        sameText
          ? 'Der er ikke fundet noget sted netop dér i teksten. Se tjekket igen, og markér stedet, som det vises.'
          : 'Stedet findes ikke i teksterne, som de står nu: teksten kan være ændret, siden tjekket blev vist. Se tjekket igen.',
      );
    }
    if (ok && !canBeMarked(passage))
      throw new ApiError(
        'VALIDATION',
        'Noget, der ligner et CPR-nummer, kan ikke markeres som ikke identificerende. Ret teksten, så nummeret ikke står der.',
      );
    if ('tilsynId' in where) publication.mark(where.tilsynId, result.document, ref.textHash, ref.start, ref.end, ok);
    else publication.markUnit(where.enhedId, ref.textHash, ref.start, ref.end, ok);
  }

  return { check, requireResolved, mark };
}

export type Publication = ReturnType<typeof createPublication>;
