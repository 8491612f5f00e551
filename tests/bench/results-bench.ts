// Results and report figures for `npm run bench`: results over a long history of stored answers, the committee
// PDF for 60 sager with five years of earlier rounds, and feedback notes for 15 caseworkers.
import type { TilsynDatabase } from '../../db/open';
import { createHandlers } from '../../electron/backend';
import type { ApiClient } from '../../shared/api/client';
import { applicableQuestions } from '../../shared/domain/rules';
import { sampleSpecSchema } from '../../shared/domain/sampling';
import type { TemplateContent } from '../../shared/domain/template';
import { clientOf, openTestApi } from '../support/api';
import { lockTilsyn } from '../support/scenario';
import { recordSql, replayOf } from './sql-replay';

function medianOf(runs: number, fn: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)] ?? 0;
}

export interface ResultsFigures {
  answers: number;
  rounds: number;
  resultsCold: number;
  resultsWarm: number;
  /** The same SQL as one warm call, run plainly (tests/bench/sql-replay.ts). */
  resultsWarmPlain: number;
  /** The same SQL as the first call after a restart, run plainly. */
  resultsAfterRestartPlain: number;
  /** The first call after an answer was saved in the round under review, and the same SQL run plainly. */
  resultsAfterSave: number;
  resultsAfterSavePlain: number;
  /** About two million answers: the first call of a process, and how many answers there are. */
  resultsHuge: number;
  hugeAnswers: number;
  /** Locking one round of 60 sager through the API (it computes and keeps the round's results). */
  lockEach: number;
  resultsAfterRestart: number;
  committeePdf: number;
  committeePages: number;
  feedbackNotes: number;
  feedbackFiles: number;
}

const CASEWORKERS = [
  'Anne Holm',
  'Bo Nielsen',
  'Camilla Dahl',
  'Dorthe Friis',
  'Emil Krogh',
  'Frida Lund',
  'Gustav Berg',
  'Hanne Vest',
  'Ida Munk',
  'Jens Rask',
  'Karen Bech',
  'Lars Holt',
  'Mette Sand',
  'Niels Kjær',
  'Oda Winther',
];

/** A deterministic pseudo-random sequence, so every run measures the same data. */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * Writes `rounds` quarterly tilsyn of the first standard template straight into the database, each with
 * `sagerPerRound` reviewed sager answered by the leader; all but the last are afsluttet, the first is the baseline.
 * Returns the last round's id and how many answers were stored.
 */
