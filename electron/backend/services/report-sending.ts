import { sha256Of } from '../../../db/sending-store';
import { ApiError } from '../../../shared/api/errors';
import { formatDanishDate } from '../../../shared/domain/dates';
import { type SentReport, shortHash } from '../../../shared/domain/report-sending';
import type { CommitteeFormat, GeneratedFile } from '../../../shared/domain/reports';
import { isLocked } from '../../../shared/domain/tilsyn';
import { type Task, untracked } from '../tasks';
import type { CommitteeReport } from './committee-report';
import type { Stores } from './stores';

/**
 * The committee report sent to the udvalg (issue #12): made once more as the final one, kept byte for byte with its
 * sha256, and shown again exactly as sent.
 */
export function createReportSending(
  stores: Stores,
  committeeReport: CommitteeReport,
  /** Refuses while an approval the round needs (issue #16) is missing. */
  requireApproved: (tilsynId: number) => void,
) {
  const { render } = committeeReport;

  /**
   * Makes the report dated `today` and keeps it in the file as sent to the udvalg by `navn`: from then on the report's
   * texts are locked (until a genåbning), and the bytes the committee received can be shown again.
   */
  async function send(
    tilsynId: number,
    navn: string,
    today: string,
    format: CommitteeFormat,
    task: Task = untracked,
  ): Promise<SentReport> {
    const t = stores.requireTilsyn(tilsynId);
    if (!isLocked(t))
      throw new ApiError(
        'CONFLICT',
        'Afslut tilsynet under 4. Gennemgang, før rapporten sendes til udvalget: så kan tallene ikke ændre sig bagefter.',
      );
    if (t.sendt)
      throw new ApiError(
        'CONFLICT',
        `Rapporten er allerede sendt til udvalget den ${formatDanishDate(t.sendt.dato)} (${t.sendt.hvem}). Hent den sendte rapport under 6. Formidling.`,
      );
    requireApproved(tilsynId);
    // Sending is done on purpose, and is short: it is not stopped halfway (the screen offers no »Afbryd«).
    task.report('Laver og gemmer den sendte rapport', undefined, false);
    const { fileName, pdf } = await render(tilsynId, today, format);
    const sending = stores.db.sqlite.transaction(() => {
      // The PDF took time to make: the tilsyn may have been reopened or sent from elsewhere meanwhile.
      const now = stores.requireTilsyn(tilsynId);
      if (!isLocked(now) || now.sendt) throw new ApiError('CONFLICT', 'Tilsynet er ændret imens. Prøv igen.');
      // Named by the day it was sent, so a corrected sending does not overwrite the first where they are saved.
      const earlier = stores.sendings.list(tilsynId).filter((s) => s.dato === today).length;
      const filnavn = fileName.replace(
        /\.pdf$/,
        ` – sendt ${formatDanishDate(today)}${earlier > 0 ? ` (${earlier + 1})` : ''}.pdf`,
      );
      const kept = stores.sendings.add(tilsynId, { dato: today, hvem: navn, filnavn, pdf });
      stores.closing.recordSending(
        tilsynId,
        navn,
        `Rapporten sendt til udvalget pr. ${formatDanishDate(today)} (SHA-256 ${shortHash(kept.sha256)} …)`,
      );
      return kept;
    })();
    return {
      sending,
      file: { fileName: sending.filnavn, mimeType: 'application/pdf', dataBase64: pdf.toString('base64') },
    };
  }

  /** The report exactly as it was sent; refused if its bytes no longer match the hash kept beside them. */
  function sent(tilsynId: number, id: number): GeneratedFile {
    stores.requireTilsyn(tilsynId);
    const s = stores.sendings.get(tilsynId, id);
    if (!s) throw new ApiError('NOT_FOUND', 'Den sendte rapport findes ikke i tilsynet.');
    if (sha256Of(s.pdf) !== s.sha256)
      throw new ApiError(
        'CONFLICT',
        'Den gemte rapport svarer ikke til sin kontrolsum og kan være ændret uden for programmet. Gendan en sikkerhedskopi under Indstillinger.',
      );
    return { fileName: s.filnavn, mimeType: 'application/pdf', dataBase64: s.pdf.toString('base64') };
  }

  return { send, sent, list: (tilsynId: number) => stores.sendings.list(tilsynId) };
}

export type ReportSendingService = ReturnType<typeof createReportSending>;
