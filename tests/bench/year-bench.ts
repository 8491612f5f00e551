// Figures of the practice over the year for `npm run bench` (issue #14): a synthetic municipality of 8 teams,
// 5 years, 12 rounds a year of 15 sager each, every round planned in the årshjul, started, answered and (but each
// team's newest) locked, so the development of every krav per team runs over 59 earlier rounds.
import { createHandlers } from '../../electron/backend';
import { applicableQuestions } from '../../shared/domain/rules';
import type { TemplateContent } from '../../shared/domain/template';
import { clientOf, openTestApi } from '../support/api';
import { lockTilsyn } from '../support/scenario';

export interface YearFigures {
  rounds: number;
  sager: number;
  yearView: number;
  coverageFiveYears: number;
  unitsList: number;
  periodReport: number;
  answers: number;
  /** Results with the development of every krav, for each team's newest round (median over the 8 teams). */
  developmentPerUnit: number;
  /** The same screen first after a new start (locked rounds read from what the file keeps). */
  resultsFirstAfterStart: number;
}

const CASEWORKERS = ['Anne Holm', 'Bo Nielsen', 'Camilla Dahl', 'Dorthe Friis', 'Emil Krogh', 'Frida Lund'];
const TYPES = ['§ 32', 'Anbringelse', 'Efterværn', 'Underretning'];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function time(runs: number, fn: () => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

export async function yearFigures(dir: string): Promise<YearFigures> {
  const t = openTestApi({ dir, file: 'aarshjul-bench.db', version: 'bench' });
  try {
    const { sqlite } = t.db;
    const afdeling = await t.api.call('enheder.opret', { navn: 'Myndighed', niveau: 'afdeling' });
    const teams: number[] = [];
    for (let i = 1; i <= 8; i++)
      teams.push(
        (await t.api.call('enheder.opret', { navn: `Team ${i}`, niveau: 'team', foraelderId: afdeling.id })).id,
      );
    const now = new Date().toISOString();
    const insertTilsyn = sqlite.prepare(
      `INSERT INTO tilsyn (titel, periode_fra, periode_til, enhed, enhed_id, form, formaal, status, skabelon_version_id,
         oprettet, aendret) VALUES (?, ?, ?, ?, ?, 'ledelseskontrol', 'Løbende tilsyn', 'i_gang', 1, ?, ?)`,
    );
    const insertPlan = sqlite.prepare(
      `INSERT INTO planlagt_runde (enhed_id, art, titel, skabelon_version_id, form, stikproeve, ansvarlig, fra, til,
         tilsyn_id, oprettet, aendret)
       VALUES (?, 'loebende', ?, 1, 'ledelseskontrol', '{"regel":"antal","antal":15}', 'Teamleder', ?, ?, ?, ?, ?)`,
    );
    const insertPopulation = sqlite.prepare(
      `INSERT INTO population (tilsyn_id, kilde_fil, format, importeret, antal_raekker, fil_hash, indhold_hash, mapping)
       VALUES (?, 'bench.csv', 'csv', ?, 15, '', '', '[]')`,
    );
    const insertPopulationSag = sqlite.prepare(
      `INSERT INTO population_sag (population_id, fil_raekke, sagsnummer, sagstype, sagsbehandler, team, datoer, ekstra)
       VALUES (?, ?, ?, ?, ?, '', '{}', '{}')`,
    );
    const insertSag = sqlite.prepare(
      `INSERT INTO sag (tilsyn_id, sagsnummer, status, population_sag_id, stratum, rolle, orden)
       VALUES (?, ?, 'faerdig', ?, '', 'udvalgt', ?)`,
    );
    const insertAnswer = sqlite.prepare(
      `INSERT INTO svar (sag_id, spoergsmaal, rolle, vaerdi, note, begrundelse, aendret)
       VALUES (?, ?, 'leder', ?, '', ?, ?)`,
    );
    // The stored content has every default filled in (the contract types it as written).
    const content = (await t.api.call('skabelon.version', { versionId: 1 })).content as TemplateContent;
    let rounds = 0;
    let sager = 0;
    let answers = 0;
    const toLock: number[] = [];
    const newest: number[] = [];
    sqlite.transaction(() => {
      for (const [u, enhedId] of teams.entries())
        for (let year = 2022; year < 2027; year++)
          for (let month = 1; month <= 12; month++) {
            const fra = `${year}-${String(month).padStart(2, '0')}-01`;
            const til = `${year}-${String(month).padStart(2, '0')}-28`;
            const titel = `Team ${u + 1} ${fra.slice(0, 7)}`;
            const tilsynId = Number(
              insertTilsyn.run(titel, fra, til, `Team ${u + 1}`, enhedId, now, now).lastInsertRowid,
            );
            insertPlan.run(enhedId, titel, fra, til, tilsynId, now, now);
            const populationId = Number(insertPopulation.run(tilsynId, now).lastInsertRowid);
            for (let s = 0; s < 15; s++) {
              const nr = `${tilsynId}-${s}`;
              const caseworker = CASEWORKERS[(s + month) % CASEWORKERS.length] ?? '';
              const type = TYPES[s % TYPES.length] ?? '';
              const pId = Number(insertPopulationSag.run(populationId, s + 2, nr, type, caseworker).lastInsertRowid);
              const sagId = Number(insertSag.run(tilsynId, nr, pId, s).lastInsertRowid);
              answers += answerSag(sagId, type, (s + month + year) % 5);
              sager++;
            }
            (year === 2026 && month === 12 ? newest : toLock).push(tilsynId);
            rounds++;
          }
    })();
    /** Every applicable choice question answered; one sag in five (by `spread`) has its first krav not met. */
    function answerSag(sagId: number, sagstype: string, spread: number): number {
      const given: Record<string, string> = {};
      let n = 0;
      for (const { questions } of applicableQuestions(content, { sagstype, answers: given }))
        for (const question of questions) {
          if (question.answerType === 'tekst' || question.answerType === 'dato' || question.answerType === 'frist')
            continue;
          const option = question.options[spread === 0 && n === 0 ? 1 : 0] ?? question.options[0];
          if (!option) continue;
          given[question.key] = option.value;
          insertAnswer.run(sagId, question.key, option.value, option.outcome === 'opfyldt' ? '' : 'Se sagen', now);
          n++;
        }
      return n;
    }
    // Locked as leaders lock them: each round keeps its results from then on.
    for (const id of toLock) await lockTilsyn(t.api, id, { navn: 'Teamleder', dato: '2026-12-01' });
    const yearView = await time(10, () => t.api.call('aarshjul.aar', { aar: 2026, enhedId: null }));
    const coverageFiveYears = await time(5, async () => {
      for (let year = 2022; year < 2027; year++)
        await t.api.call('aarshjul.daekning', {
          enhedId: teams[0] ?? 0,
          aar: year,
          kvote: { antal: 1, per: 'kvartal' },
        });
    });
    const unitsList = await time(10, () => t.api.call('enheder.list', {}));
    const periodReport = await time(3, () =>
      t.api.call('rapport.periode', { enhedId: teams[0] ?? 0, fra: '2026-01-01', til: '2026-12-31' }),
    );
    const perUnit: number[] = [];
    for (const tilsynId of newest) perUnit.push(await time(3, () => t.api.call('resultater.get', { tilsynId })));
    const developmentPerUnit = median(perUnit);
    // A new start of the app on the same file.
    const restarted = clientOf(createHandlers({ db: t.db, mode: 'browser', version: 'bench', backups: false }));
    const r0 = performance.now();
    await restarted.call('resultater.get', { tilsynId: newest[0] ?? 0 });
    const resultsFirstAfterStart = performance.now() - r0;
    return {
      rounds,
      sager,
      yearView,
      coverageFiveYears,
      unitsList,
      periodReport,
      answers,
      developmentPerUnit,
      resultsFirstAfterStart,
    };
  } finally {
    t.close();
  }
}