export function writeHistoryForTest(
  db: TilsynDatabase,
  content: TemplateContent,
  rounds: number,
  sagerPerRound: number,
) {
  const { sqlite } = db;
  const random = lcg(7);
  const now = new Date().toISOString();
  const insertTilsyn = sqlite.prepare(
    `INSERT INTO tilsyn (titel, periode_fra, periode_til, enhed, form, formaal, fokus, status, skabelon_version_id,
       afsluttet_af, afsluttet_dato, baseline, oprettet, aendret)
     VALUES (?, ?, ?, 'Myndighed børn og unge', 'ledelseskontrol', 'Lovmedholdelighed', '', ?, 1, ?, ?, ?, ?, ?)`,
  );
  const insertPopulation = sqlite.prepare(
    `INSERT INTO population (tilsyn_id, kilde_fil, format, importeret, antal_raekker, fil_hash, indhold_hash, mapping)
     VALUES (?, 'bench.csv', 'csv', ?, ?, '', '', '[]')`,
  );
  const insertSample = sqlite.prepare(
    `INSERT INTO stikproeve (tilsyn_id, metode, spec, seed, population_hash, population_antal, udvalgt_efter_filtre,
       strata, trukket_af, trukket)
     VALUES (?, 'simpel', ?, 7, '', ?, ?, ?, 'Lene Madsen', ?)`,
  );
  const insertPopulationSag = sqlite.prepare(
    `INSERT INTO population_sag (population_id, fil_raekke, sagsnummer, sagstype, sagsbehandler, team, datoer, ekstra)
     VALUES (?, ?, ?, 'Barn', ?, 'Team Nord', '{}', '{}')`,
  );
  const insertSag = sqlite.prepare(
    `INSERT INTO sag (tilsyn_id, sagsnummer, status, population_sag_id, stratum, rolle, orden)
     VALUES (?, ?, 'faerdig', ?, '', 'udvalgt', ?)`,
  );
  const insertAnswer = sqlite.prepare(
    `INSERT INTO svar (sag_id, spoergsmaal, rolle, vaerdi, note, begrundelse, aendret)
     VALUES (?, ?, 'leder', ?, '', ?, ?)`,
  );
  let answers = 0;
  let lastId = 0;
  const earlier: number[] = [];
  sqlite.transaction(() => {
    for (let r = 0; r < rounds; r++) {
      const year = 2022 + Math.floor(r / 4);
      const q = (r % 4) + 1;
      const from = `${year}-${String((q - 1) * 3 + 1).padStart(2, '0')}-01`;
      const to = `${year}-${String(q * 3).padStart(2, '0')}-${q === 1 || q === 4 ? '31' : '30'}`;
      const last = r === rounds - 1;
      const tilsynId = Number(
        insertTilsyn.run(
          `Ledelsestilsyn ${q}. kvartal ${year}`,
          from,
          to,
          // Every round is written open; earlier rounds are then locked through the API, as leaders lock them.
          'i_gang',
          null,
          null,
          r === 0 ? 1 : 0,
          now,
          now,
        ).lastInsertRowid,
      );
      const populationId = Number(insertPopulation.run(tilsynId, now, sagerPerRound * 5).lastInsertRowid);
      const spec = JSON.stringify(
        sampleSpecSchema.parse({ method: 'simpel', size: sagerPerRound, seed: 7, spares: 0 }),
      );
      const strata = JSON.stringify([
        {
          name: 'Alle sager',
          population: sagerPerRound * 5,
          requested: sagerPerRound,
          drawn: sagerPerRound,
          spares: 0,
        },
      ]);
      insertSample.run(tilsynId, spec, sagerPerRound * 5, sagerPerRound * 5, strata, now);
      // Each round a little better than the one before: the development shows.
      const quality = 0.55 + (0.35 * r) / Math.max(1, rounds - 1);
      for (let s = 0; s < sagerPerRound; s++) {
        const sagsnummer = `${year}-${q}-${String(s + 1).padStart(4, '0')}`;
        const caseworker = CASEWORKERS[s % CASEWORKERS.length] ?? 'Anne Holm';
        const pId = Number(insertPopulationSag.run(populationId, s + 2, sagsnummer, caseworker).lastInsertRowid);
        const sagId = Number(insertSag.run(tilsynId, sagsnummer, pId, s).lastInsertRowid);
        const given: Record<string, string> = {};
        for (const { questions } of applicableQuestions(content, { sagstype: 'Barn', answers: given })) {
          for (const question of questions) {
            if (question.answerType === 'tekst' || question.answerType === 'dato' || question.answerType === 'frist')
              continue;
            const roll = random();
            const option = question.options[roll < quality ? 0 : roll < quality + 0.1 ? 2 : 1] ?? question.options[0];
            if (!option) continue;
            given[question.key] = option.value;
            insertAnswer.run(sagId, question.key, option.value, option.outcome === 'opfyldt' ? '' : 'Se sagen', now);
            answers++;
          }
        }
      }
      if (!last) earlier.push(tilsynId);
      lastId = tilsynId;
    }
  })();
  return { lastId, answers, earlier };
}

/** Locks each round as a leader does: 'tilsyn.afslut', which keeps the round's results from then on. */
async function lockRounds(api: ApiClient, ids: number[]) {
  for (const tilsynId of ids) await lockTilsyn(api, tilsynId, { navn: 'Lene Madsen', dato: '2026-11-25' });
}

/** How many saves, each followed by Resultater, the figure »lige efter et gemt svar« is the median of. */
export const AFTER_SAVE_RUNS = 15;

