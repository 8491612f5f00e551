import { localDateOf } from '../shared/domain/dates';
import type { TilsynResults } from '../shared/domain/results';
import type { CaseDataStatus, DeleteCaseDataResult, RetentionRow } from '../shared/domain/retention';
import type { StratumSummary } from '../shared/domain/sampling';
import { createScrubber } from '../shared/domain/scrub';
import type { TilsynDatabase } from './open';

/** The text an 'aendring' log entry keeps once its sag's details are gone. */
export const DELETED_CHANGE_TEXT = 'Ændring i en sag (detaljerne er slettet med sagsniveau-data)';
/** The log entry of a deletion. */
export const DELETED_LOG_TEXT = 'Sagsniveau-data slettet';

/**
 * Deleting an afsluttet tilsyn's case-level data, and the results snapshot that replaces it (issue #7).
 *
 * What goes: answers, findings, handlinger, the dialogue records, every sagsnummer and the sager's dates and notes,
 * the imported case list (names, sagsnumre, dates), refleksionsspørgsmål for a named caseworker, and the case
 * details in the change log. What stays: the tilsyn (scrubbed of the known sagsnumre and names), a skeleton row per
 * sampled sag (role, status, exclusion reason: what the report's method section counts), the sample record's counts
 * (strata named "Gruppe 1" … when drawn per sagsbehandler), ledelsens vurderinger, the summary, the baseline flag,
 * the log's entries (who and when), and the results without break-downs per sagsbehandler, team or sagstype.
 */
