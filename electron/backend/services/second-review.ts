import { randomInt } from 'node:crypto';
import type { SecondReviewStore } from '../../../db/second-review-store';
import { ApiError } from '../../../shared/api/errors';
import { agreementOf, type JudgedPair, judgedPairs } from '../../../shared/domain/agreement';
import { scoredQuestions } from '../../../shared/domain/results';
import { answerLabel, answerValueProblem, overrideProblem } from '../../../shared/domain/review';
import { reviewProgress } from '../../../shared/domain/review-progress';
import { MAX_SEED, seededOrder } from '../../../shared/domain/sampling';
import {
  type BlindList,
  type BlindSag,
  type moderationInputSchema,
  qualityLine,
  type SecondDisagreement,
  type SecondReviewInput,
  type SecondReviewView,
  samePerson,
  type secondAnswerInputSchema,
  secondReviewCount,
} from '../../../shared/domain/second-review';
import type { Outcome, Question } from '../../../shared/domain/template';
import { isLocked } from '../../../shared/domain/tilsyn';
import type { z } from '../../../shared/zod';
import { refuseCprInAnswer } from '../dispatch';
import type { Review } from './review';
import type { Stores } from './stores';
import { findQuestion, UNKNOWN_QUESTION } from './template-questions';

/**
 * Second review (issue #16): the leader sets it up with a named second reviewer and a share of the sager (drawn with
 * a kept seed, or chosen); the second reviewer answers them blind, through calls that never return the first
 * answers; the leader sees the agreement and moderates each disagreement into a final answer, logged.
 */
