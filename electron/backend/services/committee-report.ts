import { ApiError, noSagFinished } from '../../../shared/api/errors';
import { importedRoundRefusal } from '../../../shared/domain/bundle-results';
import { localDateOf } from '../../../shared/domain/dates';
import { ACTION_STATUS_LABELS } from '../../../shared/domain/findings';
import type { PublicText } from '../../../shared/domain/publication';
import type { CommitteeFormat, GeneratedFile, ResultsView } from '../../../shared/domain/reports';
import { listedForPlan } from '../../../shared/domain/results';
import type { TilsynSummary } from '../../../shared/domain/tilsyn';
import { committeeCharts } from '../reports/committee/charts';
import { committeeDocDefinition, committeeFileName } from '../reports/committee/document';
import { committeePublicTexts } from '../reports/committee/public-texts';
import { committeeReportData } from '../reports/committee/report-data';
import type { CommitteeFollowUp, CommitteeReportData, CommitteeReportInput } from '../reports/committee/report-types';
import { type Task, untracked } from '../tasks';
import { logoPrintedTexts } from './logo-texts';
import { renderPdf } from './pdf';
import type { PlanFollowUp } from './plan-follow-up';
import type { Publication } from './publication';
import type { ResultsService } from './results-service';
import type { Stores } from './stores';

/**
 * The committee report (PDF) for the political committee's open agenda: aggregates only. The data builder is
 * anonymous by construction; this module gathers its input (the tilsyn, the sample's record, the results) and makes
 * the PDF only when the publication check has nothing left in the leader's texts.
 */
