import { ApiError, sagNotInSample, tilsynLocked } from '../shared/api/errors';
import type { ExclusionReason, SampledSag, SampleRecord } from '../shared/domain/sample';
import { drawSample, type ReviewHistory, type SampleSpec, type SamplingUnit } from '../shared/domain/sampling';
import { isLocked, type SagStatus, type TilsynStatus } from '../shared/domain/tilsyn';
import type { TilsynDatabase } from './open';
import type { PopulationStore } from './population-store';

interface RecordRow {
  metode: SampleSpec['method'];
  spec: string;
  seed: number;
  population_hash: string;
  population_antal: number;
  udvalgt_efter_filtre: number;
  strata: string;
  advarsler: string;
  trukket_af: string;
  trukket: string;
}

interface SagRow {
  id: number;
  sagsnummer: string;
  status: SagStatus;
  stratum: string;
  rolle: 'udvalgt' | 'reserve';
  orden: number;
  udgaaet_aarsag: ExclusionReason | null;
  udgaaet_note: string | null;
  udgaaet_tid: string | null;
  erstatter_sag_id: number | null;
  sagstype: string | null;
  sagsbehandler: string | null;
  team: string | null;
  datoer: string | null;
}

export function createSampleStore(db: TilsynDatabase, population: PopulationStore, now: () => Date = () => new Date()) {
  const { sqlite } = db;
  const recordOf = sqlite.prepare<[number], RecordRow>('SELECT * FROM stikproeve WHERE tilsyn_id = ?');
  const sagerOf = sqlite.prepare<[number], SagRow>(
    `SELECT s.id, s.sagsnummer, s.status, s.stratum, s.rolle, s.orden, s.udgaaet_aarsag, s.udgaaet_note, s.udgaaet_tid,
            s.erstatter_sag_id, p.sagstype, p.sagsbehandler, p.team, p.datoer
     FROM sag s LEFT JOIN population_sag p ON p.id = s.population_sag_id
     WHERE s.tilsyn_id = ? ORDER BY s.rolle DESC, s.stratum, s.orden`,
  );

  const store = {
    get(tilsynId: number): SampleRecord | null {
      const r = recordOf.get(tilsynId);
      if (!r) return null;
      const rows = sagerOf.all(tilsynId);
      const numberOf = new Map(rows.map((s) => [s.id, s.sagsnummer]));
      return {
        tilsynId,
        method: r.metode,
        spec: JSON.parse(r.spec),
        seed: r.seed,
        populationHash: r.population_hash,
        populationCount: r.population_antal,
        afterFilters: r.udvalgt_efter_filtre,
        strata: JSON.parse(r.strata),
        warnings: JSON.parse(r.advarsler),
        drawnBy: r.trukket_af,
        drawnAt: r.trukket,
        sager: rows.map(
          (s): SampledSag => ({
            id: s.id,
            sagsnummer: s.sagsnummer,
            sagstype: s.sagstype ?? '',
            sagsbehandler: s.sagsbehandler ?? '',
            team: s.team ?? '',
            dates: s.datoer ? JSON.parse(s.datoer) : {},
            stratum: s.stratum,
            role: s.rolle,
            order: s.orden,
            status: s.status,
            exclusion: s.udgaaet_aarsag
              ? { reason: s.udgaaet_aarsag, note: s.udgaaet_note ?? '', at: s.udgaaet_tid ?? '' }
              : undefined,
            replaces: s.erstatter_sag_id ? numberOf.get(s.erstatter_sag_id) : undefined,
          }),
        ),
      };
    },

    /**
     * What earlier tilsyn reviewed in the 12 months before `today`: the coverage-aware draw avoids those
     * sager and prefers caseworkers and case types they did not reach.
     */
    history(tilsynId: number, today: string): ReviewHistory {
      const since = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
      // A sag reviewed by any enhed is not drawn again; the caseworkers and case types reached are the same enhed's
      // (issue #14: another team's round does not cover this team's caseworkers).
      const rows = sqlite
        .prepare(
          `SELECT s.sagsnummer, p.sagsbehandler, p.sagstype,
                  (me.enhed_id IS NULL OR t.enhed_id IS me.enhed_id) AS ownUnit
           FROM sag s JOIN tilsyn t ON t.id = s.tilsyn_id JOIN tilsyn me ON me.id = @id
           LEFT JOIN population_sag p ON p.id = s.population_sag_id
           WHERE s.tilsyn_id <> @id AND s.rolle = 'udvalgt' AND s.status <> 'udgaaet' AND t.periode_til >= @since`,
        )
        .all({ id: tilsynId, since }) as {
        sagsnummer: string;
        sagsbehandler: string | null;
        sagstype: string | null;
        ownUnit: number;
      }[];
      const own = rows.filter((r) => r.ownUnit === 1);
      return {
        sagsnumre: new Set(rows.map((r) => r.sagsnummer)),
        sagsbehandlere: new Set(own.map((r) => r.sagsbehandler ?? '').filter(Boolean)),
        sagstyper: new Set(own.map((r) => r.sagstype ?? '').filter(Boolean)),
      };
    },

    /** Draws (or draws again, while no sag has been reviewed) and stores the sample with its record. */
    /** `units`: the population as sampling units, when the caller already has them. */
    draw(tilsynId: number, spec: SampleSpec, drawnBy: string, units?: SamplingUnit[]): SampleRecord {
      sqlite.transaction(() => {
        const started = sqlite
          .prepare("SELECT count(*) AS n FROM sag WHERE tilsyn_id = ? AND status NOT IN ('ikke_startet', 'udgaaet')")
          .get(tilsynId) as { n: number };
        if (started.n > 0) {
          throw new ApiError('CONFLICT', 'Gennemgangen er i gang, så stikprøven kan ikke trækkes igen.');
        }
        const summary = population.header(tilsynId);
        if (!summary || summary.rowCount === 0)
          throw new ApiError('CONFLICT', 'Importér sagslisten, før stikprøven trækkes.');
        const populationUnits = units ?? population.units(tilsynId);
        const history =
          spec.avoidRecentlyReviewed || spec.preferUnreviewed
            ? store.history(tilsynId, now().toISOString().slice(0, 10))
            : undefined;
        const result = drawSample(populationUnits, spec, history);
        if (!result.picks.some((p) => p.role === 'udvalgt')) {
          throw new ApiError('VALIDATION', result.warnings[0] ?? 'Ingen sager blev udvalgt. Ret filtrene.');
        }
        sqlite.prepare('DELETE FROM sag WHERE tilsyn_id = ?').run(tilsynId);
        sqlite.prepare('DELETE FROM stikproeve WHERE tilsyn_id = ?').run(tilsynId);
        sqlite
          .prepare(
            `INSERT INTO stikproeve (tilsyn_id, metode, spec, seed, population_hash, population_antal, udvalgt_efter_filtre,
               strata, advarsler, trukket_af, trukket) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            tilsynId,
            spec.method,
            JSON.stringify(spec),
            spec.seed,
            summary.contentHash,
            summary.rowCount,
            result.populationAfterFilters,
            JSON.stringify(result.strata),
            JSON.stringify(result.warnings),
            drawnBy,
            now().toISOString(),
          );
        const byId = new Map(populationUnits.map((u) => [u.id, u]));
        const insert = sqlite.prepare(
          'INSERT INTO sag (tilsyn_id, sagsnummer, population_sag_id, stratum, rolle, orden) VALUES (?, ?, ?, ?, ?, ?)',
        );
        for (const pick of result.picks) {
          insert.run(
            tilsynId,
            byId.get(pick.unitId)?.sagsnummer ?? '',
            pick.unitId,
            pick.stratum,
            pick.role,
            pick.order,
          );
        }
        sqlite
          .prepare("UPDATE tilsyn SET status = 'i_gang', aendret = ? WHERE id = ? AND status = 'planlaegning'")
          .run(now().toISOString(), tilsynId);
      })();
      return store.get(tilsynId) as SampleRecord;
    },

    /** Takes a sag out of the sample with a reason; the next spare from its stratum takes its place. */
    exclude(sagId: number, reason: ExclusionReason, note: string): { record: SampleRecord; replacement?: string } {
      let replacement: string | undefined;
      const tilsynId = sqlite.transaction(() => {
        const sag = sqlite.prepare('SELECT * FROM sag WHERE id = ?').get(sagId) as
          | { tilsyn_id: number; rolle: string; status: string; stratum: string; sagsnummer: string }
          | undefined;
        if (!sag) throw sagNotInSample();
        const owner = sqlite.prepare('SELECT status FROM tilsyn WHERE id = ?').get(sag.tilsyn_id) as {
          status: TilsynStatus;
        };
        if (isLocked(owner)) throw tilsynLocked('lade en sag udgå');
        if (sag.rolle !== 'udvalgt' || sag.status === 'udgaaet') {
          throw new ApiError('CONFLICT', `Sag ${sag.sagsnummer} er ikke udvalgt og kan derfor ikke udgå.`);
        }
        sqlite
          .prepare(
            "UPDATE sag SET status = 'udgaaet', udgaaet_aarsag = ?, udgaaet_note = ?, udgaaet_tid = ? WHERE id = ?",
          )
          .run(reason, note, now().toISOString(), sagId);
        const spare = sqlite
          .prepare(
            "SELECT id, sagsnummer FROM sag WHERE tilsyn_id = ? AND stratum = ? AND rolle = 'reserve' AND status = 'ikke_startet' ORDER BY orden LIMIT 1",
          )
          .get(sag.tilsyn_id, sag.stratum) as { id: number; sagsnummer: string } | undefined;
        if (spare) {
          const next = sqlite
            .prepare(
              "SELECT coalesce(max(orden), 0) + 1 AS n FROM sag WHERE tilsyn_id = ? AND stratum = ? AND rolle = 'udvalgt'",
            )
            .get(sag.tilsyn_id, sag.stratum) as { n: number };
          sqlite
            .prepare("UPDATE sag SET rolle = 'udvalgt', orden = ?, erstatter_sag_id = ? WHERE id = ?")
            .run(next.n, sagId, spare.id);
          replacement = spare.sagsnummer;
        }
        return sag.tilsyn_id;
      })();
      return { record: store.get(tilsynId) as SampleRecord, replacement };
    },
  };
  return store;
}
