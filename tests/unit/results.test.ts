import { describe, expect, it } from 'vitest';
import { formatShare } from '../../shared/domain/format';
import {
  computeResults,
  lateInWords,
  type ResultSag,
  type RoundResults,
  resultInWords,
  shareOf,
  trends,
  wilsonInterval,
} from '../../shared/domain/results';
import type { AnswerRecord } from '../../shared/domain/review';
import { type TemplateContentInput, templateContentSchema } from '../../shared/domain/template';

const JND = [
  { value: 'ja', label: 'Ja', outcome: 'opfyldt' as const },
  { value: 'nej', label: 'Nej', outcome: 'ikke_opfyldt' as const },
  { value: 'delvist', label: 'Delvist', outcome: 'delvist' as const },
  { value: 'ikke_relevant', label: 'Ikke relevant', outcome: 'udeladt' as const },
];

// Two afsnit: a yes/no question with a 90 % target, a frist (4 months), and a question only for anbragte børn.
const content = templateContentSchema.parse({
  dateFields: [
    { key: 'start', label: 'Opmærksom' },
    { key: 'slut', label: 'BFU afsluttet' },
  ],
  sections: [
    {
      key: 'a',
      title: 'Undersøgelse',
      questions: [
        {
          key: 'samtale',
          text: 'Er der holdt børnesamtale?',
          answerType: 'jnd',
          options: JND,
          category: 'lovmedholdelighed',
          target: 90,
        },
        {
          key: 'bfu',
          text: 'Er undersøgelsen afsluttet inden for 4 måneder?',
          answerType: 'frist',
          category: 'lovmedholdelighed',
          target: 100,
          frist: { fra: 'start', til: 'slut', graense: 4, enhed: 'maaneder' },
        },
      ],
    },
    {
      key: 'b',
      title: 'Anbringelse',
      questions: [
        { key: 'anbragt', text: 'Er barnet anbragt?', answerType: 'jnd', options: JND, category: 'proces' },
        {
          key: 'plan',
          text: 'Er der en opdateret plan?',
          answerType: 'jnd',
          options: JND,
          category: 'kvalitet',
          rules: [{ type: 'svar', question: 'anbragt', anyOf: ['ja'] }],
        },
        { key: 'note', text: 'Bemærkninger', answerType: 'tekst', category: 'kvalitet' },
      ],
    },
  ],
} satisfies TemplateContentInput);

const a = (value: string, extra: Partial<AnswerRecord> = {}): AnswerRecord => ({
  value,
  note: '',
  reason: '',
  ...extra,
});

function sag(answers: Record<string, AnswerRecord>, over: Partial<ResultSag> = {}): ResultSag {
  return { sagstype: 'Barn', sagsbehandler: 'Anne', team: 'Nord', status: 'faerdig', answers, dates: {}, ...over };
}

