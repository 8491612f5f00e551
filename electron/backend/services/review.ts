import type { ReviewSagRow, ReviewTilsyn } from '../../../db/review-store';
import { ApiError } from '../../../shared/api/errors';
import { importedRoundRefusal } from '../../../shared/domain/bundle-results';
import { answerChanges, type LoggedChange } from '../../../shared/domain/closing';
import { formatDanishDate } from '../../../shared/domain/dates';
import {
  type AnswerRecord,
  type answerInputSchema,
  answerLabel,
  answerValueProblem,
  disagreements,
  overrideProblem,
  type ReviewProgress,
  type ReviewUpdate,
  reviewFingerprint,
  type SagReview,
} from '../../../shared/domain/review';
import { createProgressMemo, reviewProgress } from '../../../shared/domain/review-progress';
import type { Question } from '../../../shared/domain/template';
import { isLocked, SAG_STATUS_LABELS } from '../../../shared/domain/tilsyn';
import type { z } from '../../../shared/zod';
import { refuseCprInAnswer } from '../dispatch';
import { createSavedAnswers } from './saved-answers';
import type { Stores } from './stores';
import { findQuestion, UNKNOWN_QUESTION } from './template-questions';

/** What the review's API methods share: the review as the screen sees it, and changes logged after a reopening. */
export function createReview(stores: Stores) {
  const { db, answers, findings, closing, templates } = stores;
  const savedAnswers = createSavedAnswers(db);
  const progressMemo = createProgressMemo();

  function templateOf(tilsynId: number) {
    const t = stores.requireTilsyn(tilsynId);
    return { tilsyn: t, content: templates.publishedContent(t.skabelonVersionId), sectionKeys: t.afsnit };
  }
  type Template = ReturnType<typeof templateOf>;

  function contextOf(sag: ReviewSagRow, { content, sectionKeys }: Template, given: Record<string, AnswerRecord>) {
    const dates = { ...sag.importedDates, ...sag.enteredDates };
    return { content, sectionKeys, sagstype: sag.sagstype, answers: given, dates };
  }

  function progressOf(sag: ReviewSagRow, template: Template, given: Record<string, AnswerRecord>): ReviewProgress {
    return reviewProgress(contextOf(sag, template, given));
  }

  /** Reads the sag, its tilsyn's template and its answers once each. */
  function review(sagId: number): SagReview {
    const sag = answers.sag(sagId);
    const template = templateOf(sag.tilsynId);
    const leader = answers.answers(sagId, 'leder');
    const selfEvaluation = template.tilsyn.form === 'selvevaluering_foerst';
    const caseworker = selfEvaluation ? answers.answers(sagId, 'sagsbehandler') : {};
    const ctx = contextOf(sag, template, leader);
    const { importedDates, enteredDates, tilsynId: _, ...facts } = sag;
    return {
      sag: facts,
      dates: ctx.dates,
      enteredDates,
      content: template.content,
      sectionKeys: template.sectionKeys,
      answers: leader,
      progress: reviewProgress(ctx),
      form: template.tilsyn.form,
      locked: isLocked(template.tilsyn),
      caseworkerAnswers: caseworker,
      disagreements: selfEvaluation ? disagreements(ctx, caseworker) : [],
      findings: findings.findings(sagId),
      actions: findings.actions(sagId),
      dialog: findings.dialog(sagId),
    };
  }

  /**
   * Applies one change to a sag's review in a single transaction, logging it when the tilsyn has been reopened.
   * A færdig sag whose answers change so that something is missing goes back to i gang.
   */
  function change(sagId: number, apply: (sag: ReviewSagRow) => LoggedChange[]): SagReview {
    return db.sqlite.transaction(() => {
      const sag = answers.requireReviewable(sagId);
      const log = (entry: LoggedChange) => closing.recordChange(sag.tilsynId, { sagsnummer: sag.sagsnummer, ...entry });
      apply(sag).forEach(log);
      const result = review(sagId);
      if (result.sag.status !== 'faerdig' || result.progress.missing.length === 0) return result;
      answers.setStatus(sagId, 'i_gang');
      log({ what: 'Sagens status', oldValue: SAG_STATUS_LABELS.faerdig, newValue: SAG_STATUS_LABELS.i_gang });
      return review(sagId);
    })();
  }

  /** The template's question, or a VALIDATION error. */
  function requireQuestion(tilsynId: number, key: string): Question {
    const question = findQuestion(templateOf(tilsynId).content, key);
    if (!question) throw new ApiError('VALIDATION', UNKNOWN_QUESTION);
    return question;
  }

  // One transaction function, made once: better-sqlite3 builds four variants each time it is asked for one, a tenth
  // of a save's time (issue #18).
  const inTransaction = db.sqlite.transaction((fn: () => unknown) => fn());
  const transaction = <T>(fn: () => T): T => inTransaction(fn) as T;
  const snapshotOf = db.sqlite.prepare<[number], { n: number }>(
    'SELECT 1 AS n FROM resultat_snapshot WHERE tilsyn_id = ?',
  );
  /** The tilsyn's case-level data was deleted (retention): only its aggregates are left. */
  const caseDataDeleted = (tilsynId: number): boolean => snapshotOf.get(tilsynId) !== undefined;

  /** Refuses `what` (»så …«) for a tilsyn whose case-level data was deleted, or that came in a pakke without it. */
  function requireCaseData(tilsynId: number, what: string): void {
    const { tilsyn } = templateOf(tilsynId);
    if (tilsyn.indlaest) throw new ApiError('CONFLICT', importedRoundRefusal(tilsyn.titel, what));
    if (caseDataDeleted(tilsynId))
      throw new ApiError(
        'CONFLICT',
        `Sagernes data i »${tilsyn.titel}« er slettet efter afslutningen, så ${what}. Resultaterne og rapporten til udvalget findes stadig.`,
      );
  }

  /**
   * The review's status, progress and disagreements after a save (issue #18: the save answers with these, not with
   * the whole sag). A færdig sag that now misses something goes back to i gang, logged like any change.
   */
  function settle(
    sag: ReviewSagRow,
    tilsyn: ReviewTilsyn,
    given: { leader: Record<string, AnswerRecord>; caseworker: () => Record<string, AnswerRecord> },
    dates: Record<string, string>,
    log: (entry: LoggedChange) => void,
  ): Omit<ReviewUpdate, 'answer' | 'dates'> {
    const content = templates.publishedContent(tilsyn.versionId);
    const ctx = { content, sectionKeys: tilsyn.afsnit, sagstype: sag.sagstype, answers: given.leader, dates };
    const progress = progressMemo.progress(String(sag.id), ctx);
    const caseworker = tilsyn.form === 'selvevaluering_foerst' ? given.caseworker() : {};
    const disagreed = tilsyn.form === 'selvevaluering_foerst' ? disagreements(ctx, caseworker) : [];
    // Saving an answer or a date starts the sag's review.
    let status = sag.status === 'ikke_startet' ? 'i_gang' : sag.status;
    if (status === 'faerdig' && progress.missing.length > 0) {
      answers.setStatus(sag.id, 'i_gang');
      log({ what: 'Sagens status', oldValue: SAG_STATUS_LABELS.faerdig, newValue: SAG_STATUS_LABELS.i_gang });
      status = 'i_gang';
    }
    const fingerprint = reviewFingerprint({ answers: given.leader, caseworkerAnswers: caseworker, dates });
    return { status, progress, disagreements: disagreed, fingerprint };
  }

  /** Logs `entry` against the sag when the tilsyn has been reopened (closing.recordChange decides). */
  const loggerOf = (sag: ReviewSagRow) => (entry: LoggedChange) =>
    closing.recordChange(sag.tilsynId, { sagsnummer: sag.sagsnummer, ...entry });

  /**
   * Saves one answer (value, note, reason or frist override) of the leader or, in selvevaluering først, of the
   * caseworker: checked against its question, logged after a reopening, refused whole if it holds a CPR number.
   * One transaction of a few statements: the sag and its tilsyn, the role's answers, the upsert, the status.
   */
  function answer(input: z.output<typeof answerInputSchema>): ReviewUpdate {
    const { sagId, key, rolle, value, note, reason, override } = input;
    const known = savedAnswers.before(sagId, rolle);
    let answered: Record<string, AnswerRecord> = {};
    const update = transaction(() => {
      const { sag, tilsyn } = answers.reviewable(sagId);
      const question = findQuestion(templates.publishedContent(tilsyn.versionId), key);
      if (!question) throw new ApiError('VALIDATION', UNKNOWN_QUESTION);
      const problem = answerValueProblem(question, value);
      if (problem) throw new ApiError('VALIDATION', problem);
      const refused = overrideProblem(question, override);
      if (refused) throw new ApiError('VALIDATION', refused);
      if (rolle === 'sagsbehandler' && tilsyn.form !== 'selvevaluering_foerst')
        throw new ApiError('VALIDATION', 'Sagsbehandlerens egne svar hører til tilsyn med selvevaluering først.');
      const begun = sag.status !== 'ikke_startet';
      const saved = answers.saveAnswer(sagId, key, rolle, { value, note, reason, override }, false, {
        answers: known,
        begun,
      });
      answered = saved.answers;
      refuseCprInAnswer(saved.after);
      const dates = { ...sag.importedDates, ...sag.enteredDates };
      const text = rolle === 'sagsbehandler' ? `${question.text} (sagsbehandlerens svar)` : question.text;
      // Before any genåbning a change is work in progress, not logged: no lookup of the log per save (issue #18).
      const log = tilsyn.reopened ? loggerOf(sag) : () => undefined;
      answerChanges(text, (a) => answerLabel(question, a, dates), saved.before, saved.after).forEach(log);
      const given = {
        leader: rolle === 'leder' ? saved.answers : answers.answers(sagId, 'leder'),
        caseworker: () => (rolle === 'sagsbehandler' ? saved.answers : answers.answers(sagId, 'sagsbehandler')),
      };
      return { ...settle(sag, tilsyn, given, dates, log), answer: { key, rolle, record: saved.after } };
    });
    savedAnswers.after(sagId, rolle, answered);
    return update;
  }

  /** Saves (or clears, with null) a date of the sag entered in the review; logged after a reopening. */
  function date(sagId: number, key: string, value: string | null): ReviewUpdate {
    return transaction(() => {
      const { sag, tilsyn } = answers.reviewable(sagId);
      const field = templates.publishedContent(tilsyn.versionId).dateFields.find((f) => f.key === key);
      if (!field) throw new ApiError('VALIDATION', 'Datoen findes ikke i tilsynets skabelon.');
      const { before, enteredDates } = answers.saveDate(sagId, key, value);
      const shown = (d: string | null | undefined) => (d ? formatDanishDate(d) : null);
      const log = loggerOf(sag);
      log({ what: `Dato: ${field.label}`, oldValue: shown(before), newValue: shown(value) });
      const dates = { ...sag.importedDates, ...enteredDates };
      const given = {
        leader: answers.answers(sagId, 'leder'),
        caseworker: () => answers.answers(sagId, 'sagsbehandler'),
      };
      return { ...settle(sag, tilsyn, given, dates, log), dates: { dates, enteredDates } };
    });
  }

  return {
    answer,
    date,
    templateOf,
    progressOf,
    review,
    change,
    requireQuestion,
    transaction,
    caseDataDeleted,
    requireCaseData,
  };
}

export type Review = ReturnType<typeof createReview>;
