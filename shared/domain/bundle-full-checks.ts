import type { FullSag, FullTilsyn } from './bundle-full';
import { type AnswerRecord, answerValueProblem, type ReviewContext } from './review';
import { reviewProgress } from './review-progress';
import type { TemplateContent } from './template';

/**
 * What a fuld pakke's tilsyn must be before anything of it is stored (issue #15): rows that hang together as Tilsyn
 * keeps them, and answers, findings and sager that fit the template the way the review leaves them. A pakke written
 * by hand (or by another program) is checked as strictly as one Tilsyn made. Each problem is said in Danish.
 */

/** Why rows of a tilsyn do not hang together (a sag twice, a spare replacing no sag, ...), or null. In Danish. */
export function fullProblem(t: FullTilsyn): string | null {
  const population = new Set<string>();
  for (const p of t.population?.sager ?? []) {
    if (population.has(p.sagsnummer)) return `sagslisten har sag ${p.sagsnummer} to gange`;
    population.add(p.sagsnummer);
  }
  const sager = new Set(t.sager.map((s) => s.sagsnummer));
  if (sager.size !== t.sager.length) return 'en sag står der to gange';
  if (t.sager.length > 0 && !t.stikproeve) return 'tilsynet har sager, men ingen stikprøve';
  if (t.stikproeve && !t.population) return 'tilsynet har en stikprøve, men ingen sagsliste';
  const excluded = new Set(t.sager.filter((s) => s.status === 'udgaaet').map((s) => s.sagsnummer));
  for (const s of t.sager) {
    if (s.population !== null && !population.has(s.population))
      return `sag ${s.sagsnummer} er trukket fra en sag, der ikke er på sagslisten`;
    if (s.erstatter !== null && (s.rolle !== 'udvalgt' || s.erstatter === s.sagsnummer || !excluded.has(s.erstatter)))
      return `sag ${s.sagsnummer} erstatter en sag, der ikke er udgået af stikprøven`;
    if ((s.status === 'udgaaet') !== (s.udgaaetAarsag !== null)) return `sag ${s.sagsnummer} er udgået uden en årsag`;
    if (t.tilsyn.form !== 'selvevaluering_foerst' && s.svar.some((a) => a.rolle === 'sagsbehandler'))
      return `sag ${s.sagsnummer} har sagsbehandlerens egne svar, men tilsynet er ikke en selvevaluering`;
    const answered = new Set(s.svar.map((a) => `${a.rolle}:${a.spoergsmaal}`));
    if (answered.size !== s.svar.length) return `sag ${s.sagsnummer} har det samme svar to gange`;
  }
  const second = t.andenGennemgang;
  if (
    second?.sager.some((n) => !sager.has(n) || excluded.has(n)) ||
    second?.moderering.some((m) => !second.sager.includes(m.sagsnummer))
  )
    return 'den anden gennemgang nævner en sag, der ikke er i stikprøven';
  if (new Set(t.vurderinger.map((v) => v.spoergsmaal)).size !== t.vurderinger.length)
    return 'et krav har to vurderinger';
  if (new Set(t.afsendelser.map((a) => a.sha256)).size !== t.afsendelser.length)
    return 'den samme udvalgsrapport står der to gange';
  if (t.afsendelser.filter((a) => a.gaeldende).length > 1) return 'to udvalgsrapporter er begge den gældende';
  if (t.tilsyn.status === 'afsluttet' && !t.tilsyn.afsluttetDato) return 'tilsynet er afsluttet uden en dato';
  const approval = t.godkendelse;
  if (approval?.gyldig && (t.tilsyn.status !== 'afsluttet' || !approval.godkendtAf || !approval.godkendtTid))
    return 'tilsynet er godkendt uden at være afsluttet';
  if (approval?.gyldig) {
    // An approval holds only as Tilsyn gives it: logged after the latest locking, with no comment left open.
    const locked = t.log.map((l) => l.art).lastIndexOf('afsluttet');
    const approved = t.log.findIndex((l, i) => i > locked && l.art === 'kvalitet' && l.hvad === 'Runden er godkendt');
    if (locked < 0 || approved < 0) return 'godkendelsen står ikke i tilsynets log efter afslutningen';
    if (t.sager.some((s) => s.kommentarer.some((k) => k.loestAf === null)))
      return 'tilsynet er godkendt med en åben kommentar';
  }
  if (
    t.tilsyn.status === 'afsluttet' &&
    t.sager.some((s) => s.rolle === 'udvalgt' && s.status !== 'udgaaet' && s.status !== 'faerdig')
  )
    return 'tilsynet er afsluttet, men ikke alle sager er færdige';
  if (t.tilsyn.status !== 'afsluttet' && t.afsendelser.some((a) => a.gaeldende))
    return 'tilsynet er ikke afsluttet, men har en gældende udvalgsrapport';
  return null;
}

