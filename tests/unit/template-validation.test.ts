import { describe, expect, it } from 'vitest';
import { isNegative, scoreAnswer } from '../../shared/domain/scoring';
import { JND_OPTIONS, type QuestionInput, questionSchema } from '../../shared/domain/template';
import { validateTemplateContent } from '../../shared/domain/template-validation';

const jnd = (key: string, extra: Partial<QuestionInput> = {}): QuestionInput => ({
  key,
  text: `Spørgsmål ${key}`,
  category: 'lovmedholdelighed',
  answerType: 'jnd',
  options: JND_OPTIONS,
  ...extra,
});
const frist = (extra: Partial<QuestionInput> = {}): QuestionInput => ({
  key: 'bfu.frist',
  text: 'Er den børnefaglige undersøgelse afsluttet inden for 4 måneder?',
  category: 'lovmedholdelighed',
  answerType: 'frist',
  frist: { fra: 'opmaerksomhed', til: 'bfu_afsluttet', graense: 4, enhed: 'maaneder' },
  ...extra,
});
const dateFields = [
  { key: 'opmaerksomhed', label: 'Opmærksomhed' },
  { key: 'bfu_afsluttet', label: 'BFU afsluttet' },
];
const messages = (sections: unknown[], extra = {}) =>
  validateTemplateContent({ dateFields, sections, ...extra }).issues.map((i) => i.message);
const one = (questions: QuestionInput[], extraSection = {}) => [
  { key: 's', title: 'Afsnit', questions, ...extraSection },
];

describe('template validation', () => {
  it('accepts a sound template', () => {
    expect(
      messages(one([jnd('a'), frist(), jnd('b', { rules: [{ type: 'svar', question: 'a', anyOf: ['ja'] }] })])),
    ).toEqual([]);
  });

  it('refuses »constructor« as the key of a question, an afsnit or a date (every object has one)', () => {
    const refused = '»constructor« kan ikke bruges som nøgle. Vælg en anden.';
    expect(messages(one([jnd('constructor')]))).toContain(refused);
    expect(messages([{ key: 'constructor', title: 'Afsnit', questions: [jnd('a')] }])).toContain(refused);
    expect(messages(one([jnd('a')]), { dateFields: [{ key: 'constructor', label: 'Dato' }] })).toContain(refused);
    expect(messages(one([jnd('constructor.plan'), jnd('konstruktor')]))).toEqual([]);
  });

  it('refuses an empty question text, with its place', () => {
    const result = validateTemplateContent({ sections: one([jnd('a', { text: '  ' })]) });
    expect(result.issues).toEqual([{ path: ['sections', 0, 'questions', 0, 'text'], message: 'Skriv spørgsmålet' }]);
  });

  it('refuses a duplicate key', () => {
    expect(messages(one([jnd('a'), jnd('a')]))).toEqual(['Nøglen »a« bruges af et andet spørgsmål']);
  });

  it('refuses a key with spaces or capitals', () => {
    expect(messages(one([jnd('BFU frist')]))[0]).toMatch(/Nøglen må kun indeholde små bogstaver/);
  });

  it('refuses a frist without a limit', () => {
    const { frist: _, ...noFrist } = frist();
    expect(messages(one([noFrist as QuestionInput]))).toEqual([
      'Et fristspørgsmål skal have en frist (datoer og længde)',
    ]);
  });

  it('refuses a frist on a date the template does not have', () => {
    expect(
      messages(one([frist({ frist: { fra: 'opmaerksomhed', til: 'plan', graense: 3, enhed: 'maaneder' } })])),
    ).toEqual(['Datofeltet »plan« findes ikke i skabelonen']);
  });

  it('refuses a rule naming a question that does not exist', () => {
    expect(messages(one([jnd('a', { rules: [{ type: 'svar', question: 'findes-ikke', anyOf: ['ja'] }] })]))).toEqual([
      'Reglen henviser til spørgsmålet »findes-ikke«, som ikke findes',
    ]);
  });

  it('refuses a rule naming an answer the question does not offer', () => {
    expect(
      messages(one([jnd('a'), jnd('b', { rules: [{ type: 'svar', question: 'a', anyOf: ['maaske'] }] })])),
    ).toEqual(['Spørgsmålet »a« har ikke svarmuligheden »maaske«']);
  });

  it('refuses a cycle in rules', () => {
    const cyc = one([
      jnd('a', { rules: [{ type: 'svar', question: 'b', anyOf: ['ja'] }] }),
      jnd('b', { rules: [{ type: 'svar', question: 'a', anyOf: ['ja'] }] }),
    ]);
    expect(messages(cyc)).toEqual(['Reglerne danner en ring: »a« → »b« → »a«']);
  });

  it('refuses a question that depends on itself, and an afsnit that depends on its own question', () => {
    expect(messages(one([jnd('a', { rules: [{ type: 'svar', question: 'a', anyOf: ['ja'] }] })]))).toEqual([
      'Et spørgsmål kan ikke afhænge af sit eget svar',
    ]);
    expect(messages(one([jnd('a')], { rules: [{ type: 'svar', question: 'a', anyOf: ['ja'] }] }))).toEqual([
      'Et afsnit kan ikke afhænge af et svar i afsnittet selv',
    ]);
  });

  it('refuses a choice question with fewer than two options, and a target outside 0-100', () => {
    expect(messages(one([jnd('a', { options: [JND_OPTIONS[0]!] })]))).toEqual(['Angiv mindst to svarmuligheder']);
    expect(messages(one([jnd('a', { target: 120 })]))).toEqual(['Måltallet skal være mellem 0 og 100']);
  });

  it('refuses a date rule on a date the template lacks, one that ends before it starts, and a non-date', () => {
    const rule = (extra: object) => [{ type: 'dato', felt: 'opmaerksomhed', kilde: 'Lov nr. 1', ...extra }];
    expect(messages(one([jnd('a', { rules: rule({ fra: '2024-01-01', foer: '2026-07-01' }) as never })]))).toEqual([]);
    expect(messages(one([jnd('a', { rules: rule({ felt: 'ledighed', fra: '2024-01-01' }) as never })]))).toEqual([
      'Reglen henviser til datofeltet »ledighed«, som ikke findes i skabelonen',
    ]);
    expect(messages(one([jnd('a', { rules: rule({ fra: '2026-07-01', foer: '2026-07-01' }) as never })]))).toEqual([
      'Reglens slutdato skal ligge efter dens startdato',
    ]);
    expect(messages(one([jnd('a', { rules: rule({ fra: '2026-02-30' }) as never })]))).toEqual([
      'Datoen findes ikke i kalenderen',
    ]);
    expect(messages(one([jnd('a', { rules: rule({ foer: '1.7.2026' }) as never })]))).toEqual([
      'Skriv datoen som dd.mm.åååå',
    ]);
  });

  it('refuses two earlier rules ending the same day, a misspelt rule, and a template too large to evaluate', () => {
    const earlier = (foer: string, graense: number) => ({ foer, graense, enhed: 'uger' as const, kilde: 'SEL' });
    const twice = frist({
      frist: {
        fra: 'opmaerksomhed',
        til: 'bfu_afsluttet',
        graense: 4,
        enhed: 'maaneder',
        tidligereRegler: [earlier('2024-01-01', 2), earlier('2024-01-01', 8)],
      },
    });
    expect(messages(one([twice]))).toEqual(['To tidligere regler gælder før samme dag: ret eller fjern den ene']);
    expect(messages(one([jnd('a', { rules: [{ type: 'dag' }] as never })]))).toEqual([
      'Vælg en betingelse: sagstype, et andet svar eller en dato',
    ]);
    // A chain of rules through 2,000 questions once ran the review out of stack: a skabelon holds at most 1,000.
    const chain = Array.from({ length: 1001 }, (_, i) =>
      jnd(`c${i}`, i ? { rules: [{ type: 'svar', question: `c${i - 1}`, anyOf: ['ja'] }] } : {}),
    );
    expect(messages(one(chain))).toEqual(['Skabelonen må højst have 1000 spørgsmål']);
  });

  it('refuses a template without sections', () => {
    expect(messages([])).toEqual(['Skabelonen har ingen afsnit']);
  });
});