describe('computeResults', () => {
  const sager: ResultSag[] = [
    sag({ samtale: a('ja'), anbragt: a('ja'), plan: a('nej') }, { dates: { start: '2026-01-01', slut: '2026-03-01' } }),
    sag({ samtale: a('delvist'), anbragt: a('nej') }, { dates: { start: '2026-01-01', slut: '2026-06-15' } }),
    sag({ samtale: a('ikke_relevant'), anbragt: a('ja'), plan: a('ja') }, { sagsbehandler: 'Bo', dates: {} }),
    // A frist overridden by the reviewer counts as she judged it.
    sag(
      {
        samtale: a('nej'),
        anbragt: a('ja'),
        plan: a('ja'),
        bfu: a('', { override: { outcome: 'opfyldt', reason: 'Forlænget' } }),
      },
      { sagsbehandler: 'Bo' },
    ),
    // Udgået: never counts.
    sag({ samtale: a('nej') }, { status: 'udgaaet' }),
    // In progress: counts what is answered; the plan question applies (anbragt) but has no answer.
    sag({ samtale: a('ja'), anbragt: a('ja') }, { status: 'i_gang', team: 'Syd' }),
  ];
  const r = computeResults(content, null, sager);
  const m = (key: string) => r.measures.find((x) => x.key === key);

  it('counts opfyldt, delvist, ikke opfyldt and ikke relevant; delvist is not met, ikke relevant leaves the denominator', () => {
    expect(m('samtale')?.counts).toEqual({ opfyldt: 2, delvist: 1, ikke_opfyldt: 1, udeladt: 1, ubesvaret: 0 });
    expect(m('samtale')).toMatchObject({
      met: 2,
      applicable: 4,
      share: 0.5,
      target: 90,
      belowTarget: true,
      smallN: true,
    });
  });

  it('computes a frist from the dates, lets an override count, and leaves sager without dates unanswered', () => {
    expect(m('bfu')?.counts).toEqual({ opfyldt: 2, delvist: 0, ikke_opfyldt: 1, udeladt: 0, ubesvaret: 2 });
    expect(m('bfu')).toMatchObject({ met: 2, applicable: 3 });
  });

  it('says how late the missed frister were, by their dates: median and worst days', () => {
    // The frist is 4 months from 1 January: 1 May.
    const late = computeResults(content, null, [
      sag({}, { dates: { start: '2026-01-01', slut: '2026-05-06' } }), // deadline 1 May: 5 days late
      sag({}, { dates: { start: '2026-01-01', slut: '2026-05-31' } }), // 30 days late
      sag({}, { dates: { start: '2026-01-01', slut: '2026-06-10' } }), // 40 days late
      sag({}, { dates: { start: '2026-01-01', slut: '2026-04-01' } }), // in time
      // Overridden: the leader's judgement, not the dates, so not counted as late.
      sag(
        { bfu: a('', { override: { outcome: 'ikke_opfyldt', reason: 'Forlænget uden grund' } }) },
        {
          dates: { start: '2026-01-01', slut: '2026-12-31' },
        },
      ),
    ]).measures.find((x) => x.key === 'bfu');
    expect(late?.late).toEqual({ count: 3, medianDays: 30, worstDays: 40 });
    expect(lateInWords({ count: 3, medianDays: 30, worstDays: 40 })).toBe(
      'Fristen er overskredet i 3 sager: typisk med 30 dage, højst 40 dage',
    );
    expect(lateInWords({ count: 1, medianDays: 1, worstDays: 1 })).toBe('Fristen er overskredet i 1 sag, med 1 dag');
    // A frist met everywhere, and a question that is no frist, carry no lateness.
    expect(m('samtale')?.late).toBeUndefined();
  });

  it('gives the 95 % Wilson interval of a share, inside 0-100 %, also at the ends', () => {
    const r3 = (i: { low: number; high: number } | null) =>
      i && [i.low, i.high].map((x) => Math.round(x * 1000) / 1000);
    expect(r3(wilsonInterval(8, 10))).toEqual([0.49, 0.943]);
    expect(r3(wilsonInterval(12, 15))).toEqual([0.548, 0.93]);
    const none = wilsonInterval(0, 5);
    expect(none?.low).toBe(0);
    expect(none?.high).toBeCloseTo(0.4345, 3);
    expect(r3(wilsonInterval(5, 5))).toEqual([0.566, 1]);
    expect(wilsonInterval(0, 0)).toBeNull();
  });

  it('counts a question only where its rule made it apply', () => {
    expect(m('plan')?.counts).toEqual({ opfyldt: 2, delvist: 0, ikke_opfyldt: 1, udeladt: 0, ubesvaret: 1 });
    expect(m('plan')?.target).toBeNull();
    expect(m('plan')?.belowTarget).toBeNull();
  });

  it('leaves out text questions and excluded sager, and numbers questions as the review does', () => {
    expect(r.measures.map((x) => [x.number, x.key])).toEqual([
      ['1.1', 'samtale'],
      ['1.2', 'bfu'],
      ['2.1', 'anbragt'],
      ['2.2', 'plan'],
    ]);
    expect(r.sager).toBe(5);
    expect(r.faerdige).toBe(4);
  });

  it('sums per afsnit, per category and overall', () => {
    expect(r.sections.map((s) => [s.label, s.met, s.applicable])).toEqual([
      ['Undersøgelse', 4, 7],
      ['Anbringelse', 6, 8],
    ]);
    expect(r.categories.find((c) => c.key === 'lovmedholdelighed')).toMatchObject({ met: 4, applicable: 7 });
    expect(r.overall).toMatchObject({ met: 10, applicable: 15 });
  });

  it('breaks down per sagsbehandler and team for the leader', () => {
    const bo = r.breakdowns.sagsbehandler.find((b) => b.group === 'Bo');
    expect(bo?.sager).toBe(2);
    expect(bo?.measures.samtale).toMatchObject({ met: 0, applicable: 1 });
    expect(r.breakdowns.team.map((t) => t.group)).toEqual(['Nord', 'Syd']);
  });

  it('uses only the chosen afsnit of a tematiseret tilsyn', () => {
    const only = computeResults(content, ['b'], sager);
    expect(only.measures.map((x) => x.key)).toEqual(['anbragt', 'plan']);
    expect(only.measures[0]?.number).toBe('1.1');
  });
});

