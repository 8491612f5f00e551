import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applicableQuestions,
  dateInRule,
  dateRuleInWords,
  findRuleCycles,
  missingRuleDates,
} from '../../shared/domain/rules';
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

describe('rules of their time (a date rule)', () => {
  const BEFORE = { type: 'dato' as const, felt: 'start', foer: '2024-01-01', kilde: 'Lov A' };
  const FROM = { type: 'dato' as const, felt: 'start', fra: '2024-01-01', kilde: 'Lov A' };
  const dated = templateContentSchema.parse({
    dateFields: [{ key: 'start', label: 'Forløbet begyndte' }],
    sections: [
      {
        key: 's',
        title: 'S',
        questions: [q('gammel-regel', [BEFORE]), q('ny-regel', [FROM]), q('altid')],
      },
      { key: 'periode', title: '2024 og 2025', rules: [{ ...FROM, foer: '2026-01-01' }], questions: [q('i-perioden')] },
    ],
  });
  const shown = (dates: Record<string, string | undefined>) =>
    applicableQuestions(dated, { answers: {}, dates }).flatMap((s) => s.questions.map((x) => x.key));

  it('shows the rule in force on the sag’s date, the day of the change belonging to the new rule', () => {
    expect(shown({ start: '2023-12-31' })).toEqual(['gammel-regel', 'altid']);
    expect(shown({ start: '2024-01-01' })).toEqual(['ny-regel', 'altid', 'i-perioden']);
    expect(shown({ start: '2025-12-31' })).toEqual(['ny-regel', 'altid', 'i-perioden']);
    expect(shown({ start: '2026-01-01' })).toEqual(['ny-regel', 'altid']);
  });

  it('without the date shows neither rule, and says which date the review must ask for', () => {
    expect(shown({})).toEqual(['altid']);
    expect(missingRuleDates(dated, { answers: {}, dates: {} })).toEqual([{ key: 'start', label: 'Forløbet begyndte' }]);
    expect(missingRuleDates(dated, { answers: {}, dates: { start: '2024-05-01' } })).toEqual([]);
  });

  it('asks for no date that hides nothing (the question is hidden by another rule anyway)', () => {
    const chained = templateContentSchema.parse({
      dateFields: [{ key: 'start', label: 'Forløbet begyndte' }],
      sections: [
        {
          key: 's',
          title: 'S',
          questions: [q('anbragt'), q('plan', [{ type: 'svar', question: 'anbragt', anyOf: ['ja'] }, FROM])],
        },
      ],
    });
    expect(missingRuleDates(chained, { answers: { anbragt: 'nej' }, dates: {} })).toEqual([]);
    expect(missingRuleDates(chained, { answers: { anbragt: 'ja' }, dates: {} })).toHaveLength(1);
  });

  it('splits every date between a rule until a day and the rule from that day: never both, never neither', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }),
        fc.date({ min: new Date('1990-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }),
        (change, day) => {
          const iso = (d: Date) => d.toISOString().slice(0, 10);
          const until = dateInRule({ ...BEFORE, foer: iso(change) }, iso(day));
          const from = dateInRule({ ...FROM, fra: iso(change) }, iso(day));
          expect(until !== from).toBe(true);
        },
      ),
    );
  });

  it('says the period in Danish dates', () => {
    expect(dateRuleInWords({ ...FROM, foer: '2026-07-01' }, 'Ledigheden begyndte')).toBe(
      '»Ledigheden begyndte« fra 01.01.2024 og før 01.07.2026',
    );
    expect(dateRuleInWords(BEFORE, 'Forløbet begyndte')).toBe('»Forløbet begyndte« før 01.01.2024');
  });
});

describe('the largest skabelon allowed', () => {
  it('evaluates a chain of rules through all 1,000 questions without running out of stack', () => {
    const chain = templateContentSchema.parse({
      sections: [
        {
          key: 's',
          title: 'S',
          questions: Array.from({ length: 1000 }, (_, i) =>
            q(`c${i}`, i ? [{ type: 'svar', question: `c${i - 1}`, anyOf: ['ja'] }] : []),
          ),
        },
      ],
    });
    const answers = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`c${i}`, 'ja']));
    expect(applicableQuestions(chain, { answers })[0]?.questions).toHaveLength(1000);
    expect(findRuleCycles(chain)).toEqual([]);
  });
});
