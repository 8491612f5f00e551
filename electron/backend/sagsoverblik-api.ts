import { layoutKey, mappingWarnings } from '../../shared/domain/population';
import type { NamespaceHandlers } from './dispatch';
import type { Services } from './services';
import { checkSummary, refuseUnusable } from './services/population-reader';

/**
 * The sagsoverblik (issue #19): an enhed's dated sagslister (imported here for the overview alone, or for a tilsyn),
 * the flow between two, the months, the caseload per caseworker against its måltal, and retention of the lists.
 */
export function sagsoverblikApi({
  stores,
  units,
  caseload,
  populationReader: reader,
}: Services): NamespaceHandlers<'sagsoverblik'> {
  return {
    'sagsoverblik.lister': ({ enhedId }) => caseload.lists(enhedId),

    'sagsoverblik.preview': ({ enhedId, fileName, dataBase64 }) => {
      units.require(enhedId);
      return reader.preview(fileName, dataBase64, [], stores.populations.rememberedMapping);
    },

    'sagsoverblik.check': async ({ enhedId, ...input }) => {
      units.require(enhedId);
      const mapped = await reader.mapFile(input);
      return { ...checkSummary(mapped), warnings: mappingWarnings(mapped.mapping, []) };
    },

    'sagsoverblik.importer': async ({ enhedId, skipInvalid, dato, ...input }) => {
      units.require(enhedId);
      const mapped = await reader.mapFile(input);
      const { file: read, headers, cpr, mapping } = mapped;
      refuseUnusable(mapped, skipInvalid);
      const kept = caseload.keep({
        enhedId,
        tilsynId: null,
        dato,
        fileName: input.fileName,
        fileHash: read.sha256,
        rows: reader.keptList(mapped),
      });
      stores.populations.rememberMapping(layoutKey(headers), reader.toRemember(mapping, headers, cpr, []));
      reader.forget();
      return kept;
    },

    'sagsoverblik.slet': ({ id }) => {
      caseload.remove(id);
      return null;
    },
    'sagsoverblik.sammenlign': ({ fraId, tilId }) => caseload.compare(fraId, tilId),
    'sagsoverblik.maaneder': ({ enhedId, fra, til }) => caseload.months(enhedId, fra, til),
    'sagsoverblik.belastning': ({ id }) => caseload.caseload(id),
    'sagsoverblik.maal': (input) => caseload.saveSettings(input),
    'sagsoverblik.sletSager': ({ enhedId, foer, navn }) => caseload.deleteBefore(enhedId, foer, navn),
  };
}
