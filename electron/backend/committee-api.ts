import type { TilsynDatabase } from '../../db/open';
import { createPopulationStore } from '../../db/population-store';
import { createStikproeveStore } from '../../db/stikproeve-store';
import { createTilsynStore } from '../../db/tilsyn-store';
import { ApiError } from '../../shared/api/errors';
import { todayIso } from '../../shared/domain/dates';
import type { Handlers } from './dispatch';
import { renderPdf } from './pdf';
import { committeeCharts } from './reports/committee/charts';
import { committeeDocDefinition, committeeFileName } from './reports/committee/document';
import { committeeReportData } from './reports/committee/report-data';
import type { CommitteeReportInput } from './reports/committee/report-types';
import type { ResultsService } from './results-api';

type CommitteeHandlers = Pick<Handlers, 'rapport.udvalg'>;

/**
 * The committee report (PDF) for the political committee's open agenda: aggregates only. The data builder is
 * anonymous by construction; this module only gathers its input: the tilsyn, the sample's record, the results, and
 * the lists of sagsnumre and caseworker names the leader's texts are scrubbed of.
 *
 * `db` is needed for the sample record and those lists; without it the method refuses (wire it in index.ts).
 */
export function createCommitteeHandlers(
  results: ResultsService,
  db?: TilsynDatabase,
  now: () => Date = () => new Date(),
): CommitteeHandlers {
  const deps = db ? committeeSources(db) : null;
  return {
    'rapport.udvalg': async ({ tilsynId }) => {
      if (!deps) throw new ApiError('CONFLICT', 'Rapporten til udvalget er ikke sat op i denne udgave af Tilsyn.');
      const input = deps.input(tilsynId, results, todayIso(now()));
      const data = committeeReportData(input);
      const charts = committeeCharts(data);
      let pdf: Buffer;
      try {
        pdf = await renderPdf(committeeDocDefinition(data, charts));
      } catch (err) {
        // A logo file that passed the settings' check but cannot be drawn must not stop the report.
        if (!data.logo) throw err;
        pdf = await renderPdf(committeeDocDefinition({ ...data, logo: null }, charts));
      }
      return {
        fileName: committeeFileName(data.title),
        mimeType: 'application/pdf',
        dataBase64: pdf.toString('base64'),
      };
    },
  };
}

function committeeSources(db: TilsynDatabase) {
  const tilsyn = createTilsynStore(db);
  const stikproeve = createStikproeveStore(db, createPopulationStore(db));
  const { sqlite } = db;
  const sagsnumre = sqlite.prepare<[], { v: string }>(
    `SELECT sagsnummer AS v FROM population_sag UNION SELECT sagsnummer FROM sag
     UNION SELECT sagsnummer FROM tilsyn_log WHERE sagsnummer IS NOT NULL`,
  );
  const names = sqlite.prepare<[], { v: string }>(
    `SELECT sagsbehandler AS v FROM population_sag WHERE sagsbehandler <> ''
     UNION SELECT sagsbehandler FROM refleksion WHERE sagsbehandler IS NOT NULL AND sagsbehandler <> ''`,
  );
  const reviewed = sqlite.prepare<[{ t: number }], { fra: string | null; til: string | null }>(
    // After retention deletion the answers are gone; the snapshot kept the period they were given in.
    `SELECT coalesce(min(sv.aendret), (SELECT gennemgaaet_fra FROM resultat_snapshot WHERE tilsyn_id = @t)) AS fra,
            coalesce(max(sv.aendret), (SELECT gennemgaaet_til FROM resultat_snapshot WHERE tilsyn_id = @t)) AS til
     FROM svar sv JOIN sag s ON s.id = sv.sag_id
     WHERE s.tilsyn_id = @t AND s.rolle = 'udvalgt' AND sv.rolle = 'leder'`,
  );

  function input(tilsynId: number, results: ResultsService, generated: string): CommitteeReportInput {
    const t = tilsyn.get(tilsynId);
    if (!t) throw new ApiError('NOT_FOUND', 'Tilsynet findes ikke (det kan være slettet).');
    const sample = stikproeve.get(tilsynId);
    if (!sample) {
      throw new ApiError(
        'CONFLICT',
        'Der er endnu ikke trukket en stikprøve i tilsynet, så der er ingen resultater at rapportere til udvalget.',
      );
    }
    const view = results.view(tilsynId);
    if (view.results.faerdige === 0) {
      throw new ApiError(
        'CONFLICT',
        'Ingen sager er færdiggennemgået endnu. Markér mindst én sag som færdig, før rapporten til udvalget laves.',
      );
    }
    const span = reviewed.get({ t: tilsynId });
    return {
      tilsyn: t,
      results: view.results,
      trends: view.trends,
      assessments: view.assessments,
      sammenfatning: view.sammenfatning,
      settings: view.settings,
      sample,
      reviewedBetween: span?.fra && span.til ? { from: localDate(span.fra), to: localDate(span.til) } : null,
      known: {
        sagsnumre: sagsnumre.all().map((r) => r.v),
        sagsbehandlere: names.all().map((r) => r.v),
      },
      generated,
    };
  }

  return { input };
}

/** A stored ISO timestamp as the local calendar date. */
function localDate(timestamp: string): string {
  const d = new Date(timestamp);
  return Number.isNaN(d.getTime()) ? timestamp.slice(0, 10) : todayIso(d);
}
