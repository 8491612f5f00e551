import type { NamespaceHandlers } from './dispatch';
import { type ExcelTilsyn, excelFileName, excelSheets } from './reports/excel-data';
import { safeFileName } from './reports/file-name';
import type { Services } from './services';
import { renderWorkbook, XLSX_MIME } from './services/excel';

/** The Excel export: every answer of one or more tilsyn, with their results, in one workbook. */
export function eksportApi({ stores, review, results }: Services): NamespaceHandlers<'eksport'> {
  const { answers, findings } = stores;

  function excelTilsyn(tilsynId: number): ExcelTilsyn {
    const { tilsyn, content, sectionKeys } = review.templateOf(tilsynId);
    return {
      titel: tilsyn.titel,
      periodeFra: tilsyn.periodeFra,
      periodeTil: tilsyn.periodeTil,
      skabelonNavn: tilsyn.skabelonNavn,
      skabelonVersion: tilsyn.skabelonVersionNummer,
      content,
      sectionKeys,
      results: results.resultsOf(tilsynId),
      sager: [...answers.sager(tilsynId)]
        .sort((x, y) => x.sagsnummer.localeCompare(y.sagsnummer, 'da', { numeric: true }))
        .map((s) => ({
          sagsnummer: s.sagsnummer,
          sagstype: s.sagstype,
          sagsbehandler: s.sagsbehandler,
          team: s.team,
          status: s.status,
          dates: { ...s.importedDates, ...s.enteredDates },
          answers: answers.answers(s.id, 'leder'),
          findings: findings.findings(s.id),
          actions: findings.actions(s.id),
        })),
    };
  }

  return {
    'eksport.excel': async ({ tilsynIds }, task) => {
      const ids = [...new Set(tilsynIds)];
      for (const id of ids) review.requireCaseData(id, 'svarene kan ikke eksporteres');
      task.report('Samler svarene');
      const tilsyn = ids.map(excelTilsyn);
      await task.checkpoint();
      const xlsx = await renderWorkbook(excelSheets(tilsyn), new Date(), task);
      return {
        fileName: safeFileName(excelFileName(tilsyn.map((t) => t.titel))),
        mimeType: XLSX_MIME,
        dataBase64: xlsx.toString('base64'),
      };
    },
  };
}
