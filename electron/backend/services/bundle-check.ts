import { ApiError } from '../../../shared/api/errors';
import type { BundleManifest } from '../../../shared/domain/bundle';
import { type BundleRound, type BundleTemplate, resultsProblem } from '../../../shared/domain/bundle-results';
import { cprProblems } from '../../../shared/domain/cpr-guard';
import { formatDanishPeriod } from '../../../shared/domain/dates';
import { PATH_SEPARATOR } from '../../../shared/domain/enhed';
import { scoredQuestions } from '../../../shared/domain/results';
import type { TemplateContent } from '../../../shared/domain/template';
import { validateTemplateContent } from '../../../shared/domain/template-validation';

/**
 * What a resultatpakke's rounds must be before anything of them is stored (issue #15): rounds of the file that made
 * the pakke (or sent on by it), numbers that add up as Tilsyn reckons them, krav that are the template's, templates
 * that could be published here, and no CPR-like number anywhere, also split over two fields or two levels of an
 * enhed. Each refusal names the round or template it is about. The pakke's hashes guard against damage on the way;
 * these checks keep a pakke written by hand (or by another program) from storing what Tilsyn never would.
 */

const refuse = (fileName: string, why: string) =>
  new ApiError('VALIDATION', `»${fileName}« kan ikke indlæses: ${why} Pakken er ændret eller beskadiget.`);

/** »runden Team Nord 01.01.2026–31.03.2026«: how a refusal names a round. */
export const roundName = (r: Pick<BundleRound, 'enhed' | 'periodeFra' | 'periodeTil'>) =>
  `runden ${r.enhed.map((e) => e.navn).join(PATH_SEPARATOR)} ${formatDanishPeriod(r.periodeFra, r.periodeTil)}`;

/** A template as it came: content that could be published here, or a refusal with its first problem. */
export function checkTemplate(fileName: string, t: BundleTemplate): TemplateContent {
  const { content, issues } = validateTemplateContent(t.indhold);
  if (!content || issues.length > 0)
    throw new ApiError(
      'VALIDATION',
      `»${fileName}« kan ikke indlæses: skabelonen »${t.navn}« er ikke gyldig (${issues[0]?.message ?? 'ukendt fejl'}).`,
    );
  return content;
}

export function checkRounds(
  fileName: string,
  manifest: BundleManifest,
  rounds: readonly BundleRound[],
  templates: ReadonlyMap<string, { t: BundleTemplate; content: TemplateContent }>,
): void {
  const uids = new Set<string>();
  const kravOf = new Map<string, string>();
  for (const r of rounds) {
    const name = roundName(r);
    if (uids.has(r.uid)) throw refuse(fileName, `${name} står der to gange.`);
    uids.add(r.uid);
    if (!r.videresendt && !r.uid.startsWith(`${manifest.kilde.filId}:`))
      throw refuse(fileName, `${name} er ikke lavet i den fil, pakken siger, den kommer fra.`);
    const content = templates.get(r.skabelon)?.content;
    if (!content) throw refuse(fileName, `skabelonen til ${name} mangler.`);
    const problem = resultsProblem(r.resultater);
    if (problem) throw refuse(fileName, `i ${name}: ${problem}.`);
    // Rounds of one pakke share their template and afsnit: its krav are reckoned once.
    const kravKey = `${r.skabelon}:${JSON.stringify(r.afsnit)}`;
    let krav = kravOf.get(kravKey);
    if (krav === undefined) {
      krav = JSON.stringify(
        scoredQuestions(content, r.afsnit).map((q) => ({
          key: q.question.key,
          number: q.number,
          text: q.question.text,
          sectionKey: q.sectionKey,
          sectionTitle: q.sectionTitle,
          category: q.question.category,
        })),
      );
      kravOf.set(kravKey, krav);
    }
    const carried = r.resultater.measures.map(({ key, number, text, sectionKey, sectionTitle, category }) => ({
      key,
      number,
      text,
      sectionKey,
      sectionTitle,
      category,
    }));
    if (krav !== JSON.stringify(carried)) throw refuse(fileName, `kravene i ${name} er ikke skabelonens.`);
  }
  // The texts that are stored, with their neighbours: the enhed's path read as one line, the kommune's names, the
  // templates as a template is checked where it is written. Ids and members' names are not texts (a uuid may hold
  // ten digits in a row); the results' texts were found above to be the template's own, checked with it.
  const texts = {
    kilde: [manifest.kilde.kommune, manifest.kilde.forvaltning],
    rounds: rounds.map(({ uid: _u, skabelon: _s, resultater: _r, ...r }) => ({
      ...r,
      sti: r.enhed.map((e) => e.navn),
    })),
    templates: [...templates.values()].map(({ t: { uid: _u, ...t } }) => t),
  };
  if (cprProblems(texts).length > 0)
    throw new ApiError('VALIDATION', `»${fileName}« indeholder noget, der ligner et CPR-nummer, og indlæses ikke.`);
}
