import type { NamespaceHandlers } from './dispatch';
import type { Services } from './services';

/** The enheder a tilsyn belongs to: listed with what their tilsyn have seen, made, renamed, moved, merged, deleted. */
export function enhederApi({ stores, units, comparison }: Services): NamespaceHandlers<'enheder'> {
  return {
    'enheder.list': ({ medSagslister }) => (medSagslister === false ? stores.units.rows() : stores.units.list()),
    'enheder.opret': (input) => units.create(input),
    'enheder.ret': ({ id, ...input }) => units.update(id, input),
    'enheder.flet': ({ fraId, tilId }) => units.merge(fraId, tilId),
    'enheder.slet': ({ id }) => {
      units.remove(id);
      return null;
    },
    'enheder.sammenlign': ({ enhedId, aar }) => comparison.compare(enhedId, aar),
  };
}