export function createCommitteeReport(
  stores: Stores,
  results: ResultsService,
  publication: Publication,
  plans: PlanFollowUp,
  /** The method section's line on the second review (issue #16), or null when no sag was reviewed by two. */
  qualityOf: (tilsynId: number, counted: number) => string | null,
) {
  const { sqlite } = stores.db;
  const reviewed = sqlite.prepare<[{ t: number }], { fra: string | null; til: string | null }>(
    // After retention deletion the answers are gone; the snapshot kept the period they were given in.
    `SELECT coalesce(min(sv.aendret), (SELECT gennemgaaet_fra FROM resultat_snapshot WHERE tilsyn_id = @t)) AS fra,
            coalesce(max(sv.aendret), (SELECT gennemgaaet_til FROM resultat_snapshot WHERE tilsyn_id = @t)) AS til
     FROM svar sv JOIN sag s ON s.id = sv.sag_id
     WHERE s.tilsyn_id = @t AND s.rolle = 'udvalgt' AND sv.rolle = 'leder'`,
  );

  function input(tilsynId: number, generated: string): CommitteeReportInput {
    const t = stores.requireTilsyn(tilsynId);
    if (t.indlaest)
      throw new ApiError(
        'CONFLICT',
        importedRoundRefusal(
          t.titel,
          'laves dens rapport til udvalget i den fil, den kom fra',
          'Her indgår runden i enhedens perioderapport under Årshjul.',
        ),
      );
    const sample = stores.samples.get(tilsynId);
    if (!sample) {
      throw new ApiError(
        'CONFLICT',
        'Der er endnu ikke trukket en stikprøve i tilsynet, så der er ingen resultater at rapportere til udvalget.',
      );
    }
    const view = results.view(tilsynId);
    if (view.results.faerdige === 0) {
      throw noSagFinished('rapporten til udvalget');
    }
    const span = reviewed.get({ t: tilsynId });
    return {
      followUp: followUpOf(t, view.settings.minCell, generated),
      tilsyn: t,
      results: view.results,
      trends: lockedRoundsOnly(tilsynId, view.trends),
      assessments: view.assessments,
      sammenfatning: view.sammenfatning,
      settings: view.settings,
      sample,
      reviewedBetween: span?.fra && span.til ? { from: localDateOf(span.fra), to: localDateOf(span.til) } : null,
      qualityAssurance: qualityOf(tilsynId, view.results.sager),
      generated,
    };
  }

  /**
   * The last afsluttet round of the same template and enhed before this one, and the plans its report printed (krav shown with figures
   * and below måltal), each with its follow-up status as of `generated`.
   */
  function followUpOf(t: TilsynSummary, minCell: number, generated: string): CommitteeFollowUp | null {
    const last = stores.results
      .lineage(t.id)
      // An afsluttet round: an open one's plans are still being written.
      .filter((r) => r.id !== t.id && r.periodeFra < t.periodeFra && r.status === 'afsluttet')
      .sort((a, b) => b.periodeFra.localeCompare(a.periodeFra) || b.id - a.id)[0];
    if (!last) return null;
    const printed = new Set(
      results
        .resultsOf(last.id)
        .measures.filter((m) => listedForPlan(m, minCell))
        .map((m) => m.key),
    );
    const items = plans
      .of(last.id, generated)
      .filter((p) => p.questionKey !== null && printed.has(p.questionKey))
      .map((p) => {
        const status = ACTION_STATUS_LABELS[p.status];
        return {
          number: p.krav?.number ?? '',
          text: p.krav?.text ?? '',
          plan: p.text,
          frist: p.frist,
          status: p.overdue ? `${status} – fristen er overskredet` : status,
          state: p.status,
          overdue: p.overdue,
        };
      });
    return {
      tilsynId: last.id,
      periode: { from: last.periodeFra, to: last.periodeTil },
      belowTarget: printed.size,
      items,
    };
  }

  /**
   * The development as the committee sees it: this round and the afsluttede rounds before it. A round still open
   * (a draft, an exercise) can change and is not compared with; the Resultater screen shows it to the leader.
   */
  function lockedRoundsOnly(tilsynId: number, trends: ResultsView['trends']): ResultsView['trends'] {
    const locked = new Set(
      stores.results
        .lineage(tilsynId)
        .filter((r) => r.status === 'afsluttet')
        .map((r) => r.id),
    );
    return Object.fromEntries(
      Object.entries(trends).map(([key, points]) => [
        key,
        points.filter((p) => p.tilsynId === tilsynId || locked.has(p.tilsynId)),
      ]),
    );
  }

  /** The report's texts for the publication check, with the words an SVG logo prints. */
  const publicTexts = (data: CommitteeReportData): PublicText[] => [
    ...committeePublicTexts(data),
    ...logoPrintedTexts(data.logo).map((text) => ({
      label: 'Tekst i logoet',
      text,
      place: { screen: 'indstillinger' } as const,
    })),
  ];

  /** The publication check of the report's texts as they would be printed `generated` (ISO). */
  function check(tilsynId: number, generated: string) {
    return publication.check(tilsynId, 'udvalg', publicTexts(committeeReportData(input(tilsynId, generated))));
  }

  /** The report as a PDF file dated `generated` (ISO); refused while the publication check has passages left. */
  async function file(
    tilsynId: number,
    generated: string,
    format: CommitteeFormat,
    task: Task = untracked,
  ): Promise<GeneratedFile> {
    const { fileName, pdf } = await render(tilsynId, generated, format, task);
    return { fileName, mimeType: 'application/pdf', dataBase64: pdf.toString('base64') };
  }

  async function render(
    tilsynId: number,
    generated: string,
    format: CommitteeFormat,
    task: Task = untracked,
  ): Promise<{ fileName: string; pdf: Buffer }> {
    task.report('Samler tallene');
    const data = committeeReportData(input(tilsynId, generated));
    publication.requireResolved(publication.check(tilsynId, 'udvalg', publicTexts(data)));
    await task.checkpoint();
    task.report('Tegner figurerne');
    const charts = committeeCharts(data);
    await task.checkpoint();
    task.report('Sætter siderne op');
    let pdf: Buffer;
    try {
      pdf = await renderPdf(committeeDocDefinition(data, charts, format));
    } catch (err) {
      // A logo file that passed the settings' check but cannot be drawn must not stop the report.
      if (!data.logo) throw err;
      pdf = await renderPdf(committeeDocDefinition({ ...data, logo: null }, charts, format));
    }
    await task.checkpoint();
    return { fileName: committeeFileName(data.title), pdf };
  }

  return { check, file, render };
}

export type CommitteeReport = ReturnType<typeof createCommitteeReport>;