export function createSecondReview(stores: Stores, review: Review, store: SecondReviewStore) {
  const { answers, closing, db } = stores;
  const now = () => new Date().toISOString();

  function requireOpen(tilsynId: number) {
    const { tilsyn } = review.templateOf(tilsynId);
    review.requireCaseData(tilsynId, 'kan dens sager ikke gennemgås af to');
    if (isLocked(tilsyn))
      throw new ApiError('CONFLICT', `»${tilsyn.titel}« er afsluttet. Genåbn tilsynet for at gennemgå sager af to.`);
    return tilsyn;
  }

  /** The sager that can be reviewed twice: the sample's, not excluded. */
  const eligible = (tilsynId: number) => answers.sager(tilsynId).filter((s) => s.status !== 'udgaaet');

  /** A sag of the second review, or a refusal that says it is not one (an udgået sag is no longer one). */
  function requireSecondSag(sagId: number): number {
    const tilsynId = store.tilsynOf(sagId);
    if (tilsynId === undefined || answers.sag(sagId).status === 'udgaaet')
      throw new ApiError('NOT_FOUND', 'Sagen er ikke valgt til anden gennemgang.');
    return tilsynId;
  }

  /** The second review's sager that still count: a sag that left the sample since is not one. */
  const secondSager = (tilsynId: number) => store.sager(tilsynId).filter((id) => answers.sag(id).status !== 'udgaaet');

  function blindSag(sagId: number): BlindSag {
    const tilsynId = requireSecondSag(sagId);
    const sag = answers.sag(sagId);
    const template = review.templateOf(tilsynId);
    const own = answers.answers(sagId, 'anden');
    const dates = { ...sag.importedDates, ...sag.enteredDates };
    const ctx = {
      content: template.content,
      sectionKeys: template.sectionKeys,
      sagstype: sag.sagstype,
      answers: own,
      dates,
    };
    return {
      sagId,
      sagsnummer: sag.sagsnummer,
      sagstype: sag.sagstype,
      dates,
      content: template.content,
      sectionKeys: template.sectionKeys,
      answers: own,
      progress: reviewProgress(ctx),
      locked: isLocked(template.tilsyn),
    };
  }

  /** How a category reads: a choice's label, a frist's outcome. */
  const categoryLabel = (q: Question, category: string, dates: Record<string, string>) =>
    q.answerType === 'frist'
      ? answerLabel(q, { note: '', reason: '', override: { outcome: category as Outcome, reason: '' } }, dates)
      : answerLabel(q, { value: category, note: '', reason: '' }, dates);

  /**
   * A sag's judged pairs of the questions that count in the results (a routing question is no judgement of the
   * sag), the first judgement of a moderated question as it was before the moderation. A moderation holds while both
   * answers are as it left them: the round's answer its final one, hers the one it settled.
   */
  function pairsOf(sagId: number, moderated: Map<string, { foerste: string; anden: string; endelig: string }>) {
    const r = review.review(sagId);
    const ctx = {
      content: r.content,
      sectionKeys: r.sectionKeys,
      sagstype: r.sag.sagstype,
      answers: r.answers,
      dates: r.dates,
    };
    const scored = new Set(scoredQuestions(r.content, r.sectionKeys).map((q) => q.question.key));
    return judgedPairs(ctx, answers.answers(sagId, 'anden'))
      .filter((p) => scored.has(p.key))
      .map((p) => {
        const m = moderated.get(p.key);
        const q = findQuestion(r.content, p.key);
        if (!m || !q) return { ...p, holds: false };
        return {
          ...p,
          first: m.foerste,
          firstLabel: categoryLabel(q, m.foerste, r.dates),
          holds: p.first === m.endelig && p.second === m.anden,
        };
      });
  }

  /** Whether the second reviewer has answered every question of the sag that applies, as a first reviewer must. */
  const secondDone = (sagId: number) => blindSag(sagId).progress.missing.length === 0;

  /** The leader's view: who, which sager, the agreement overall and per question, the disagreements. */
  function view(tilsynId: number): SecondReviewView | null {
    const row = store.get(tilsynId);
    if (!row) return null;
    const { content, sectionKeys } = review.templateOf(tilsynId);
    const numbers = new Map(scoredQuestions(content, sectionKeys).map((q) => [q.question.key, q.number]));
    const moderations = store.moderations(tilsynId);
    const all: (JudgedPair & { sagId: number; sagsnummer: string; holds: boolean })[] = [];
    // A question to settle: judged differently, or settled once and changed since (its final answer, which counts,
    // may now be one neither reviewer holds: it is open again, not dropped).
    const toSettle = (p: { key: string; first: string; second: string; holds: boolean }, sagId: number) =>
      p.first !== p.second || (!p.holds && moderations.some((m) => m.sagId === sagId && m.spoergsmaal === p.key));
    const sager = secondSager(tilsynId).map((sagId) => {
      const mine = new Map(moderations.filter((m) => m.sagId === sagId).map((m) => [m.spoergsmaal, m]));
      const { sagsnummer } = answers.sag(sagId);
      const pairs = pairsOf(sagId, mine);
      all.push(...pairs.map((p) => ({ ...p, sagId, sagsnummer })));
      return {
        sagId,
        sagsnummer,
        pairs: pairs.length,
        disagreements: pairs.filter((p) => toSettle(p, sagId)).length,
        faerdig: secondDone(sagId),
      };
    });
    const keys = [...new Set(all.map((p) => p.key))];
    const disagreements: SecondDisagreement[] = all
      .filter((p) => toSettle(p, p.sagId))
      .map(({ holds, ...p }) => {
        const m = moderations.find((x) => x.sagId === p.sagId && x.spoergsmaal === p.key);
        const q = findQuestion(content, p.key);
        return {
          ...p,
          // A moderation whose answers were changed since is open again.
          moderated:
            m && q && holds
              ? {
                  value: m.endelig,
                  label: categoryLabel(q, m.endelig, {}),
                  begrundelse: m.begrundelse,
                  hvem: m.hvem,
                  tid: m.tid,
                }
              : null,
        };
      });
    return {
      ...row,
      eligible: eligible(tilsynId).length,
      sager,
      overall: agreementOf(all),
      byQuestion: keys.map((key) => ({
        key,
        number: numbers.get(key) ?? '',
        text: all.find((p) => p.key === key)?.question ?? key,
        agreement: agreementOf(all.filter((p) => p.key === key)),
      })),
      disagreements,
      open: disagreements.filter((d) => d.moderated === null).length,
    };
  }

  /** Every pair of the round's second review (the department's agreement over time adds them up). */
  function allPairs(tilsynId: number): JudgedPair[] {
    if (!store.get(tilsynId)) return [];
    const moderations = store.moderations(tilsynId);
    return secondSager(tilsynId).flatMap((sagId) =>
      pairsOf(sagId, new Map(moderations.filter((m) => m.sagId === sagId).map((m) => [m.spoergsmaal, m]))),
    );
  }

  return {
    view,
    allPairs,

    setUp(input: SecondReviewInput): SecondReviewView {
      const tilsyn = requireOpen(input.tilsynId);
      return db.sqlite.transaction(() => {
        const sager = eligible(input.tilsynId);
        const given = store.sager(input.tilsynId).filter((id) => Object.keys(answers.answers(id, 'anden')).length > 0);
        if (given.length > 0)
          throw new ApiError(
            'CONFLICT',
            `Anden gennemgang er i gang: ${given.length === 1 ? 'én sag har' : `${given.length} sager har`} allerede svar fra ${store.get(input.tilsynId)?.bedoemmer ?? 'den anden'}, så sagerne kan ikke vælges om.`,
          );
        let chosen: number[];
        let seed: number | null = null;
        if (input.udvaelgelse.art === 'valgt') {
          const ok = new Set(sager.map((s) => s.id));
          const wrong = input.udvaelgelse.sagIds.find((id) => !ok.has(id));
          if (wrong !== undefined) throw new ApiError('VALIDATION', 'En af de valgte sager er ikke i stikprøven.');
          chosen = [...new Set(input.udvaelgelse.sagIds)];
        } else {
          seed = input.seed ?? randomInt(MAX_SEED);
          // Drawn from the sample in sagsnummer order, so the same seed draws the same sager again.
          const ordered = [...sager].sort((a, b) => a.sagsnummer.localeCompare(b.sagsnummer, 'da'));
          chosen = seededOrder(ordered, seed)
            .slice(0, secondReviewCount(input.udvaelgelse, sager.length))
            .map((s) => s.id);
        }
        if (chosen.length === 0) throw new ApiError('CONFLICT', `»${tilsyn.titel}« har ingen sager at gennemgå af to.`);
        // Blind means someone else: a caseworker does not review her own sager a second time.
        const own = sager.filter(
          (s) => chosen.includes(s.id) && s.sagsbehandler && samePerson(s.sagsbehandler, input.bedoemmer),
        );
        if (own.length > 0)
          throw new ApiError(
            'VALIDATION',
            `${input.bedoemmer} er sagsbehandler på ${own.length === 1 ? `sag ${own[0]?.sagsnummer}` : `${own.length} af de valgte sager`} og kan ikke gennemgå ${own.length === 1 ? 'den' : 'dem'} anden gang. Vælg en anden bedømmer eller andre sager.`,
            { bedoemmer: 'Vælg en, der ikke er sagsbehandler på de valgte sager' },
          );
        store.save(
          input.tilsynId,
          {
            bedoemmer: input.bedoemmer,
            udvaelgelse: input.udvaelgelse.art,
            seed,
            oprettet: now(),
            oprettetAf: input.navn,
          },
          chosen,
        );
        closing.recordQuality(
          input.tilsynId,
          input.navn,
          `Anden gennemgang: ${chosen.length === 1 ? 'én sag' : `${chosen.length} sager`} til ${input.bedoemmer}${seed === null ? ', valgt' : `, trukket med startværdi ${seed}`}`,
        );
        return view(input.tilsynId) as SecondReviewView;
      })();
    },

    /** The second reviewer's list: her sager and how far she is, nothing of the first review. */
    blindList(tilsynId: number): BlindList {
      const row = store.get(tilsynId);
      const { tilsyn } = review.templateOf(tilsynId);
      if (!row) throw new ApiError('NOT_FOUND', `»${tilsyn.titel}« har ingen anden gennemgang.`);
      return {
        titel: tilsyn.titel,
        bedoemmer: row.bedoemmer,
        sager: secondSager(tilsynId).map((sagId) => {
          const b = blindSag(sagId);
          const applicable = b.progress.applicable;
          return {
            sagId,
            sagsnummer: b.sagsnummer,
            sagstype: b.sagstype,
            answered: applicable - b.progress.missing.length,
            applicable,
          };
        }),
      };
    },

    blindSag,

    /** The committee report's method line for the round (of its `counted` sager), or null. */
    qualityLineOf(tilsynId: number, counted: number): string | null {
      const v = store.get(tilsynId) ? view(tilsynId) : null;
      return v ? qualityLine(v, counted) : null;
    },

    /** One answer of the second reviewer, saved as it is given; what comes back is only hers. */
    answer(input: z.output<typeof secondAnswerInputSchema>): BlindSag {
      const tilsynId = requireSecondSag(input.sagId);
      requireOpen(tilsynId);
      const question = findQuestion(review.templateOf(tilsynId).content, input.key);
      if (!question) throw new ApiError('VALIDATION', UNKNOWN_QUESTION);
      const problem = answerValueProblem(question, input.value) ?? overrideProblem(question, input.override);
      if (problem) throw new ApiError('VALIDATION', problem);
      // In one transaction with the check, so a refusal undoes the write (found by the attack on #18: a number split
      // between the note saved before and the reason saved now was refused but kept).
      db.sqlite.transaction(() => {
        const { after } = answers.saveAnswer(input.sagId, input.key, 'anden', {
          value: input.value,
          note: input.note,
          reason: input.reason,
          override: input.override,
        });
        refuseCprInAnswer(after);
      })();
      return blindSag(input.sagId);
    },

    /**
     * The final answer of a question the two judged differently, with its reason: written as the round's answer
     * (only that counts in the results), the judgements kept as they were, and the moderation logged.
     */
    moderate(input: z.output<typeof moderationInputSchema>): SecondReviewView {
      const tilsynId = requireSecondSag(input.sagId);
      requireOpen(tilsynId);
      const question = review.requireQuestion(tilsynId, input.key);
      return db.sqlite.transaction(() => {
        const earlier = store.moderations(tilsynId).find((m) => m.sagId === input.sagId && m.spoergsmaal === input.key);
        const pair = pairsOf(input.sagId, new Map(earlier ? [[input.key, earlier]] : [])).find(
          (p) => p.key === input.key,
        );
        if (!pair)
          throw new ApiError(
            'CONFLICT',
            'Spørgsmålet er ikke bedømt af begge endnu: den anden gennemgang har ikke svaret på det.',
          );
        if (pair.first === pair.second && !earlier)
          throw new ApiError('CONFLICT', 'De to gennemgange er enige om spørgsmålet, så der er intet at moderere.');
        const frist = question.answerType === 'frist';
        // A frist is kept or not; »udeladt« only where one of the two judged it so.
        const fristFinals = ['opfyldt', 'ikke_opfyldt', pair.first, pair.second];
        const allowed = frist ? fristFinals.includes(input.value) : !answerValueProblem(question, input.value);
        if (!allowed) throw new ApiError('VALIDATION', 'Det endelige svar er ikke en af spørgsmålets muligheder.');
        review.answer({
          sagId: input.sagId,
          key: input.key,
          rolle: 'leder',
          // The first reviewer's reason argued for her answer: a different final answer carries the moderation's.
          ...(frist
            ? { override: { outcome: input.value as Outcome, reason: input.begrundelse } }
            : { value: input.value, ...(input.value === pair.first ? {} : { reason: input.begrundelse }) }),
        });
        const { sagsnummer } = answers.sag(input.sagId);
        const final = categoryLabel(question, input.value, {});
        store.moderate({
          sagId: input.sagId,
          spoergsmaal: input.key,
          foerste: pair.first,
          anden: pair.second,
          endelig: input.value,
          begrundelse: input.begrundelse,
          hvem: input.navn,
          tid: now(),
        });
        closing.recordQuality(
          tilsynId,
          input.navn,
          `Modereret i sag ${sagsnummer}: ${question.text} (${pair.firstLabel} / ${pair.secondLabel} → ${final}): ${input.begrundelse}`,
          sagsnummer,
        );
        return view(tilsynId) as SecondReviewView;
      })();
    },
  };
}

export type SecondReview = ReturnType<typeof createSecondReview>;
