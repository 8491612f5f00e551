import type { NamespaceHandlers } from './dispatch';
import type { Services } from './services';

/** The årshjul: planning rounds per enhed and year, and starting one as a tilsyn. */
export function aarshjulApi({ yearPlan }: Services): NamespaceHandlers<'aarshjul'> {
  return {
    'aarshjul.aar': ({ aar, enhedId }) => yearPlan.year(aar, enhedId),
    'aarshjul.opret': (input) => yearPlan.create(input),
    'aarshjul.opretSerie': (input) => yearPlan.createSeries(input),
    'aarshjul.ret': ({ id, ...input }) => yearPlan.update(id, input),
    'aarshjul.slet': ({ id }) => {
      yearPlan.remove(id);
      return null;
    },
    'aarshjul.start': ({ id }) => yearPlan.start(id),
    'aarshjul.daekning': ({ enhedId, aar, kvote }) => yearPlan.coverage(enhedId, aar, kvote),
  };
}