/** Why the tilsyn does not fit its template (an answer to a question it does not have, ...), or null. In Danish. */
export function fullTemplateProblem(t: FullTilsyn, content: TemplateContent): string | null {
  const byKey = new Map(content.sections.flatMap((s) => s.questions.map((q) => [q.key, q] as const)));
  const questions = new Set(byKey.keys());
  const sections = new Set(content.sections.map((s) => s.key));
  const afsnit = t.tilsyn.afsnitValg === null ? [] : (JSON.parse(t.tilsyn.afsnitValg) as string[]);
  if (afsnit.some((a) => !sections.has(a))) return 'tilsynet har et afsnit, skabelonen ikke har';
  const foreign = (key: string | null) => key !== null && !questions.has(key);
  for (const s of t.sager) {
    if (
      s.svar.some((a) => foreign(a.spoergsmaal)) ||
      [...s.fund, ...s.handlinger, ...s.kommentarer].some((x) => foreign(x.spoergsmaal))
    )
      return `sag ${s.sagsnummer} har et svar eller punkt til et spørgsmål, skabelonen ikke har`;
    if (s.status === 'faerdig') {
      const missing = reviewProgress(reviewContextOf(t, s, content)).missing.length;
      if (missing > 0) return `sag ${s.sagsnummer} er færdig, men mangler svar`;
    }
    for (const a of s.svar) {
      const q = byKey.get(a.spoergsmaal);
      const problem = q && answerValueProblem(q, a.vaerdi);
      if (problem)
        return `sag ${s.sagsnummer} har et svar, skabelonen ikke kender (${problem.replace(/\.$/, '').toLowerCase()})`;
    }
  }
  if (t.andenGennemgang?.moderering.some((m) => foreign(m.spoergsmaal)))
    return 'en moderering hører til et spørgsmål, skabelonen ikke har';
  if (t.vurderinger.some((v) => foreign(v.spoergsmaal)) || t.refleksioner.some((r) => foreign(r.spoergsmaal)))
    return 'en vurdering eller et refleksionsspørgsmål hører til et spørgsmål, skabelonen ikke har';
  return null;
}

/** A sag of the pakke as the review reckons it: the leader's answers, the sag's dates over the sagsliste's. */
function reviewContextOf(t: FullTilsyn, s: FullSag, content: TemplateContent): ReviewContext {
  const listed = t.population?.sager.find((p) => p.sagsnummer === s.population);
  const answers = Object.fromEntries(
    s.svar
      .filter((a) => a.rolle === 'leder')
      .map((a) => [
        a.spoergsmaal,
        {
          value: a.vaerdi ?? undefined,
          note: a.note,
          reason: a.begrundelse,
          override: a.tilsidesat ? (JSON.parse(a.tilsidesat) as AnswerRecord['override']) : undefined,
        },
      ]),
  );
  return {
    content,
    sectionKeys: t.tilsyn.afsnitValg === null ? null : (JSON.parse(t.tilsyn.afsnitValg) as string[]),
    sagstype: listed?.sagstype ?? '',
    answers,
    dates: {
      ...(listed ? (JSON.parse(listed.datoer) as Record<string, string>) : {}),
      ...(JSON.parse(s.datoer) as Record<string, string>),
    },
  };
}
