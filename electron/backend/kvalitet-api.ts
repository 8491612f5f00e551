import type { NamespaceHandlers } from './dispatch';
import type { Services } from './services';

/**
 * Kvalitetssikring (issue #16): the second review of a round. The leader's calls (`opret`, `get`, `moderer`) see both
 * reviews; the second reviewer's (`sager`, `sag`, `svar`) return her own answers and nothing of the first.
 */
export function kvalitetApi({ secondReview, signOff, comments }: Services): NamespaceHandlers<'kvalitet'> {
  return {
    'kvalitet.opret': (input) => secondReview.setUp(input),
    'kvalitet.get': ({ tilsynId }) => secondReview.view(tilsynId),
    'kvalitet.moderer': (input) => secondReview.moderate(input),
    'kvalitet.sager': ({ tilsynId }) => secondReview.blindList(tilsynId),
    'kvalitet.sag': ({ sagId }) => secondReview.blindSag(sagId),
    'kvalitet.svar': (input) => secondReview.answer(input),
    'kvalitet.godkendelse': ({ tilsynId }) => signOff.status(tilsynId),
    'kvalitet.godkender': ({ tilsynId, godkender, navn }) => signOff.setApprover(tilsynId, godkender, navn),
    'kvalitet.godkend': ({ tilsynId, navn }) => signOff.approve(tilsynId, navn),
    'kvalitet.kommentarer': ({ tilsynId }) => comments.list(tilsynId),
    'kvalitet.kommenter': (input) => comments.add(input),
    'kvalitet.loes': ({ id, navn }) => comments.resolve(id, navn),
  };
}
