import { describe, expect, it } from 'vitest';
import { applicableQuestions, findRuleCycles } from '../../shared/domain/rules';
import { JND_OPTIONS, type TemplateContentInput, templateContentSchema } from '../../shared/domain/template';

const q = (key: string, rules: TemplateContentInput['sections'][number]['rules'] = [], extra = {}) => ({
  key,
  text: `Spørgsmål ${key}`,
  category: 'lovmedholdelighed' as const,
  answerType: 'jnd' as const,
  options: JND_OPTIONS,
  rules,
  ...extra,
});

const content = templateContentSchema.parse({
  sections: [
    {
      key: 'afgoerelse',
      title: 'Afgørelse',
      questions: [
        q('anbragt'),
        q('anbragt.plan', [{ type: 'svar', question: 'anbragt', anyOf: ['ja'] }]),
        q('anbragt.plan.maal', [{ type: 'svar', question: 'anbragt.plan', anyOf: ['ja', 'delvist'] }]),
        q('partshoering'),
      ],
    },
    {
      key: 'ungeplan',
      title: 'Ungeplan',
      rules: [{ type: 'sagstype', anyOf: ['Ung 15-17 år'] }],
      questions: [q('ungeplan.udarbejdet')],
    },
    { key: 'gammelt', title: 'Udgået afsnit', active: false, questions: [q('gammel')] },
    {
      key: 'opfoelgning',
      title: 'Opfølgning',
      questions: [q('opf.rettidig'), q('opf.inaktiv', [], { active: false })],
    },
  ],
});

const keys = (sagstype: string | undefined, answers: Record<string, string>, sections?: string[]) =>
  applicableQuestions(content, { sagstype, answers }, sections).flatMap((s) => s.questions.map((x) => x.key));

describe('applicability rules', () => {
  it('hides questions that depend on an unanswered question', () => {
    expect(keys('Barn', {})).toEqual(['anbragt', 'partshoering', 'opf.rettidig']);
  });

  it('shows a question when another answer has the named value', () => {
    expect(keys('Barn', { anbragt: 'ja' })).toContain('anbragt.plan');
    expect(keys('Barn', { anbragt: 'nej' })).not.toContain('anbragt.plan');
  });

  it('hides the whole chain when the first answer changes', () => {
    const answers = { anbragt: 'ja', 'anbragt.plan': 'ja' };
    expect(keys('Barn', answers)).toContain('anbragt.plan.maal');
    // The plan answer is still stored, but it no longer applies, so neither does what depends on it.
    expect(keys('Barn', { ...answers, anbragt: 'nej' })).not.toContain('anbragt.plan.maal');
  });

  it('applies an afsnit only to the named case types, ignoring case and spaces', () => {
    expect(keys('ung 15-17 år ', {})).toContain('ungeplan.udarbejdet');
    expect(keys('Barn', {})).not.toContain('ungeplan.udarbejdet');
    expect(keys(undefined, {})).not.toContain('ungeplan.udarbejdet');
  });

  it('never shows inactive sections or questions', () => {
    expect(keys('Barn', {})).not.toContain('gammel');
    expect(keys('Barn', {})).not.toContain('opf.inaktiv');
  });

  it('narrows a tematiseret tilsyn to the chosen afsnit', () => {
    expect(keys('Barn', {}, ['opfoelgning'])).toEqual(['opf.rettidig']);
  });

  it('keeps template order', () => {
    expect(keys('Ung 15-17 år', { anbragt: 'ja' })).toEqual([
      'anbragt',
      'anbragt.plan',
      'partshoering',
      'ungeplan.udarbejdet',
      'opf.rettidig',
    ]);
  });
});

describe('rule cycles', () => {
  it('finds none in a chain', () => {
    expect(findRuleCycles(content)).toEqual([]);
  });

  it('finds a loop between questions', () => {
    const looped = templateContentSchema.parse({
      sections: [
        {
          key: 's',
          title: 'S',
          questions: [
            q('a', [{ type: 'svar', question: 'c', anyOf: ['ja'] }]),
            q('b', [{ type: 'svar', question: 'a', anyOf: ['ja'] }]),
            q('c', [{ type: 'svar', question: 'b', anyOf: ['ja'] }]),
          ],
        },
      ],
    });
    expect(findRuleCycles(looped)).toEqual([['a', 'c', 'b', 'a']]);
    // Questions caught in a loop never apply, rather than hanging the review.
    expect(applicableQuestions(looped, { answers: { a: 'ja', b: 'ja', c: 'ja' } })).toEqual([]);
  });
});
