import type { ApiClient } from '../../shared/api/client';
import { addDays, partsOfYear, todayIso } from '../../shared/domain/dates';
import { applicableQuestions } from '../../shared/domain/rules';
import type { Question } from '../../shared/domain/template';

/**
 * The example file of the first start (issue #17): a made-up team with one afsluttet round and one under way, so a
 * leader can look around every screen before her own first tilsyn. It lives in a file of its own, opened through
 * the database switch: made-up tilsyn in her own file would count in her årshjul, coverage and pakker. Every name
 * and number in it is plainly made up (»Rådgiver A«, »EKS-…«).
 */
export const EXAMPLE_FILE_NAME = 'tilsyn-eksempel.db';

const CASEWORKERS = ['Rådgiver A', 'Rådgiver B', 'Rådgiver C', 'Rådgiver D'];
const TYPES = ['Underretning', '§ 32 Støtte', 'Anbringelse'];
const SAGER = 24;
const SAMPLE = 8;

/** The made-up sagsliste of a round, as a CSV a leader would import. */
function caseList(round: number, from: string): string {
  const rows = Array.from({ length: SAGER }, (_, i) => {
    const n = String(round * 100 + i + 1).padStart(3, '0');
    return [`EKS-${n}`, TYPES[i % TYPES.length], CASEWORKERS[i % CASEWORKERS.length], addDays(from, i * 3)].join(';');
  });
  return ['Sagsnummer;Sagstype;Sagsbehandler;Modtaget', ...rows].join('\r\n');
}

/** One answer in eight is not met, always the same ones, so the results have something to say. */
function answerOf(q: Question, sag: number, index: number): { value: string; reason: string } | undefined {
  const met = q.options.find((o) => o.outcome === 'opfyldt') ?? q.options[0];
  const notMet = q.options.find((o) => o.outcome === 'ikke_opfyldt');
  const option = notMet && (sag * 5 + index * 3) % 8 === 0 ? notMet : met;
  if (!option) return undefined;
  return { value: option.value, reason: option === met ? '' : 'Eksempel: står ikke i journalen.' };
}

async function reviewSag(api: ApiClient, sagId: number, sag: number, date: string): Promise<void> {
  let review = await api.call('gennemgang.sag', { sagId });
  for (const field of review.content.dateFields)
    await api.call('gennemgang.dato', { sagId, key: field.key, date: addDays(date, 10) });
  // Answers make more questions apply: answer until nothing new comes.
  for (let pass = 0; pass < 5; pass++) {
    review = await api.call('gennemgang.sag', { sagId });
    const given = Object.fromEntries(Object.entries(review.answers).map(([k, a]) => [k, a.value]));
    const open = applicableQuestions(
      review.content,
      { sagstype: review.sag.sagstype, answers: given, dates: review.dates },
      review.sectionKeys ?? undefined,
    )
      .flatMap((s) => s.questions)
      .filter((q) => q.answerType !== 'frist' && q.answerType !== 'tekst' && !given[q.key]);
    if (open.length === 0) break;
    for (const [index, q] of open.entries()) {
      const answer = answerOf(q, sag, index);
      if (answer) await api.call('gennemgang.svar', { sagId, key: q.key, ...answer });
    }
  }
  if (sag % 3 === 0)
    await api.call('gennemgang.fund', {
      sagId,
      kind: 'styrke',
      text: 'Barnets egne ord står tydeligt i samtalenotatet.',
      questionKey: null,
    });
  if (sag % 4 === 1)
    await api.call('gennemgang.fund', {
      sagId,
      kind: 'laeringspunkt',
      text: 'Husk at skrive, hvornår forældrene er partshørt.',
      questionKey: null,
    });
  await api.call('gennemgang.faerdig', { sagId });
}

/** Fills a new, empty file with the example: an afdeling and a team, last quarter's round afsluttet, this one begun. */
export async function fillExample(api: ApiClient, today = todayIso()): Promise<void> {
  await api.call('indstillinger.gem', {
    kommune: 'Eksempel Kommune',
    forvaltning: 'Børn og Familie',
    logo: null,
    minCell: 3,
  });
  const afdeling = await api.call('enheder.opret', { navn: 'Eksempelafdelingen', niveau: 'afdeling' });
  const team = await api.call('enheder.opret', { navn: 'Eksempelteam', niveau: 'team', foraelderId: afdeling.id });
  const templates = await api.call('skabelon.list', {});
  const template = templates.find((t) => t.name === 'Børn og unge – overordnet') ?? templates[0];
  const versionId = template?.versions.find((v) => v.status === 'publiceret')?.id ?? 1;
  const year = Number(today.slice(0, 4));
  const quarters = [...partsOfYear(year - 1, 3), ...partsOfYear(year, 3)].filter((q) => q.fra <= today);
  const [last, now] = quarters.slice(-2);
  for (const [round, period] of [last, now].entries()) {
    if (!period) continue;
    const finished = round === 0;
    const tilsyn = await api.call('tilsyn.create', {
      titel: `Eksempel: løbende tilsyn ${period.fra.slice(0, 4)}, ${Math.floor(Number(period.fra.slice(5, 7)) / 3) + 1}. kvartal`,
      periodeFra: period.fra,
      periodeTil: period.til,
      enhed: team.navn,
      enhedId: team.id,
      form: 'ledelseskontrol',
      formaal: 'Et eksempel med opdigtede sager: se, hvordan et tilsyn går fra sagsliste til rapport.',
      fokus: 'Børnesamtaler og partshøring',
      skabelonVersionId: versionId,
      afsnit: null,
    });
    const file = {
      tilsynId: tilsyn.id,
      fileName: 'eksempel-sagsliste.csv',
      dataBase64: Buffer.from(caseList(round + 1, period.fra), 'utf8').toString('base64'),
    };
    const preview = await api.call('population.preview', file);
    await api.call('population.import', { ...file, headerRow: preview.headerRow, mapping: preview.mapping });
    const sample = await api.call('stikproeve.draw', {
      tilsynId: tilsyn.id,
      spec: { method: 'simpel', size: SAMPLE, seed: 7, spares: 2 },
      drawnBy: 'Eksempel-leder',
    });
    const sager = sample.sager.filter((s) => s.role === 'udvalgt');
    // The round under way has three sager reviewed; the afsluttet one all of them.
    for (const [i, sag] of sager.slice(0, finished ? sager.length : 3).entries())
      await reviewSag(api, sag.id, i + round * SAMPLE, period.fra);
    if (finished) await api.call('tilsyn.afslut', { tilsynId: tilsyn.id, navn: 'Eksempel-leder', dato: period.til });
  }
}
