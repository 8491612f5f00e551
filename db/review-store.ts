import { ApiError, sagNotInSample, tilsynLocked } from '../shared/api/errors';
import type { AnswerRecord, AnswerRole, ReviewSagSummary } from '../shared/domain/review';
import type { Outcome } from '../shared/domain/template';
import { isLocked, type ReviewForm, type SagStatus, type TilsynStatus } from '../shared/domain/tilsyn';
import type { TilsynDatabase } from './open';

/** A sampled sag as stored: the facts the review shows, plus its tilsyn and both sets of dates. */
export interface ReviewSagRow extends Omit<ReviewSagSummary, 'progress'> {
  tilsynId: number;
  importedDates: Record<string, string>;
  enteredDates: Record<string, string>;
}

interface RawSag {
  id: number;
  tilsyn_id: number;
  sagsnummer: string;
  sagstype: string | null;
  sagsbehandler: string | null;
  team: string | null;
  stratum: string;
  status: SagStatus;
  rolle: 'udvalgt' | 'reserve';
  pdatoer: string | null;
  datoer: string;
}

interface RawTilsyn {
  status: TilsynStatus;
  form: ReviewForm;
  versionId: number;
  afsnit: string | null;
}

/** What saving in a sag's review needs of its tilsyn. */
export interface ReviewTilsyn {
  status: TilsynStatus;
  form: ReviewForm;
  versionId: number;
  /** A tematiseret tilsyn's afsnit; null: every afsnit. */
  afsnit: string[] | null;
  /** Whether it has been reopened after it was locked: only then is a change logged (closing-store). */
  reopened: boolean;
}