describe('trends across rounds', () => {
  const round = (id: number, periodeTil: string, met: number, applicable: number, baseline = false): RoundResults => ({
    tilsynId: id,
    titel: `Runde ${id}`,
    periodeFra: `${periodeTil.slice(0, 4)}-01-01`,
    periodeTil,
    baseline,
    results: {
      measures: [{ key: 'samtale', ...shareOf(met, applicable) } as never],
      overall: shareOf(met, applicable),
      // Each sag answered three krav: the round's total counts vurderinger, its n counts sager.
      faerdige: applicable / 3,
    },
  });

  it('orders the rounds by period and keeps the baseline mark; rounds without the question leave no point', () => {
    const t = trends(
      [round(3, '2026-06-30', 12, 15), round(1, '2025-03-31', 6, 15, true), round(2, '2025-12-31', 0, 0)],
      ['samtale'],
    );
    expect(t.samtale?.map((p) => [p.tilsynId, p.met, p.applicable, p.baseline])).toEqual([
      [1, 6, 15, true],
      [3, 12, 15, false],
    ]);
    expect(t['*']?.length).toBe(2);
    // n is the number of sager everywhere: for one krav the sager it applied in, for the round its sager.
    expect(t.samtale?.map((p) => p.sager)).toEqual([15, 15]);
    expect(t['*']?.map((p) => [p.applicable, p.sager])).toEqual([
      [15, 5],
      [15, 5],
    ]);
  });
});

describe('Danish wording', () => {
  it('formats percentages with a decimal comma and whole numbers without', () => {
    expect(formatShare(0.75)).toBe('75 %');
    expect(formatShare(2 / 3)).toBe('66,7 %');
    expect(formatShare(null)).toBe('–');
  });

  it('says the result in words as the committee reads it', () => {
    expect(resultInWords({ ...shareOf(12, 15), target: 90 })).toBe('Kravet er opfyldt i 12 af de 15 sager');
    expect(resultInWords({ ...shareOf(15, 15), target: 100 })).toBe('Kravet er opfyldt i alle de 15 sager');
    expect(resultInWords({ ...shareOf(0, 4), target: null })).toBe('Kravet er opfyldt i ingen af de 4 sager');
  });

  it('says why a krav counts in no sag: not answered yet, only »Ikke relevant«, or not asked', () => {
    // »Ikke relevant i nogen af sagerne« was said of a krav its sager had still to answer (found by an attack).
    const none = { ...shareOf(0, 0), target: 100 };
    const words = (udeladt: number, ubesvaret: number) => resultInWords({ ...none, counts: { udeladt, ubesvaret } });
    expect(words(0, 3)).toBe('Spørgsmålet er endnu ikke besvaret i sagerne');
    expect(words(1, 3)).toBe('Spørgsmålet er kun besvaret med »Ikke relevant« endnu');
    expect(words(4, 0)).toBe('Spørgsmålet var ikke relevant i nogen af sagerne');
    expect(words(0, 0)).toBe('Spørgsmålet blev ikke stillet i nogen af sagerne');
  });
});
