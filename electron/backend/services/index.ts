import { startBackupScheduler } from '../../../db/backup';
import { createImportStage } from '../../../db/import-stage';
import { todayIso } from '../../../shared/domain/dates';
import type { TilsynData } from '../../../shared/domain/tilsyn';
import type { BackendContext } from '../context';
import { DEFAULT_TEMPLATES } from '../skabeloner';
import { createBundleCoverage } from './bundle-coverage';
import { createPlacing } from './bundle-placing';
import { createBundles } from './bundles';
import { createCalibration } from './calibration';
import { createCaseload } from './caseload';
import { createComments } from './comments';
import { createCommitteeReport } from './committee-report';
import { createComparison } from './comparison';
import { createFeedbackNotes } from './feedback-notes';
import { createFullBundles } from './full-bundles';
import { createPeriodReport } from './period-report';
import { createPlanFollowUp } from './plan-follow-up';
import { createPopulationReader } from './population-reader';
import { createPublication } from './publication';
import { createReportSending } from './report-sending';
import { createResultsService } from './results-service';
import { createReview } from './review';
import { createSamplingUnits } from './sampling-units';
import { createSecondReview } from './second-review';
import { createSecondReviewBundles } from './second-review-bundles';
import { createSelfBundles } from './self-bundles';
import { createSelfEvaluation } from './self-evaluation';
import { createSignOff } from './sign-off';
import { createStores } from './stores';
import { checkTemplateChoice } from './template-choice';
import { createUnits } from './units';
import { createYearPlan } from './year-plan';

/**
 * Everything the API methods use for one open database, each made exactly once: the stores, and the services
 * several namespaces share (the review, the results, the reports, the sagsliste reader, the sampling units).
 * Making them also seeds the shipped templates and starts the automatic backup copies.
 */
export function createServices(ctx: BackendContext) {
  const stores = createStores(ctx.db);
  stores.templates.seedDefaults(DEFAULT_TEMPLATES);
  if (ctx.backups !== false) startBackupScheduler(ctx.db, ctx.backups);
  // Today's date (local), for what is dated: the reports, overdue handlinger, retention's due list.
  const today = () => todayIso();
  const review = createReview(stores);
  const results = createResultsService(stores);
  const publication = createPublication(stores);
  const plans = createPlanFollowUp(stores);
  const secondReview = createSecondReview(stores, review, stores.andenGennemgang);
  const comments = createComments(stores, review, stores.kommentarer);
  const signOff = createSignOff(stores, stores.godkendelser, secondReview, comments.openCount);
  // The method section's lines on kvalitetssikring: the second review, and the approval.
  const qualityOf = (tilsynId: number, counted: number) =>
    [secondReview.qualityLineOf(tilsynId, counted), signOff.approvalLine(tilsynId)].filter(Boolean).join(' ') || null;
  const committeeReport = createCommitteeReport(stores, results, publication, plans, qualityOf);
  const units = createUnits(stores);
  const caseload = createCaseload(stores.lists, units);
  /** A new tilsyn: a published template (and afsnit it has) and its enhed, made in one transaction. */
  const createTilsyn = (data: TilsynData) => {
    checkTemplateChoice(stores.templates, data);
    return stores.db.sqlite.transaction(() => stores.tilsyn.create(units.forTilsyn(data)))();
  };
  const placing = createPlacing(stores, stores.pakker);
  const coverage = createBundleCoverage(stores, stores.daekning, stores.pakker.fileId);
  const secondBundles = createSecondReviewBundles(stores, stores.pakker, secondReview, stores.andenGennemgang);
  return {
    ctx,
    stores,
    review,
    secondReview,
    signOff,
    comments,
    calibration: createCalibration(stores, stores.kalibrering),
    results,
    plans,
    committeeReport,
    sending: createReportSending(stores, committeeReport, signOff.requireApproved),
    feedbackNotes: createFeedbackNotes(stores, review, results, publication, today),
    publication,
    populationReader: createPopulationReader(createImportStage(ctx.db)),
    samplingUnits: createSamplingUnits(stores.populations),
    units,
    caseload,
    bundles: createBundles(stores, stores.pakker, units, results, placing, coverage),
    fullBundles: createFullBundles(stores, stores.pakker, placing),
    secondBundles,
    selfBundles: createSelfBundles(stores, stores.pakker, review, secondBundles),
    selfEvaluation: createSelfEvaluation(stores.selvevalueringer, stores.pakker.fileId, stores.results.settings),
    createTilsyn,
    yearPlan: createYearPlan(stores, units, createTilsyn, today),
    comparison: createComparison(stores, units, results, caseload, secondReview.allPairs, coverage.area),
    periodReport: createPeriodReport(stores, units, results, plans, publication, caseload, coverage.brought),
    today,
  };
}

export type Services = ReturnType<typeof createServices>;