/** Answers and review dates, each written the moment it is given (one small transaction per change). */
export function createReviewStore(db: TilsynDatabase, now: () => Date = () => new Date()) {
  const { sqlite } = db;
  const selectSag = `SELECT s.id, s.tilsyn_id, s.sagsnummer, p.sagstype, p.sagsbehandler, p.team, s.stratum, s.status, s.rolle,
      p.datoer AS pdatoer, s.datoer FROM sag s LEFT JOIN population_sag p ON p.id = s.population_sag_id`;
  const oneSag = sqlite.prepare<[number], RawSag>(`${selectSag} WHERE s.id = ?`);
  const sagerOf = sqlite.prepare<[number], RawSag>(
    `${selectSag} WHERE s.tilsyn_id = ? AND s.rolle = 'udvalgt' ORDER BY s.stratum, s.orden`,
  );
  // Rows as lists: no object per row on the way to the records (a save reads them; issue #18). Raw at each read:
  // the statement cache hands the statement back with raw off to whoever prepares it again.
  const answerRowsOf = sqlite.prepare<[number, AnswerRole], [string, string | null, string, string, string | null]>(
    'SELECT spoergsmaal, vaerdi, note, begrundelse, tilsidesat FROM svar WHERE sag_id = ? AND rolle = ?',
  );
  const upsert = sqlite.prepare(
    `INSERT INTO svar (sag_id, spoergsmaal, rolle, vaerdi, note, begrundelse, tilsidesat, aendret)
     VALUES (@sagId, @key, @role, @value, @note, @reason, @override, @at)
     ON CONFLICT(sag_id, spoergsmaal, rolle) DO UPDATE SET vaerdi = excluded.vaerdi, note = excluded.note,
       begrundelse = excluded.begrundelse, tilsidesat = excluded.tilsidesat, aendret = excluded.aendret`,
  );

  const toRow = (r: RawSag): ReviewSagRow => ({
    id: r.id,
    tilsynId: r.tilsyn_id,
    sagsnummer: r.sagsnummer,
    sagstype: r.sagstype ?? '',
    sagsbehandler: r.sagsbehandler ?? '',
    team: r.team ?? '',
    stratum: r.stratum,
    status: r.status,
    importedDates: r.pdatoer ? JSON.parse(r.pdatoer) : {},
    enteredDates: JSON.parse(r.datoer),
  });

  // The sag and what a save needs of its tilsyn in one statement: a save is a few statements, each counts (#18).
  const reviewableSag = sqlite.prepare<
    [number],
    RawSag & { owner: TilsynStatus | null; reopened: number } & Omit<RawTilsyn, 'status'>
  >(
    `SELECT s.id, s.tilsyn_id, s.sagsnummer, p.sagstype, p.sagsbehandler, p.team, s.stratum, s.status, s.rolle,
      p.datoer AS pdatoer, s.datoer, t.status AS owner, t.form, t.skabelon_version_id AS versionId,
      t.afsnit_valg AS afsnit,
      EXISTS (SELECT 1 FROM tilsyn_log l WHERE l.tilsyn_id = s.tilsyn_id AND l.art = 'genaabnet') AS reopened
     FROM sag s LEFT JOIN population_sag p ON p.id = s.population_sag_id LEFT JOIN tilsyn t ON t.id = s.tilsyn_id
     WHERE s.id = ?`,
  );
  const markBegun = sqlite.prepare("UPDATE sag SET status = 'i_gang' WHERE id = ? AND status = 'ikke_startet'");
  const writeDates = sqlite.prepare(
    "UPDATE sag SET datoer = ?, status = CASE status WHEN 'ikke_startet' THEN 'i_gang' ELSE status END WHERE id = ?",
  );

  /** A sag whose review may change (in the sample, its tilsyn not locked), with what a save needs of its tilsyn. */
  function reviewable(sagId: number): { sag: ReviewSagRow; tilsyn: ReviewTilsyn } {
    const raw = reviewableSag.get(sagId);
    if (!raw) throw sagNotInSample();
    if (raw.status === 'udgaaet')
      throw new ApiError('CONFLICT', `Sag ${raw.sagsnummer} er udgået af stikprøven og gennemgås ikke.`);
    if (raw.rolle !== 'udvalgt')
      throw new ApiError(
        'CONFLICT',
        `Sag ${raw.sagsnummer} er en reserve og gennemgås kun, hvis den kommer ind i stikprøven.`,
      );
    const { owner, form, versionId, afsnit, reopened } = raw;
    if (owner === null) throw sagNotInSample();
    if (isLocked({ status: owner })) throw tilsynLocked('ændre gennemgangen');
    const tilsyn = {
      status: owner,
      form,
      versionId,
      afsnit: afsnit ? (JSON.parse(afsnit) as string[]) : null,
      reopened: reopened === 1,
    };
    return { sag: toRow(raw), tilsyn };
  }

  const requireReviewable = (sagId: number): ReviewSagRow => reviewable(sagId).sag;

  const store = {
    requireReviewable,
    reviewable,

    sag(sagId: number): ReviewSagRow {
      const raw = oneSag.get(sagId);
      if (!raw) throw sagNotInSample();
      return toRow(raw);
    },

    sager(tilsynId: number): ReviewSagRow[] {
      return sagerOf.all(tilsynId).map(toRow);
    },

    answers(sagId: number, role: AnswerRole = 'leder'): Record<string, AnswerRecord> {
      const out: Record<string, AnswerRecord> = {};
      for (const [key, value, note, reason, override] of answerRowsOf.raw(true).all(sagId, role)) {
        out[key] = {
          value: value ?? undefined,
          note,
          reason,
          override: override ? (JSON.parse(override) as { outcome: Outcome; reason: string }) : undefined,
        };
      }
      return out;
    },

    /**
     * Merges the change into the stored answer and marks the sag as started; returns the answer before and after.
     * `undefined` leaves a part as it is; `null` clears the value or the override.
     */
    saveAnswer(
      sagId: number,
      key: string,
      role: AnswerRole,
      change: { value?: string | null; note?: string; reason?: string; override?: AnswerRecord['override'] | null },
      /** False when the caller has just checked the sag with `reviewable`, in the same transaction. */
      check = true,
      /** With check false: what the caller knows of the sag (its answers as saved last, whether its review began). */
      known: { answers?: Record<string, AnswerRecord>; begun?: boolean } = {},
    ): { before: AnswerRecord | undefined; after: AnswerRecord; answers: Record<string, AnswerRecord> } {
      if (check) {
        return sqlite.transaction(() => {
          requireReviewable(sagId);
          return store.saveAnswer(sagId, key, role, change, false);
        })();
      }
      // Unchecked, the caller's transaction holds it: no savepoint of its own (two statements less per save).
      const given = known.answers ?? store.answers(sagId, role);
      const before = given[key];
      const current = before ?? { note: '', reason: '' };
      const next = {
        value: change.value === undefined ? (current.value ?? null) : (change.value ?? null),
        note: change.note ?? current.note,
        reason: change.reason ?? current.reason,
        override: change.override === undefined ? current.override : (change.override ?? undefined),
      };
      upsert.run({
        sagId,
        key,
        role,
        value: next.value,
        note: next.note,
        reason: next.reason,
        override: next.override ? JSON.stringify(next.override) : null,
        at: now().toISOString(),
      });
      // A second reviewer's answer (issue #16) is no start of the sag's own review.
      if (role !== 'anden' && !known.begun) markBegun.run(sagId);
      const after = { ...next, value: next.value ?? undefined };
      given[key] = after;
      return { before, after, answers: given };
    },

    /** Returns the date entered before (undefined when none was) and the entered dates after. */
    saveDate(
      sagId: number,
      key: string,
      date: string | null,
    ): { before: string | undefined; enteredDates: Record<string, string> } {
      return sqlite.transaction(() => {
        const sag = requireReviewable(sagId);
        const { [key]: _, ...rest } = sag.enteredDates;
        const next = date ? { ...rest, [key]: date } : rest;
        writeDates.run(JSON.stringify(next), sagId);
        return { before: sag.enteredDates[key], enteredDates: next };
      })();
    },

    setStatus(sagId: number, status: 'i_gang' | 'faerdig'): void {
      requireReviewable(sagId);
      sqlite.prepare('UPDATE sag SET status = ? WHERE id = ?').run(status, sagId);
    },
  };
  return store;
}
