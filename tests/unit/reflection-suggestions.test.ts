import { describe, expect, it } from 'vitest';
import {
  missedMeasures,
  reflectionQuestion,
  reflectionSuggestions,
  rewriteQuestion,
} from '../../electron/backend/services/reflection-suggestions';
import { DEFAULT_TEMPLATES } from '../../electron/backend/skabeloner';
import { identifyingPassages } from '../../shared/domain/publication';
import { computeResults, type ResultSag } from '../../shared/domain/results';
import type { AnswerRecord } from '../../shared/domain/review';
import { type Question, templateContentSchema } from '../../shared/domain/template';

const templates = DEFAULT_TEMPLATES.map((t) => ({ id: t.id, content: templateContentSchema.parse(t.content) }));
const allQuestions = new Map<string, Question>();
for (const t of templates)
  for (const s of t.content.sections)
    for (const q of s.questions) if (!allQuestions.has(q.key)) allQuestions.set(q.key, q);

/** A question of the shipped templates, by key: the tests use the real texts. */
function real(key: string): Question {
  const q = allQuestions.get(key);
  if (!q) throw new Error(`no question ${key}`);
  return q;
}

describe('reflectionQuestion', () => {
  it('turns the brief\'s example into "Hvordan sikrer vi, at barnets plan bliver opdateret rettidigt?"', () => {
    expect(
      reflectionQuestion({ text: 'Er barnets plan opdateret inden for 6 måneder?', category: 'lovmedholdelighed' }),
    ).toBe('Hvordan sikrer vi, at barnets plan bliver opdateret rettidigt?');
  });

  it.each([
    ['opfoelgning.maalopfyldelse', 'Hvordan får vi mere fokus på målopfyldelsen i vores sagsopfølgning?'],
    ['barnets-plan.frist', 'Hvordan sikrer vi, at barnets plan bliver udarbejdet rettidigt?'],
    ['bfu.frist', 'Hvordan sikrer vi, at den børnefaglige undersøgelse bliver afsluttet rettidigt?'],
    ['underretning.frist', 'Hvordan sikrer vi, at underretningen bliver vurderet rettidigt?'],
    ['afgoerelse.partshoering', 'Hvordan sikrer vi, at der bliver foretaget partshøring før afgørelsen?'],
    ['boernesamtale.afholdt', 'Hvordan sikrer vi, at der bliver talt med barnet, før der bliver truffet afgørelse?'],
    ['bfu.skole-dagtilbud', 'Hvordan sikrer vi, at barnets forhold i skole eller dagtilbud bliver belyst?'],
    ['bfu.ressourcer-behov', 'Hvordan sikrer vi, at undersøgelsen beskriver både barnets ressourcer og barnets behov?'],
    [
      'opfoelgning.plan',
      'Hvordan sikrer vi, at der efter første opfølgning bliver lagt en begrundet plan for den videre opfølgning?',
    ],
    [
      'samtaler.rettidighed',
      'Hvordan sikrer vi, at borgerens samtaler med jobcenteret bliver holdt rettidigt i den gennemgåede periode?',
    ],
    ['rehabilitering.frist', 'Hvordan sikrer vi, at sagen bliver behandlet i rehabiliteringsteamet rettidigt?'],
    ['plan.borger-inddraget', 'Hvordan sikrer vi, at planen afspejler borgerens egne ønsker og forudsætninger?'],
    [
      'boernesamtale.tillagt-vaegt',
      'Hvordan kan vi vise tydeligere, hvordan barnets synspunkter har påvirket vores vurdering og afgørelse?',
    ],
    [
      'samlet.faglig-vurdering',
      'Hvordan kan vi gøre vores faglige vurderinger tydeligere og bedre underbygget af sagens oplysninger?',
    ],
  ])('%s → %s', (key, expected) => {
    expect(reflectionQuestion(real(key))).toBe(expected);
  });

  it('does not rewrite a sentence whose shape is unsafe, and quotes the requirement instead', () => {
    // Two clauses joined by "og er": a rewrite would break the sentence.
    const netvaerk = 'Er barnets fritid og netværk belyst, og er det vurderet, om netværket kan støtte barnet?';
    expect(rewriteQuestion(netvaerk)).toBeUndefined();
    // An adjective before the participle ("skriftlig og begrundet"): no subject to find.
    expect(rewriteQuestion('Er afgørelsen skriftlig og begrundet?')).toBeUndefined();
    expect(rewriteQuestion('Ved anbringelse: forelå planen?')).toBeUndefined();
    expect(
      reflectionQuestion({ text: 'Har borgeren fået svar på sin ansøgning?', category: 'lovmedholdelighed' }),
    ).toBe('Hvordan sikrer vi, at vi altid kan svare ja til »Har borgeren fået svar på sin ansøgning?«');
    expect(reflectionQuestion({ text: 'Har borgeren fået svar på sin ansøgning?', category: 'kvalitet' })).toBe(
      'Hvordan kan vi styrke vores praksis, så vi oftere kan svare ja til »Har borgeren fået svar på sin ansøgning?«',
    );
    expect(reflectionQuestion({ text: 'I hvilken grad er sagen velbeskrevet?', category: 'kvalitet' })).toBe(
      'Hvordan kan vi lykkes bedre med det, spørgsmålet handler om: »I hvilken grad er sagen velbeskrevet?«',
    );
    expect(reflectionQuestion({ text: 'Sagen er journaliseret på rette sted', category: 'proces' })).toBe(
      'Hvordan kan vi indrette vores arbejdsgange, så vi oftere kan svare ja til »Sagen er journaliseret på rette sted«?',
    );
  });

  it('gives every scored question of the shipped templates a well-formed "Hvordan …?" question', () => {
    for (const q of allQuestions.values()) {
      if (q.answerType === 'tekst' || q.answerType === 'dato') continue;
      const text = reflectionQuestion(q);
      expect(text, q.key).toMatch(/^Hvordan \p{Ll}/u);
      expect(text, q.key).toMatch(/\?«?$/);
      expect(text, q.key).not.toMatch(/ {2}| [,?]|\?\?|bliver (bliver|er)\b|\bat \p{Lu}/u);
      expect((text.match(/»/g) ?? []).length, q.key).toBe((text.match(/«/g) ?? []).length);
      // No leftover of a deadline phrase cut in half.
      expect(text, q.key).not.toMatch(/rettidigt (efter|senest)/);
    }
  });
});