export function createRetentionStore(db: TilsynDatabase, now: () => Date = () => new Date()) {
  const { sqlite } = db;
  const snapshotOf = sqlite.prepare<[number], { resultater: string; gemt: string; slettet_af: string }>(
    'SELECT resultater, gemt, slettet_af FROM resultat_snapshot WHERE tilsyn_id = ?',
  );
  const countsOf = sqlite.prepare<
    [{ t: number }],
    { sager: number; svar: number; fund: number; handlinger: number; aabneHandlinger: number; population: number }
  >(
    `SELECT
       (SELECT count(*) FROM sag WHERE tilsyn_id = @t) AS sager,
       (SELECT count(*) FROM svar WHERE sag_id IN (SELECT id FROM sag WHERE tilsyn_id = @t)) AS svar,
       (SELECT count(*) FROM fund WHERE sag_id IN (SELECT id FROM sag WHERE tilsyn_id = @t)) AS fund,
       (SELECT count(*) FROM handling WHERE sag_id IN (SELECT id FROM sag WHERE tilsyn_id = @t)) AS handlinger,
       (SELECT count(*) FROM handling WHERE sag_id IN (SELECT id FROM sag WHERE tilsyn_id = @t)
          AND status IN ('aaben', 'i_gang')) AS aabneHandlinger,
       (SELECT count(*) FROM population_sag WHERE population_id IN (SELECT id FROM population WHERE tilsyn_id = @t))
          AS population`,
  );
  const rows = sqlite.prepare<[], Omit<RetentionRow, 'hasCaseData'> & { deleted: number }>(
    `SELECT t.id AS tilsynId, t.titel, t.status, t.periode_fra AS periodeFra, t.periode_til AS periodeTil,
            t.afsluttet_dato AS afsluttetDato, EXISTS (SELECT 1 FROM resultat_snapshot r WHERE r.tilsyn_id = t.id) AS deleted
     FROM tilsyn t`,
  );

  function known(tilsynId: number) {
    const sagsnumre = sqlite
      .prepare(
        `SELECT sagsnummer AS v FROM population_sag WHERE population_id IN (SELECT id FROM population WHERE tilsyn_id = @t)
         UNION SELECT sagsnummer FROM sag WHERE tilsyn_id = @t
         UNION SELECT sagsnummer FROM tilsyn_log WHERE tilsyn_id = @t AND sagsnummer IS NOT NULL`,
      )
      .all({ t: tilsynId }) as { v: string }[];
    const names = sqlite
      .prepare(
        `SELECT sagsbehandler AS v FROM population_sag
           WHERE population_id IN (SELECT id FROM population WHERE tilsyn_id = @t) AND sagsbehandler <> ''
         UNION SELECT sagsbehandler FROM refleksion WHERE tilsyn_id = @t AND coalesce(sagsbehandler, '') <> ''`,
      )
      .all({ t: tilsynId }) as { v: string }[];
    return { sagsnumre: sagsnumre.map((r) => r.v), sagsbehandlere: names.map((r) => r.v) };
  }

  const store = {
    /** The tilsyn whose sager are not here (deleted, or read in from a pakke): kept as results alone. */
    withoutSager(): Set<number> {
      const rows = sqlite.prepare('SELECT tilsyn_id AS id FROM resultat_snapshot').all() as { id: number }[];
      return new Set(rows.map((r) => r.id));
    },

    /** The stored results of a tilsyn whose case-level data was deleted, or null. */
    snapshot(tilsynId: number): TilsynResults | null {
      const row = snapshotOf.get(tilsynId);
      return row ? (JSON.parse(row.resultater) as TilsynResults) : null;
    },

    status(tilsynId: number): CaseDataStatus {
      const row = snapshotOf.get(tilsynId);
      const none = { sager: 0, svar: 0, fund: 0, handlinger: 0, aabneHandlinger: 0, population: 0 };
      // Once deleted, the skeleton rows are no case data: nothing is left to delete.
      const counts = row ? none : (countsOf.get({ t: tilsynId }) ?? none);
      return { tilsynId, deleted: row ? { at: row.gemt, by: row.slettet_af } : null, counts };
    },

    rows(): RetentionRow[] {
      return rows.all().map(({ deleted, ...r }) => ({ ...r, hasCaseData: deleted === 0 }));
    },

    /**
     * Deletes the tilsyn's case-level data and stores `results` (already without break-downs) in its place, in one
     * transaction. The caller checks that the tilsyn is afsluttet and the confirmation is right.
     */
    deleteCaseData(tilsynId: number, results: TilsynResults, by: string): DeleteCaseDataResult {
      const before = store.status(tilsynId);
      const stamp = now().toISOString();
      const removed = sqlite.transaction(() => {
        const scrub = createScrubber(known(tilsynId));
        const sagIds = 'SELECT id FROM sag WHERE tilsyn_id = ?';
        const span = sqlite
          .prepare(
            `SELECT min(sv.aendret) AS fra, max(sv.aendret) AS til FROM svar sv JOIN sag s ON s.id = sv.sag_id
             WHERE s.tilsyn_id = ? AND s.rolle = 'udvalgt' AND sv.rolle = 'leder'`,
          )
          .get(tilsynId) as { fra: string | null; til: string | null };
        sqlite
          .prepare(
            `INSERT INTO resultat_snapshot (tilsyn_id, resultater, gemt, slettet_af, gennemgaaet_fra, gennemgaaet_til)
             VALUES (?, ?, ?, ?, ?, ?)`,
          )
          .run(tilsynId, JSON.stringify(results), stamp, by, localDate(span.fra), localDate(span.til));

        const answers = sqlite.prepare(`DELETE FROM svar WHERE sag_id IN (${sagIds})`).run(tilsynId).changes;
        const findings = sqlite.prepare(`DELETE FROM fund WHERE sag_id IN (${sagIds})`).run(tilsynId).changes;
        const actions = sqlite.prepare(`DELETE FROM handling WHERE sag_id IN (${sagIds})`).run(tilsynId).changes;
        // Kvalitetssikring's case-level texts (issue #16): comments on questions, the moderations' reasons, and which
        // sager were reviewed twice. The second reviewer's answers went with the answers above.
        for (const table of ['kommentar', 'moderering', 'anden_gennemgang_sag'])
          sqlite.prepare(`DELETE FROM ${table} WHERE sag_id IN (${sagIds})`).run(tilsynId);

        // The sample record: strata drawn per sagsbehandler are named by number; other names and warnings scrubbed.
        const record = sqlite
          .prepare('SELECT spec, strata, advarsler FROM stikproeve WHERE tilsyn_id = ?')
          .get(tilsynId) as { spec: string; strata: string; advarsler: string } | undefined;
        const stratumName = new Map<string, string>();
        if (record) {
          const perCaseworker = (JSON.parse(record.spec) as { strataBy?: string }).strataBy === 'sagsbehandler';
          const strata = (JSON.parse(record.strata) as StratumSummary[]).map((s, i) => {
            const name = perCaseworker ? `Gruppe ${i + 1}` : scrub(s.name);
            stratumName.set(s.name, name);
            return { ...s, name };
          });
          const warnings = (JSON.parse(record.advarsler) as string[]).map((w) => {
            let out = w;
            for (const [from, to] of stratumName) if (from !== to) out = out.split(`»${from}«`).join(`»${to}«`);
            return scrub(out);
          });
          sqlite
            .prepare('UPDATE stikproeve SET strata = ?, advarsler = ? WHERE tilsyn_id = ?')
            .run(JSON.stringify(strata), JSON.stringify(warnings), tilsynId);
        }

        // A skeleton per sampled sag: role, status, order and exclusion reason stay; every case detail goes.
        const sager = sqlite
          .prepare('SELECT id, stratum FROM sag WHERE tilsyn_id = ? ORDER BY rolle DESC, stratum, orden, id')
          .all(tilsynId) as { id: number; stratum: string }[];
        sqlite.prepare("UPDATE sag SET sagsnummer = '#' || id WHERE tilsyn_id = ?").run(tilsynId);
        const skeleton = sqlite.prepare(
          `UPDATE sag SET sagsnummer = ?, population_sag_id = NULL, stratum = ?, datoer = '{}', dialog = '{}',
             udgaaet_note = NULL WHERE id = ?`,
        );
        sager.forEach((s, i) => {
          skeleton.run(`Slettet sag ${i + 1}`, stratumName.get(s.stratum) ?? scrub(s.stratum), s.id);
        });

        const population = sqlite
          .prepare(
            'SELECT count(*) AS n FROM population_sag WHERE population_id IN (SELECT id FROM population WHERE tilsyn_id = ?)',
          )
          .get(tilsynId) as { n: number };
        sqlite.prepare('DELETE FROM population WHERE tilsyn_id = ?').run(tilsynId);

        const reflections = sqlite
          .prepare('DELETE FROM refleksion WHERE tilsyn_id = ? AND sagsbehandler IS NOT NULL')
          .run(tilsynId).changes;
        scrubColumns('refleksion', 'id', ['tekst'], tilsynId, scrub);

        // The log keeps who and when; the case details (sagsnummer, old and new values, the handling's text) go.
        sqlite
          .prepare(
            "UPDATE tilsyn_log SET sagsnummer = NULL, gammel = NULL, ny = NULL, hvad = ? WHERE tilsyn_id = ? AND art = 'aendring'",
          )
          .run(DELETED_CHANGE_TEXT, tilsynId);
        // A moderation of one sag's question (issue #16) is a case detail too: its reason goes with the sag.
        sqlite
          .prepare("UPDATE tilsyn_log SET hvad = ? WHERE tilsyn_id = ? AND art = 'kvalitet' AND sagsnummer IS NOT NULL")
          .run(DELETED_CHANGE_TEXT, tilsynId);
        sqlite
          .prepare('UPDATE tilsyn_log SET sagsnummer = NULL, gammel = NULL, ny = NULL WHERE tilsyn_id = ?')
          .run(tilsynId);
        scrubColumns('tilsyn_log', 'id', ['hvad', 'hvorfor'], tilsynId, scrub);
        scrubColumns('maal_vurdering', 'id', ['vurdering', 'plan', 'ansvarlig'], tilsynId, scrub);
        const t = sqlite
          .prepare('SELECT titel, enhed, formaal, fokus, sammenfatning FROM tilsyn WHERE id = ?')
          .get(tilsynId) as Record<'titel' | 'enhed' | 'formaal' | 'fokus' | 'sammenfatning', string>;
        sqlite
          .prepare(
            'UPDATE tilsyn SET titel = ?, enhed = ?, formaal = ?, fokus = ?, sammenfatning = ?, aendret = ? WHERE id = ?',
          )
          .run(
            scrub(t.titel),
            scrub(t.enhed),
            scrub(t.formaal),
            scrub(t.fokus),
            scrub(t.sammenfatning),
            stamp,
            tilsynId,
          );

        const removed = {
          sager: before.counts.sager,
          svar: answers,
          fund: findings,
          handlinger: actions,
          population: population.n,
          refleksioner: reflections,
        };
        sqlite
          .prepare(
            `INSERT INTO tilsyn_log (tilsyn_id, art, tidspunkt, hvem, sagsnummer, hvad, gammel, ny, hvorfor)
             VALUES (?, 'slettet', ?, ?, NULL, ?, NULL, ?, ?)`,
          )
          .run(
            tilsynId,
            stamp,
            by,
            DELETED_LOG_TEXT,
            describeRemoved(removed),
            'Resultaterne, udviklingen og ledelsens vurderinger er bevaret.',
          );
        return removed;
      })();
      return { ...store.status(tilsynId), removed };
    },
  };

  /** Runs `scrub` over text columns of the tilsyn's rows in `table`, writing back only what changed. */
  function scrubColumns(
    table: 'refleksion' | 'tilsyn_log' | 'maal_vurdering',
    key: 'id',
    columns: readonly string[],
    tilsynId: number,
    scrub: (text: string) => string,
  ): void {
    const list = columns.join(', ');
    const found = sqlite.prepare(`SELECT ${key}, ${list} FROM ${table} WHERE tilsyn_id = ?`).all(tilsynId) as Record<
      string,
      string | number | null
    >[];
    const update = sqlite.prepare(`UPDATE ${table} SET ${columns.map((c) => `${c} = ?`).join(', ')} WHERE ${key} = ?`);
    for (const row of found) {
      const next = columns.map((c) => (typeof row[c] === 'string' ? scrub(row[c] as string) : row[c]));
      if (next.some((v, i) => v !== row[columns[i] as string])) update.run(...next, row[key]);
    }
  }

  return store;
}

export type RetentionStore = ReturnType<typeof createRetentionStore>;

function describeRemoved(r: DeleteCaseDataResult['removed']): string {
  return [
    `${r.sager} sager`,
    `${r.svar} svar`,
    `${r.fund} fund`,
    `${r.handlinger} handlinger`,
    `${r.population} rækker i sagslisten`,
    `${r.refleksioner} refleksionsspørgsmål til navngivne sagsbehandlere`,
  ].join(', ');
}

/** A stored ISO timestamp as the local calendar date (null stays null). */
function localDate(timestamp: string | null): string | null {
  return timestamp ? localDateOf(timestamp) : null;
}
