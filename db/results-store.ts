import type { ActionStatus } from '../shared/domain/findings';
import type { MeasureGoal, TargetStep } from '../shared/domain/goals';
import { DEFAULT_REPORT_SETTINGS, type MeasureAssessment, type ReportSettings } from '../shared/domain/reports';
import type { ResultSag, TilsynResults } from '../shared/domain/results';
import type { AnswerRecord } from '../shared/domain/review';
import type { Outcome } from '../shared/domain/template';
import type { SagStatus } from '../shared/domain/tilsyn';
import type { TilsynDatabase } from './open';

interface RawSag {
  id: number;
  status: SagStatus;
  sagstype: string | null;
  sagsbehandler: string | null;
  team: string | null;
  pdatoer: string | null;
  datoer: string;
}

/** A plan for a krav as the follow-up list reads it, with what is needed to name its krav. */
export interface PlanRow {
  id: number;
  tilsynId: number;
  tilsynTitel: string;
  versionId: number;
  /** The tilsyn's chosen afsnit (JSON), or null. */
  afsnit: string | null;
  questionKey: string;
  text: string;
  ansvarlig: string;
  frist: string | null;
  status: ActionStatus;
}

/** What the results read: the sampled sager with the leader's answers, other rounds, assessments, settings. */
/**
 * Each template with the root of its family: the template it was copied from, and that one's source, up to one
 * that was not copied (a shipped template, or one made or imported from scratch).
 */
const FAMILY = `WITH RECURSIVE familie(id, rod) AS (
  SELECT id, id FROM skabelon WHERE kopi_af IS NULL
  UNION ALL SELECT s.id, familie.rod FROM skabelon s JOIN familie ON s.kopi_af = familie.id)`;

