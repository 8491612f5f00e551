import { createBundleStore } from '../../../db/bundle-store';
import { createCalibrationStore } from '../../../db/calibration-store';
import { createCaseloadStore } from '../../../db/caseload-store';
import { createClosingStore } from '../../../db/closing-store';
import { createCommentStore } from '../../../db/comment-store';
import { createCoverageFigureStore } from '../../../db/coverage-figure-store';
import { createFindingsStore } from '../../../db/findings-store';
import { createFullBundleStore } from '../../../db/full-bundle-store';
import type { TilsynDatabase } from '../../../db/open';
import { createPlanStore } from '../../../db/plan-store';
import { createPopulationStore } from '../../../db/population-store';
import { createPublicationStore } from '../../../db/publication-store';
import { createReflectionStore } from '../../../db/reflection-store';
import { createResultsStore } from '../../../db/results-store';
import { createRetentionStore } from '../../../db/retention-store';
import { createReviewStore } from '../../../db/review-store';
import { createSampleStore } from '../../../db/sample-store';
import { createApprovalStore, createSecondReviewStore } from '../../../db/second-review-store';
import { createSelfEvaluationStore } from '../../../db/self-evaluation-store';
import { createSendingStore } from '../../../db/sending-store';
import { createTemplateStore } from '../../../db/template-store';
import { createTilsynStore } from '../../../db/tilsyn-store';
import { createUnitStore } from '../../../db/unit-store';
import { ApiError, reportSent, tilsynLocked, tilsynNotFound } from '../../../shared/api/errors';
import { importedRoundRefusal } from '../../../shared/domain/bundle-results';
import { formatDanishDate } from '../../../shared/domain/dates';
import { isLocked, type TilsynSummary } from '../../../shared/domain/tilsyn';

/** Every store of one open database, each created once, and the two checks almost every method starts with. */
export function createStores(db: TilsynDatabase) {
  const tilsyn = createTilsynStore(db);
  const populations = createPopulationStore(db);

  /** The tilsyn, or the one not-found error. */
  function requireTilsyn(tilsynId: number): TilsynSummary {
    const t = tilsyn.get(tilsynId);
    if (!t) throw tilsynNotFound();
    return t;
  }

  /** The tilsyn if it may still change; `toDo` finishes the locked message »Genåbn det for at …«. */
  function requireUnlocked(tilsynId: number, toDo: string): TilsynSummary {
    const t = requireTilsyn(tilsynId);
    if (isLocked(t)) throw tilsynLocked(toDo);
    return t;
  }

  /** The tilsyn if the report's texts may still change (until the report is sent to the udvalg). */
  function requireTextsOpen(tilsynId: number, toDo: string): TilsynSummary {
    const t = requireTilsyn(tilsynId);
    if (t.indlaest) throw new ApiError('CONFLICT', importedRoundRefusal(t.titel, `kan man ikke ${toDo}`));
    if (t.sendt) throw reportSent(formatDanishDate(t.sendt.dato), toDo);
    return t;
  }

  return {
    db,
    tilsyn,
    templates: createTemplateStore(db),
    populations,
    /** The sagsoverblik's dated sagslister (issue #19). */
    lists: createCaseloadStore(db),
    /** The pakker's memory: the file's id, rounds and templates that came in pakker (issue #15). */
    pakker: createBundleStore(db),
    /** Coverage counted in other files, from their resultatpakker (issue #15). */
    daekning: createCoverageFigureStore(db),
    /** Fulde pakker: the tilsyn sent or received with everything, and the versions shared (issue #15). */
    fuld: createFullBundleStore(db),
    /** Second review: who reviews which sager again, and the moderated disagreements (issue #16). */
    andenGennemgang: createSecondReviewStore(db),
    /** Who must approve a round's report before it is sent, and the approval (issue #16). */
    godkendelser: createApprovalStore(db),
    /** Comments pinned to a question of a sag, open until worked through (issue #16). */
    kommentarer: createCommentStore(db),
    /** Practice sager and the leaders' answers to them, for calibration (issue #16). */
    kalibrering: createCalibrationStore(db),
    samples: createSampleStore(db, populations),
    /** The caseworker's selvevalueringer from her leader's pakker (issue #15). */
    selvevalueringer: createSelfEvaluationStore(db),
    answers: createReviewStore(db),
    findings: createFindingsStore(db),
    closing: createClosingStore(db),
    results: createResultsStore(db),
    retention: createRetentionStore(db),
    reflections: createReflectionStore(db),
    publication: createPublicationStore(db),
    requireTilsyn,
    requireUnlocked,
    requireTextsOpen,
    sendings: createSendingStore(db),
    units: createUnitStore(db),
    plans: createPlanStore(db),
  };
}

export type Stores = ReturnType<typeof createStores>;