describe('scoring answers', () => {
  const question = questionSchema.parse(jnd('a'));

  it('counts each option as the template says', () => {
    expect(scoreAnswer(question, { value: 'ja' }).outcome).toBe('opfyldt');
    expect(scoreAnswer(question, { value: 'nej' }).outcome).toBe('ikke_opfyldt');
    expect(scoreAnswer(question, { value: 'delvist' }).outcome).toBe('delvist');
    expect(scoreAnswer(question, { value: 'ikke_relevant' }).outcome).toBe('udeladt');
    expect(scoreAnswer(question, undefined).outcome).toBeUndefined();
  });

  it('uses a scale’s own outcomes', () => {
    const skala = questionSchema.parse({
      ...jnd('kvalitet'),
      answerType: 'skala',
      options: [
        { value: '1', label: 'I meget ringe grad', outcome: 'ikke_opfyldt' },
        { value: '2', label: 'I ringe grad', outcome: 'ikke_opfyldt' },
        { value: '3', label: 'I høj grad', outcome: 'delvist' },
        { value: '4', label: 'I meget høj grad', outcome: 'opfyldt' },
      ],
    });
    expect(scoreAnswer(skala, { value: '3' }).outcome).toBe('delvist');
  });

  it('computes a frist from the dates, and lets the reviewer override it', () => {
    const q = questionSchema.parse(frist());
    const dates = { opmaerksomhed: '2026-01-10', bfu_afsluttet: '2026-06-01' };
    expect(scoreAnswer(q, undefined, dates).outcome).toBe('ikke_opfyldt');
    expect(
      scoreAnswer(q, { override: { outcome: 'opfyldt', reason: 'Foreløbig vurdering inden fristen' } }, dates).outcome,
    ).toBe('opfyldt');
    expect(scoreAnswer(q, undefined, { opmaerksomhed: '2026-01-10' }).outcome).toBeUndefined();
  });

  it('does not score free text and dates', () => {
    expect(
      scoreAnswer(questionSchema.parse({ ...jnd('t'), answerType: 'tekst', options: [] }), { value: 'x' }),
    ).toEqual({});
  });

  it('asks for a reason on ikke opfyldt and delvist only', () => {
    expect([isNegative('ikke_opfyldt'), isNegative('delvist'), isNegative('opfyldt'), isNegative('udeladt')]).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
});
