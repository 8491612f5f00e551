import { ApiError } from '../../shared/api/errors';
import { CPR_MASK } from '../../shared/domain/cpr';
import { layoutKey, mappingWarnings, type PopulationRow } from '../../shared/domain/population';
import type { NamespaceHandlers } from './dispatch';
import type { Services } from './services';

const MAX_ISSUES_SHOWN = 200;

/**
 * What a kept list holds of a mapped row: only what the overview needs (the person is hashed by the store). A
 * person reference that held a CPR number (masked) is no reference: all such would read as one person.
 */
export const listRows = (rows: readonly PopulationRow[]) =>
  rows.map(({ sagsnummer, sagsbehandler, team, sagstype, person }) => ({
    sagsnummer,
    sagsbehandler,
    team,
    sagstype,
    person: person.includes(CPR_MASK) ? '' : person,
  }));

/** Refuses a file whose rows have errors (unless skipped on purpose) or that has no sager. */
export function refuseUnusable(mapped: { rows: readonly unknown[]; issues: readonly unknown[] }, skipInvalid: boolean) {
  if (mapped.issues.length > 0 && !skipInvalid) {
    throw new ApiError(
      'VALIDATION',
      `${mapped.issues.length === 1 ? 'Én række har fejl' : `${mapped.issues.length} rækker har fejl`}. Ret filen, eller vælg at springe rækkerne over.`,
    );
  }
  if (mapped.rows.length === 0) throw new ApiError('VALIDATION', 'Filen har ingen sager, der kan importeres.');
}

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
      const { headers, cpr, mapped, mapping } = await reader.mapFile(input);
      return {
        validRows: mapped.rows.length,
        issueCount: mapped.issues.length,
        issues: mapped.issues.slice(0, MAX_ISSUES_SHOWN),
        maskedCells: mapped.masked.length,
        removedColumns: [...cpr].map((i) => headers[i] ?? ''),
        warnings: mappingWarnings(mapping, []),
      };
    },

    'sagsoverblik.importer': async ({ enhedId, skipInvalid, dato, ...input }) => {
      units.require(enhedId);
      const { file: read, headers, cpr, mapped, mapping } = await reader.mapFile(input);
      refuseUnusable(mapped, skipInvalid);
      const kept = caseload.keep({
        enhedId,
        tilsynId: null,
        dato,
        fileName: input.fileName,
        fileHash: read.sha256,
        rows: listRows(mapped.rows),
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
