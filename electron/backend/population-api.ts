import { ApiError } from '../../shared/api/errors';
import { detectHeaderRow, layoutKey, mappingWarnings, suggestMapping } from '../../shared/domain/population';
import { type NamespaceHandlers, refuseCprInRecord } from './dispatch';
import type { Services } from './services';

const MAX_ISSUES_SHOWN = 200;

/** Importing the sagsliste (preview, check, import; CPR numbers never kept) and correcting it by hand. */
export function populationApi({
  stores,
  populationReader: reader,
  samplingUnits,
  review,
}: Services): NamespaceHandlers<'population'> {
  const { populations, templates, requireTilsyn } = stores;

  function dateFieldsOf(tilsynId: number) {
    return templates.publishedContent(requireTilsyn(tilsynId).skabelonVersionId).dateFields;
  }

  /** The tilsyn's frist questions (in its chosen afsnit), each with the names of the dates it is computed from. */
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
    'population.preview': async ({ tilsynId, fileName, dataBase64 }) => {
      const file = await reader.read(fileName, dataBase64);
      const headerRow = detectHeaderRow(file.grid);
      const { headers, rows, cpr } = reader.structure(file, headerRow);
      const remembered = populations.rememberedMapping(layoutKey(headers));
      const dateFields = dateFieldsOf(tilsynId);
      // A mapping remembered for this layout fits only a template that has the date fields it names, and only when
      // it feeds every date field the fresh suggestion would (made for another template, it may feed none).
      const known = new Set(dateFields.map((f) => f.key));
      const sample = rows.slice(0, 50).map((r) => r.cells);
      const suggested = suggestMapping(headers, dateFields, cpr, sample);
      const fed = (mapping: typeof suggested) => new Set(mapping.flatMap((m) => (m.dateKey ? [m.dateKey] : [])));
      const usable =
        remembered &&
        remembered.length === headers.length &&
        remembered.every((m) => m.target !== 'dato' || !m.dateKey || known.has(m.dateKey)) &&
        [...fed(suggested)].every((key) => fed(remembered).has(key));
      const mapping = (usable ? remembered : suggested).map((m, i) =>
        cpr.has(i) ? { ...m, target: 'ignorer' as const } : m,
      );
      return {
        fileName,
        format: file.format,
        encoding: file.encoding,
        delimiter: file.delimiter,
        headerRow,
        headers,
        sampleRows: rows
          .slice(0, 8)
          .map((r) => headers.map((_, i) => (cpr.has(i) ? '••••••-••••' : (r.cells[i] ?? '')))),
        dataRowCount: rows.length,
        cprColumns: [...cpr],
        mapping,
        mappingRemembered: Boolean(usable),
      };
    },

    'population.check': async (input) => {
      const needed = datesNeeded(input.tilsynId);
      const { headers, cpr, mapped, mapping } = await reader.mapFile(input);
      return {
        validRows: mapped.rows.length,
        issueCount: mapped.issues.length,
        issues: mapped.issues.slice(0, MAX_ISSUES_SHOWN),
        maskedCells: mapped.masked.length,
        removedColumns: [...cpr].map((i) => headers[i] ?? ''),
        warnings: mappingWarnings(mapping, needed.frister, needed.ruleDates),
      };
    },

    'population.import': async ({ tilsynId, skipInvalid, ...input }) => {
      const { file, headers, cpr, mapped, mapping } = await reader.mapFile(input);
      if (mapped.issues.length > 0 && !skipInvalid) {
        throw new ApiError(
          'VALIDATION',
          `${mapped.issues.length === 1 ? 'Én række har fejl' : `${mapped.issues.length} rækker har fejl`}. Ret filen, eller vælg at springe rækkerne over.`,
        );
      }
      if (mapped.rows.length === 0) throw new ApiError('VALIDATION', 'Filen har ingen sager, der kan importeres.');
      const summary = populations.replace(tilsynId, {
        fileName: input.fileName,
        format: file.format,
        fileHash: file.sha256,
        mapping,
        removedColumns: [...cpr].map((i) => headers[i] ?? ''),
        maskedCells: mapped.masked.length,
        skippedRows: mapped.issues,
        rows: mapped.rows,
      });
      populations.rememberMapping(layoutKey(headers), mapping);
      samplingUnits.forget();
      return summary;
    },

    'population.get': ({ tilsynId }) => populations.summary(tilsynId),
    'population.sager': ({ tilsynId }) => populations.sager(tilsynId),
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
