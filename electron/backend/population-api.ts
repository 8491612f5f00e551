import { ApiError } from '../../shared/api/errors';
import { formatCountOf } from '../../shared/domain/format';
import { type ColumnMapping, layoutKey, mappingProblem, mappingWarnings } from '../../shared/domain/population';
import { type NamespaceHandlers, refuseCprInRecord } from './dispatch';
import type { Services } from './services';
import { checkSummary, refuseUnusable, removedColumns } from './services/population-reader';

/** Importing the sagsliste (preview, check, import; CPR numbers never kept) and correcting it by hand. */
export function populationApi({
  stores,
  populationReader: reader,
  samplingUnits,
  review,
  caseload,
}: Services): NamespaceHandlers<'population'> {
  const { populations, templates, requireTilsyn } = stores;

  function dateFieldsOf(tilsynId: number) {
    return templates.publishedContent(requireTilsyn(tilsynId).skabelonVersionId).dateFields;
  }

  function refuseMapping(tilsynId: number, mapping: ColumnMapping): void {
    const problem = mappingProblem(mapping, dateFieldsOf(tilsynId));
    if (problem) throw new ApiError('VALIDATION', problem);
  }

  /** The dates the tilsyn's chosen afsnit need: the frister's two each, and those that decide which rules applied. */
  function datesNeeded(tilsynId: number) {
    const t = requireTilsyn(tilsynId);
    const content = templates.publishedContent(t.skabelonVersionId);
    const label = new Map(content.dateFields.map((f) => [f.key, f.label]));
    const field = (key: string) => ({ key, label: label.get(key) ?? key });
    const sections = content.sections.filter((s) => s.active && (!t.afsnit || t.afsnit.includes(s.key)));
    const questions = sections.flatMap((s) => s.questions).filter((q) => q.active);
    const ruleKeys = new Set(
      [...sections.flatMap((s) => s.rules), ...questions.flatMap((q) => q.rules)].flatMap((r) =>
        r.type === 'dato' ? [r.felt] : [],
      ),
    );
    return {
      frister: questions
        .filter((q) => q.answerType === 'frist' && q.frist)
        .map((q) => ({ text: q.text, dates: [q.frist?.fra ?? '', q.frist?.til ?? ''].map(field) })),
      ruleDates: [...ruleKeys].map(field),
    };
  }

  return {
    'population.preview': ({ tilsynId, fileName, dataBase64 }, task) =>
      reader.preview(fileName, dataBase64, dateFieldsOf(tilsynId), populations.rememberedMapping, task),

    'population.check': async (input, task) => {
      refuseMapping(input.tilsynId, input.mapping);
      const needed = datesNeeded(input.tilsynId);
      const mapped = await reader.mapFile(input, task);
      return { ...checkSummary(mapped), warnings: mappingWarnings(mapped.mapping, needed.frister, needed.ruleDates) };
    },

    'population.import': async ({ tilsynId, skipInvalid, listeDato, ...input }, task) => {
      refuseMapping(tilsynId, input.mapping);
      const mapped = await reader.mapFile(input, task);
      const { file, headers, cpr, mapping } = mapped;
      refuseUnusable(mapped, skipInvalid);
      const tilsyn = requireTilsyn(tilsynId);
      // The last moment to cancel: the sager are stored in one transaction, all or none.
      await task.checkpoint();
      task.report(`Gemmer ${formatCountOf(mapped.validRows, 'sag', 'sager')}`, undefined, false);
      await task.checkpoint();
      const summary = stores.db.sqlite.transaction(() => {
        const stored = populations.replace(tilsynId, {
          fileName: input.fileName,
          format: file.format,
          fileHash: file.sha256,
          mapping,
          removedColumns: removedColumns(mapped),
          maskedCells: mapped.masked,
          skippedRows: mapped.issues,
          rows: mapped.staged,
        });
        // The list is also the enhed's caseload that day (issue #19); imported without its date, it is not, and the
        // tilsyn's earlier list leaves the overview too.
        if (!listeDato || tilsyn.enhedId === null) caseload.removeOfTilsyn(tilsynId);
        else
          caseload.keep({
            enhedId: tilsyn.enhedId,
            tilsynId,
            dato: listeDato,
            fileName: input.fileName,
            fileHash: file.sha256,
            rows: reader.keptList(mapped),
          });
        return stored;
      })();
      populations.rememberMapping(layoutKey(headers), reader.toRemember(mapping, headers, cpr, dateFieldsOf(tilsynId)));
      reader.forget();
      samplingUnits.forget();
      return summary;
    },

    'population.get': ({ tilsynId }) => populations.summary(tilsynId),
    'population.sager': ({ tilsynId }) => populations.sager(tilsynId),
    'population.side': ({ tilsynId, soeg, fra, antal }) => {
      requireTilsyn(tilsynId);
      return populations.page(tilsynId, soeg, fra, antal);
    },
    // A changed population gets new row ids: the cached sampling units must be read again.
    'population.addSag': ({ tilsynId, sag }) => {
      samplingUnits.forget();
      return populations.addManual(tilsynId, sag);
    },
    'population.updateSag': ({ id, facts }) => {
      samplingUnits.forget();
      return review.transaction(() => {
        const sag = populations.updateFacts(id, facts);
        // The sag as stored, its sagsnummer from before included: a number split between them is refused.
        const { sagsnummer, sagstype, sagsbehandler, team } = sag;
        refuseCprInRecord({ sagsnummer, sagstype, sagsbehandler, team });
        return sag;
      });
    },
  };
}
