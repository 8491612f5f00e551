import { ApiError } from '../../../shared/api/errors';
import type { AnswerRecord } from '../../../shared/domain/review';
import { type CarriedAnswer, carried } from '../../../shared/domain/selvevaluering';

/**
 * The answers of one sag in a svarpakke (a caseworker's or a second reviewer's), read as if given in this file: each
 * parsed by `parse` (free text CPR-masked as if typed here), one that is unchanged left alone, the rest saved by
 * `save`, which checks it as the screen's call would. A refusal says which file, sag and question. Returns how many
 * answers were new or changed.
 */
export function readCarriedAnswers<
  A extends { value?: string | null; note?: string; reason?: string; override?: unknown },
>(
  fileName: string,
  sag: { sagsnummer: string },
  svar: Record<string, CarriedAnswer>,
  before: Record<string, AnswerRecord | undefined>,
  parse: (key: string, raw: CarriedAnswer) => A,
  save: (a: A) => void,
): number {
  let changed = 0;
  for (const [key, raw] of Object.entries(svar)) {
    const a = parse(key, raw);
    const next = { value: a.value ?? null, note: a.note ?? '', reason: a.reason ?? '', override: a.override ?? null };
    const was = before[key];
    if (was && JSON.stringify(carried(was)) === JSON.stringify(next)) continue;
    try {
      save(a);
    } catch (err) {
      // Said with where: the leader reads the file, she did not give the answer.
      if (!(err instanceof ApiError)) throw err;
      throw new ApiError(
        err.code,
        `»${fileName}« kan ikke indlæses: svaret i sag ${sag.sagsnummer} på spørgsmålet »${key}« kan ikke bruges (${err.message.replace(/\.$/, '')}). Intet er indlæst.`,
      );
    }
    changed++;
  }
  return changed;
}
