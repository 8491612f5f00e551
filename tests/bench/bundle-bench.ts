// Figures of the pakker for `npm run bench` (issue #15): making a leader's pakke of a round (results, and fuld), reading
// 40 enheder's pakker (five years of monthly rounds each) into a department file, then its view of them side by side.
import { randomUUID } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { writeBundle } from '../../electron/backend/services/bundle-file';
import { MANIFEST_NAME } from '../../shared/domain/bundle';
import type { BundleRound } from '../../shared/domain/bundle-results';
import { type BundleCoverage, COVERAGE_MEMBER } from '../../shared/domain/coverage-figures';
import { openTestApi } from '../support/api';
import { FINISH_AS_OTHER, jobCentreRound, lockTilsyn, round } from '../support/scenario';

export interface BundleFigures {
  exportMs: number;
  /** A fuld pakke of one round (15 sager, its sagsliste, answers and findings), and reading it into another file. */
  fullExportMs: number;
  fullImportMs: number;
  importMs: number;
  pakker: number;
  rounds: number;
  departmentViewMs: number;
}

export async function bundleFigures(dir: string): Promise<BundleFigures> {
  const leader = openTestApi({ dir, file: 'pakke-leder.db', version: 'bench' });
  const department = openTestApi({ dir, file: 'pakke-afdeling.db', version: 'bench' });
  const colleague = openTestApi({ dir, file: 'pakke-kollega.db', version: 'bench' });
  try {
    // One leader's file with a year of monthly rounds for one team, each of 15 sager, afsluttet.
    const team = await leader.api.call('enheder.opret', { navn: 'Team 1', niveau: 'team' });
    const ids: number[] = [];
    for (let m = 1; m <= 12; m++) {
      const fra = `2026-${String(m).padStart(2, '0')}-01`;
      const til = `2026-${String(m).padStart(2, '0')}-28`;
      const plan = Array.from({ length: 15 }, (_, i) => (i % 4 === 0 ? 'nej' : 'ja'));
      const made = await round(leader.api, {
        ...jobCentreRound(`Runde ${m}`, fra, til, plan),
        sagsnummer: (i) => `${m}-${i}`,
        tilsyn: { titel: `Runde ${m}`, periodeFra: fra, periodeTil: til, enhedId: team.id, skabelonVersionId: 3 },
        finish: FINISH_AS_OTHER,
      });
      await lockTilsyn(leader.api, made.tilsynId, { dato: til });
      ids.push(made.tilsynId);
    }
    let start = performance.now();
    await leader.api.call('pakke.resultater', { tilsynId: ids[0] ?? 0 });
    const exportMs = performance.now() - start;
    start = performance.now();
    const full = await leader.api.call('pakke.fuld', { tilsynId: ids[0] ?? 0 });
    const fullExportMs = performance.now() - start;
    start = performance.now();
    await colleague.api.call('pakke.indlaesFuld', { fileName: full.fileName, dataBase64: full.dataBase64 });
    const fullImportMs = performance.now() - start;
    // 40 enheder's pakker, as 40 leaders' files would make them: the leader's year with another file id and team.
    const year = await leader.api.call('pakke.resultater', { enhedId: team.id, fra: '2026-01-01', til: '2026-12-31' });
    const members = unzipSync(Buffer.from(year.dataBase64, 'base64'));
    const rounds = JSON.parse(strFromU8(members['runder.json'] ?? new Uint8Array())) as BundleRound[];
    const coverage = JSON.parse(strFromU8(members[COVERAGE_MEMBER] ?? new Uint8Array())) as BundleCoverage[];
    const pakker: { fileName: string; dataBase64: string }[] = [];
    for (let u = 1; u <= 40; u++) {
      const filId = randomUUID();
      // Five years of the monthly rounds: the year's twelve again for 2022-2025.
      const own = [2022, 2023, 2024, 2025, 2026].flatMap((y, k) =>
        rounds.map((r) => ({
          ...r,
          uid: `${filId}:${Number(r.uid.split(':')[1]) + k * 1000}`,
          periodeFra: `${y}${r.periodeFra.slice(4)}`,
          periodeTil: `${y}${r.periodeTil.slice(4)}`,
          afsluttetDato: r.afsluttetDato ? `${y}${r.afsluttetDato.slice(4)}` : null,
          enhed: [{ navn: `Team ${u}`, niveau: 'team' as const }],
        })),
      );
      // The team's coverage per quarter and year, counted in its leader's file, for the same five years.
      const figures = [2022, 2023, 2024, 2025, 2026].flatMap((y) =>
        coverage.map((f) => ({
          ...f,
          kilde: filId,
          fra: `${y}${f.fra.slice(4)}`,
          til: `${y}${f.til.slice(4)}`,
          enhed: [{ navn: `Team ${u}`, niveau: 'team' as const }],
        })),
      );
      const { [MANIFEST_NAME]: _m, ...rest } = members;
      const bytes = writeBundle(
        { art: 'resultater', oprettet: new Date().toISOString(), kilde: { filId, kommune: '', forvaltning: '' } },
        { ...rest, 'runder.json': JSON.stringify(own), [COVERAGE_MEMBER]: JSON.stringify(figures) },
      );
      pakker.push({ fileName: `Team ${u}.tilsyn`, dataBase64: bytes.toString('base64') });
    }
    start = performance.now();
    for (const p of pakker) await department.api.call('pakke.indlaes', p);
    const importMs = performance.now() - start;
    const afdeling = await department.api.call('enheder.opret', { navn: 'Afdeling', niveau: 'afdeling' });
    for (const u of await department.api.call('enheder.list', {}))
      if (u.niveau === 'team')
        await department.api.call('enheder.ret', { id: u.id, navn: u.navn, niveau: 'team', foraelderId: afdeling.id });
    start = performance.now();
    await department.api.call('enheder.sammenlign', { enhedId: afdeling.id, aar: 2026 });
    const departmentViewMs = performance.now() - start;
    return {
      exportMs,
      fullExportMs,
      fullImportMs,
      importMs,
      pakker: pakker.length,
      rounds: rounds.length * 5 * 40,
      departmentViewMs,
    };
  } finally {
    leader.close();
    department.close();
    colleague.close();
  }
}