export function createResultsStore(db: TilsynDatabase, now: () => Date = () => new Date()) {
  const { sqlite } = db;
  const sagerOf = sqlite.prepare<[number], RawSag>(
    `SELECT s.id, s.status, p.sagstype, p.sagsbehandler, p.team, p.datoer AS pdatoer, s.datoer
     FROM sag s LEFT JOIN population_sag p ON p.id = s.population_sag_id
     WHERE s.tilsyn_id = ? AND s.rolle = 'udvalgt'`,
  );
  // The leader's answers of a whole tilsyn in one read: results over many rounds stay fast.
  // Rows as lists: no object per row on the way to the records (a round's 3,600 answers each time; issue #18).
  // Raw at each read: the statement cache hands the statement back with raw off to whoever prepares it again.
  const answersOf = sqlite.prepare<[number], [number, string, string | null, string | null]>(
    `SELECT sv.sag_id, sv.spoergsmaal, sv.vaerdi, sv.tilsidesat FROM svar sv JOIN sag s ON s.id = sv.sag_id
       WHERE s.tilsyn_id = ? AND s.rolle = 'udvalgt' AND sv.rolle = 'leder'`,
  );
  // The rounds of the same template family in the same enhed (issue #14: the enhed itself, not its name; a copy of a
  // template continues its history): another team's round is not this team's development.
  const lineage = sqlite.prepare<
    [{ t: number }],
    {
      id: number;
      titel: string;
      periodeFra: string;
      periodeTil: string;
      baseline: number;
      versionId: number;
      afsnit: string | null;
      status: string;
      aendret: string;
    }
  >(
    `${FAMILY}
     SELECT t.id, t.titel, t.periode_fra AS periodeFra, t.periode_til AS periodeTil, t.baseline, t.status, t.aendret,
            t.skabelon_version_id AS versionId, t.afsnit_valg AS afsnit
     FROM tilsyn t JOIN skabelon_version v ON v.id = t.skabelon_version_id JOIN familie f ON f.id = v.skabelon_id
     JOIN tilsyn me ON me.id = @t JOIN skabelon_version mv ON mv.id = me.skabelon_version_id
     JOIN familie mf ON mf.id = mv.skabelon_id
     WHERE f.rod = mf.rod
       AND (t.enhed_id = me.enhed_id
            OR (me.enhed_id IS NULL AND t.enhed_id IS NULL AND lower(trim(t.enhed)) = lower(trim(me.enhed))))`,
  );
  const familyQuery = sqlite.prepare<[number], { rod: number }>(
    `${FAMILY} SELECT f.rod FROM tilsyn t JOIN skabelon_version v ON v.id = t.skabelon_version_id
     JOIN familie f ON f.id = v.skabelon_id WHERE t.id = ?`,
  );
  const linksQuery = sqlite.prepare<[number], { gammel: string; ny: string }>(
    'SELECT gammel, ny FROM krav_kobling WHERE familie_id = ? ORDER BY id',
  );
  const goalsQuery = sqlite.prepare<
    [number, number],
    { noegle: string; trin: string; indikator: string; metode: string }
  >('SELECT noegle, trin, indikator, metode FROM maal_trin WHERE enhed_id = ? AND familie_id = ? ORDER BY id');
  const assessmentsOf = sqlite.prepare<[number], Omit<MeasureAssessment, 'key'> & { spoergsmaal: string }>(
    `SELECT spoergsmaal, vurdering, plan, ansvarlig, frist, plan_status AS planStatus
     FROM maal_vurdering WHERE tilsyn_id = ? ORDER BY id`,
  );
  const plansQuery = sqlite.prepare<[], PlanRow>(
    `SELECT m.id, m.tilsyn_id AS tilsynId, t.titel AS tilsynTitel, t.skabelon_version_id AS versionId,
            t.afsnit_valg AS afsnit, m.spoergsmaal AS questionKey, m.plan AS text, m.ansvarlig, m.frist,
            m.plan_status AS status
     FROM maal_vurdering m JOIN tilsyn t ON t.id = m.tilsyn_id
     WHERE trim(m.plan) <> '' ORDER BY t.periode_fra, m.id`,
  );
  const planStatusOf = sqlite.prepare<[number, string], { status: ActionStatus }>(
    "SELECT plan_status AS status FROM maal_vurdering WHERE tilsyn_id = ? AND spoergsmaal = ? AND trim(plan) <> ''",
  );

  return {
    /** The sampled sager (udgåede included: the results leave them out) with the leader's answers and dates. */
    resultSager(tilsynId: number): ResultSag[] {
      const answers = new Map<number, Record<string, AnswerRecord>>();
      for (const [sagId, key, value, override] of answersOf.raw(true).all(tilsynId)) {
        let forSag = answers.get(sagId);
        if (!forSag) {
          forSag = {};
          answers.set(sagId, forSag);
        }
        forSag[key] = {
          value: value ?? undefined,
          note: '',
          reason: '',
          override: override ? (JSON.parse(override) as { outcome: Outcome; reason: string }) : undefined,
        };
      }
      return sagerOf.all(tilsynId).map((s) => ({
        id: s.id,
        status: s.status,
        sagstype: s.sagstype ?? '',
        sagsbehandler: s.sagsbehandler ?? '',
        team: s.team ?? '',
        answers: answers.get(s.id) ?? {},
        dates: { ...(s.pdatoer ? JSON.parse(s.pdatoer) : {}), ...JSON.parse(s.datoer) },
      }));
    },

    /** The root of the tilsyn's template family: what renamed krav are linked under. */
    familyOf(tilsynId: number): number {
      const row = familyQuery.get(tilsynId);
      if (!row) throw new Error(`tilsyn ${tilsynId} has no template`);
      return row.rod;
    },

    /** The renamed krav of a template family: old key → the key it continues as. */
    keyLinks(familyId: number): Map<string, string> {
      return new Map(linksQuery.all(familyId).map((l) => [l.gammel, l.ny]));
    },

    /** Links an old key to a new one in the family, or (ny null) removes the link. */
    setKeyLink(familyId: number, gammel: string, ny: string | null): void {
      sqlite.prepare('DELETE FROM krav_kobling WHERE familie_id = ? AND gammel = ?').run(familyId, gammel);
      if (ny !== null)
        sqlite
          .prepare('INSERT INTO krav_kobling (familie_id, gammel, ny, oprettet) VALUES (?, ?, ?, ?)')
          .run(familyId, gammel, ny, now().toISOString());
    },

    /** The enhed's goals for the krav of a template family. */
    goals(enhedId: number, familyId: number): MeasureGoal[] {
      return goalsQuery.all(enhedId, familyId).map((g) => ({
        key: g.noegle,
        steps: JSON.parse(g.trin) as TargetStep[],
        indikator: g.indikator,
        metode: g.metode,
      }));
    },

    /** The goals a locked tilsyn was measured by when it was locked; undefined while it is open. */
    frozenGoals(tilsynId: number): MeasureGoal[] | undefined {
      const row = sqlite
        .prepare<[number], { maal: string | null }>('SELECT maal_ved_afslutning AS maal FROM tilsyn WHERE id = ?')
        .get(tilsynId);
      return row?.maal ? (JSON.parse(row.maal) as MeasureGoal[]) : undefined;
    },

    /** Keeps (or, with null, lets go of) the goals a tilsyn is measured by while it is locked. */
    freezeGoals(tilsynId: number, goals: MeasureGoal[] | null): void {
      sqlite
        .prepare('UPDATE tilsyn SET maal_ved_afslutning = ? WHERE id = ?')
        .run(goals ? JSON.stringify(goals) : null, tilsynId);
    },

    /** Saves an enhed's goal for one krav; one with no steps and no texts is removed. */
    saveGoal(enhedId: number, familyId: number, goal: MeasureGoal): void {
      sqlite
        .prepare('DELETE FROM maal_trin WHERE enhed_id = ? AND familie_id = ? AND noegle = ?')
        .run(enhedId, familyId, goal.key);
      if (goal.steps.length === 0 && !goal.indikator && !goal.metode) return;
      const steps = [...goal.steps].sort((a, b) => a.dato.localeCompare(b.dato));
      sqlite
        .prepare(
          'INSERT INTO maal_trin (enhed_id, familie_id, noegle, trin, indikator, metode, aendret) VALUES (?, ?, ?, ?, ?, ?, ?)',
        )
        .run(enhedId, familyId, goal.key, JSON.stringify(steps), goal.indikator, goal.metode, now().toISOString());
    },

    /** Every tilsyn of the same enhed that uses a version of the same template as this one (this one included). */
    lineage(tilsynId: number) {
      // Field by field: spreading better-sqlite3's row objects is slow, and Resultater reads every round each call.
      return lineage.all({ t: tilsynId }).map((r) => ({
        id: r.id,
        titel: r.titel,
        periodeFra: r.periodeFra,
        periodeTil: r.periodeTil,
        baseline: r.baseline === 1,
        versionId: r.versionId,
        afsnit: r.afsnit ? (JSON.parse(r.afsnit) as string[]) : null,
        status: r.status,
        aendret: r.aendret,
      }));
    },

    assessments(tilsynId: number): MeasureAssessment[] {
      return assessmentsOf.all(tilsynId).map(({ spoergsmaal, ...a }) => ({ key: spoergsmaal, ...a }));
    },

    /** Every plan written for a krav (not empty), of every tilsyn, for the follow-up list. */
    plans(): PlanRow[] {
      return plansQuery.all();
    },

    /** Sets a plan's follow-up status; returns the status before, or undefined when the krav has no plan. */
    setPlanStatus(tilsynId: number, key: string, status: ActionStatus): ActionStatus | undefined {
      const before = planStatusOf.get(tilsynId, key)?.status;
      if (before === undefined) return undefined;
      sqlite
        .prepare('UPDATE maal_vurdering SET plan_status = ?, aendret = ? WHERE tilsyn_id = ? AND spoergsmaal = ?')
        .run(status, now().toISOString(), tilsynId, key);
      return before;
    },

    saveAssessment(tilsynId: number, a: Omit<MeasureAssessment, 'planStatus'>): void {
      sqlite
        .prepare(
          `INSERT INTO maal_vurdering (tilsyn_id, spoergsmaal, vurdering, plan, ansvarlig, frist, aendret)
           VALUES (?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT(tilsyn_id, spoergsmaal) DO UPDATE SET vurdering = excluded.vurdering, plan = excluded.plan,
             ansvarlig = excluded.ansvarlig, frist = excluded.frist, aendret = excluded.aendret`,
        )
        .run(tilsynId, a.key, a.vurdering, a.plan, a.ansvarlig, a.frist, now().toISOString());
    },

    summary(tilsynId: number): { sammenfatning: string; baseline: boolean } {
      const row = sqlite.prepare('SELECT sammenfatning, baseline FROM tilsyn WHERE id = ?').get(tilsynId) as
        | { sammenfatning: string; baseline: number }
        | undefined;
      return { sammenfatning: row?.sammenfatning ?? '', baseline: row?.baseline === 1 };
    },
    saveSummary(tilsynId: number, text: string): void {
      sqlite.prepare('UPDATE tilsyn SET sammenfatning = ? WHERE id = ?').run(text, tilsynId);
    },
    setBaseline(tilsynId: number, baseline: boolean): void {
      sqlite
        .prepare('UPDATE tilsyn SET baseline = ?, aendret = ? WHERE id = ?')
        .run(baseline ? 1 : 0, now().toISOString(), tilsynId);
    },

    /** A locked round's stored results, if they were computed for this very state (`stamp`). */
    cachedRound(tilsynId: number, stamp: string): TilsynResults | undefined {
      const row = sqlite.prepare('SELECT stempel, resultater FROM resultat_cache WHERE tilsyn_id = ?').get(tilsynId) as
        | { stempel: string; resultater: string }
        | undefined;
      return row?.stempel === stamp ? (JSON.parse(row.resultater) as TilsynResults) : undefined;
    },
    saveRound(tilsynId: number, stamp: string, results: TilsynResults): void {
      sqlite
        .prepare(
          `INSERT INTO resultat_cache (tilsyn_id, stempel, resultater) VALUES (?, ?, ?)
           ON CONFLICT(tilsyn_id) DO UPDATE SET stempel = excluded.stempel, resultater = excluded.resultater`,
        )
        .run(tilsynId, stamp, JSON.stringify(results));
    },

    settings(): ReportSettings {
      const rows = sqlite.prepare('SELECT noegle, vaerdi FROM indstilling').all() as {
        noegle: string;
        vaerdi: string;
      }[];
      const stored = Object.fromEntries(rows.map((r) => [r.noegle, JSON.parse(r.vaerdi)]));
      return { ...DEFAULT_REPORT_SETTINGS, ...stored };
    },
    saveSettings(settings: ReportSettings): void {
      const upsert = sqlite.prepare(
        'INSERT INTO indstilling (noegle, vaerdi) VALUES (?, ?) ON CONFLICT(noegle) DO UPDATE SET vaerdi = excluded.vaerdi',
      );
      sqlite.transaction(() => {
        for (const [key, value] of Object.entries(settings)) upsert.run(key, JSON.stringify(value));
      })();
    },
  };
}

export type ResultsStore = ReturnType<typeof createResultsStore>;