const content = templates[0]?.content ?? templateContentSchema.parse({ sections: [] });
const jnd = (value: string): AnswerRecord => ({ value, note: '', reason: '' });
const sag = (sagsbehandler: string, answers: Record<string, string>): ResultSag => ({
  sagstype: 'Barn',
  sagsbehandler,
  team: 'Nord',
  status: 'faerdig',
  answers: Object.fromEntries(Object.entries(answers).map(([k, v]) => [k, jnd(v)])),
  dates: {},
});

describe('missedMeasures and reflectionSuggestions', () => {
  // Partshøring missed in 3 of 4 sager, klagevejledning in 1 of 4, journalisering met everywhere.
  const results = computeResults(content, null, [
    sag('Anne', {
      'afgoerelse.partshoering': 'nej',
      'afgoerelse.klagevejledning': 'ja',
      'journalisering.notatpligt': 'ja',
    }),
    sag('Anne', {
      'afgoerelse.partshoering': 'delvist',
      'afgoerelse.klagevejledning': 'nej',
      'journalisering.notatpligt': 'ja',
    }),
    sag('Bo', {
      'afgoerelse.partshoering': 'nej',
      'afgoerelse.klagevejledning': 'ja',
      'journalisering.notatpligt': 'ja',
    }),
    sag('Bo', {
      'afgoerelse.partshoering': 'ja',
      'afgoerelse.klagevejledning': 'ikke_relevant',
      'journalisering.notatpligt': 'ja',
    }),
  ]);

  it("lists the team's measures not fully met, most missed first, leaving out those met or never applicable", () => {
    const missed = missedMeasures(results, null);
    expect(missed.map((m) => [m.key, m.met, m.applicable, m.belowTarget])).toEqual([
      ['afgoerelse.partshoering', 1, 4, true],
      ['afgoerelse.klagevejledning', 2, 3, true],
    ]);
  });

  it("counts only a caseworker's own sager", () => {
    expect(missedMeasures(results, 'Anne').map((m) => [m.key, m.met, m.applicable])).toEqual([
      ['afgoerelse.partshoering', 0, 2],
      ['afgoerelse.klagevejledning', 1, 2],
    ]);
    expect(missedMeasures(results, 'Bo').map((m) => [m.key, m.met, m.applicable])).toEqual([
      ['afgoerelse.partshoering', 1, 2],
    ]);
    expect(missedMeasures(results, 'Ukendt')).toEqual([]);
  });

  it('turns them into questions linked to the question key', () => {
    expect(reflectionSuggestions(results, 'Bo')).toEqual([
      {
        questionKey: 'afgoerelse.partshoering',
        text: 'Hvordan sikrer vi, at der bliver foretaget partshøring før afgørelsen?',
      },
    ]);
    expect(reflectionSuggestions(results, null).map((s) => s.questionKey)).toEqual([
      'afgoerelse.partshoering',
      'afgoerelse.klagevejledning',
    ]);
  });

  it('asks each question once when two measures lead to the same one', () => {
    const twice = computeResults(content, null, [
      sag('Anne', {
        'barnets-plan.udarbejdet': 'ja',
        'barnets-plan.maal-konkrete': 'nej',
        'barnets-plan.maal-maalbare': 'lav',
      }),
    ]);
    const texts = reflectionSuggestions(twice, null).map((s) => s.text);
    expect(new Set(texts).size).toBe(texts.length);
  });
});

describe("the team note's texts in the publication check (nothing is replaced behind the leader's back)", () => {
  const known = { sagsbehandlere: ['Anne Holm', 'Bo Berg', ''], sagsnumre: ['2026-101', 'B-7'] };
  const found = (text: string) => identifyingPassages(text, known).map((p) => `${p.kind}:${p.text}`);
  it('shows names, lone first or last names, genitives and sagsnumre', () => {
    expect(found('Anne Holm mangler partshøring i sag 2026-101')).toEqual(['navn:Anne Holm', 'sagsnummer:2026-101']);
    expect(found('Annes plan og Bergs notat')).toEqual(['navn:Annes', 'navn:Bergs']);
    expect(found('Aftalt med Bo om sagsnr. B-7')).toEqual(['navn:Bo', 'sagsnummer:B-7']);
    expect(found('Se også journal 27.24.08-A00-125')).toEqual(['talraekke:27.24.08']);
  });
  it('leaves dates, ordinary words and numbers alone', () => {
    expect(found('Planen fra 01.03.2026 og 2026-03-01 er fin; 4 måneder, bolig, annexet')).toEqual([]);
  });
});