export async function resultsFigures(dir: string): Promise<ResultsFigures> {
  // Results over a long history: 350 rounds of 60 sager in one template lineage (about 500,000 answers).
  const big = openTestApi({ dir, file: 'history.db', version: 'bench' });
  // The stored content has every default filled in (the contract types it as written).
  const content = (await big.api.call('skabelon.version', { versionId: 1 })).content as TemplateContent;
  const history = writeHistoryForTest(big.db, content, 350, 60);
  const l0 = performance.now();
  await lockRounds(big.api, history.earlier);
  const lockEach = (performance.now() - l0) / history.earlier.length;
  const t0 = performance.now();
  await big.api.call('resultater.get', { tilsynId: history.lastId });
  const resultsCold = performance.now() - t0;
  const warm: number[] = [];
  for (let i = 0; i < 5; i++) {
    const s = performance.now();
    await big.api.call('resultater.get', { tilsynId: history.lastId });
    warm.push(performance.now() - s);
  }
  const warmSql = replayOf(
    big.db.sqlite,
    await recordSql(() => big.api.call('resultater.get', { tilsynId: history.lastId })),
  );
  const resultsWarmPlain = medianOf(5, warmSql);
  // The leader saves an answer and looks again: the round under review is computed anew, the kept rounds are not.
  const sagId = (await big.api.call('gennemgang.sager', { tilsynId: history.lastId }))[0]?.id ?? 0;
  const review = await big.api.call('gennemgang.sag', { sagId });
  const key = review.content.sections.flatMap((s) => s.questions).find((q) => q.answerType === 'jnd')?.key ?? '';
  const afterSave: number[] = [];
  let afterSaveCalls: Awaited<ReturnType<typeof recordSql>> = [];
  // Fifteen, not five: a call takes 3 ms, and five of them gave medians from 1.4x to 1.7x from run to run.
  for (let i = 0; i < AFTER_SAVE_RUNS; i++) {
    await big.api.call('gennemgang.svar', { sagId, key, value: i % 2 ? 'ja' : 'nej', reason: 'Se sagen' });
    afterSaveCalls = await recordSql(async () => {
      const s = performance.now();
      await big.api.call('resultater.get', { tilsynId: history.lastId });
      afterSave.push(performance.now() - s);
    });
  }
  const resultsAfterSave = afterSave.sort((a, b) => a - b)[Math.floor(AFTER_SAVE_RUNS / 2)] ?? 0;
  const resultsAfterSavePlain = medianOf(AFTER_SAVE_RUNS, replayOf(big.db.sqlite, afterSaveCalls));
  // A new start of the app on the same file: the locked rounds' results are read from the file.
  const restarted = clientOf(createHandlers({ db: big.db, mode: 'browser', version: 'bench', backups: false }));
  let resultsAfterRestart = 0;
  const restartCalls = await recordSql(async () => {
    const r0 = performance.now();
    await restarted.call('resultater.get', { tilsynId: history.lastId });
    resultsAfterRestart = performance.now() - r0;
  });
  const resultsAfterRestartPlain = medianOf(5, replayOf(big.db.sqlite, restartCalls));
  big.close();

  // About two million answers (160 rounds of 600 sager), the first call after the file is opened again.
  const huge = openTestApi({ dir, file: 'history-2m.db', version: 'bench' });
  const hugeHistory = writeHistoryForTest(huge.db, content, 160, 600);
  await lockRounds(huge.api, hugeHistory.earlier);
  huge.reopen();
  const h0 = performance.now();
  await huge.api.call('resultater.get', { tilsynId: hugeHistory.lastId });
  const resultsHuge = performance.now() - h0;
  huge.close();

  // Reports: 60 sager in the current round, 15 caseworkers, five years of quarterly rounds before it.
  const { api, db, close } = openTestApi({ dir, file: 'reports.db', version: 'bench' });
  const reports = writeHistoryForTest(db, content, 21, 60);
  await lockRounds(api, reports.earlier);
  const c0 = performance.now();
  const pdf = await api.call('rapport.udvalg', { tilsynId: reports.lastId });
  const committeePdf = performance.now() - c0;
  const pdfText = Buffer.from(pdf.dataBase64, 'base64').toString('latin1');
  const committeePages = (pdfText.match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  const f0 = performance.now();
  const notes = await api.call('rapport.feedback', { tilsynId: reports.lastId });
  const feedbackNotes = performance.now() - f0;
  close();

  return {
    answers: history.answers,
    rounds: 350,
    resultsCold,
    resultsWarm: warm.sort((a, b) => a - b)[2] ?? 0,
    resultsWarmPlain,
    resultsAfterRestartPlain,
    resultsAfterSave,
    resultsAfterSavePlain,
    resultsHuge,
    hugeAnswers: hugeHistory.answers,
    lockEach,
    resultsAfterRestart,
    committeePdf,
    committeePages,
    feedbackNotes,
    feedbackFiles: notes.length,
  };
}
