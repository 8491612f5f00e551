import { describe, expect, it } from 'vitest';
import { BESKAEFTIGELSE_RETTIDIGHED } from '../../electron/backend/skabeloner/beskaeftigelse-rettidighed';
import { BOERN_UNGE_OVERORDNET } from '../../electron/backend/skabeloner/boern-unge-overordnet';
import { BOERN_UNGE_TEMATISERET } from '../../electron/backend/skabeloner/boern-unge-tematiseret';
import { DEFAULT_TEMPLATES } from '../../electron/backend/skabeloner/index';
import { applicableQuestions } from '../../shared/domain/rules';
import { type QuestionInput, type TemplateContentInput, templateContentSchema } from '../../shared/domain/template';
import { validateTemplateContent } from '../../shared/domain/template-validation';

const questions = (content: TemplateContentInput): QuestionInput[] => content.sections.flatMap((s) => s.questions);

const byKey = (content: TemplateContentInput, key: string): QuestionInput => {
  const found = questions(content).find((q) => q.key === key);
  if (!found) throw new Error(`Spørgsmålet ${key} findes ikke`);
  return found;
};

const shownKeys = (
  content: TemplateContentInput,
  answers: Record<string, string>,
  sections?: string[],
  dates: Record<string, string> = {},
) =>
  applicableQuestions(templateContentSchema.parse(content), { answers, dates }, sections).flatMap((s) =>
    s.questions.map((q) => q.key),
  );

/** Keys of the questions whose own rules, or whose section's rules, look at the answer to `key`. */
const dependentsOf = (content: TemplateContentInput, key: string) =>
  content.sections.flatMap((s) =>
    s.questions
      .filter((q) => [...(s.rules ?? []), ...(q.rules ?? [])].some((r) => r.type === 'svar' && r.question === key))
      .map((q) => q.key),
  );

const LAW_NAME = /\b(Barnets Lov|SEL|forvaltningsloven|offentlighedsloven|LAB|lov om)\b/i;

describe('standardskabelonerne', () => {
  it('leveres i den aftalte rækkefølge med stabile id’er og rigtigt område', () => {
    expect(DEFAULT_TEMPLATES.map((t) => [t.id, t.meta.area])).toEqual([
      ['standard-boern-unge-overordnet', 'boern_unge'],
      ['standard-boern-unge-tematiseret', 'boern_unge'],
      ['standard-beskaeftigelse-rettidighed', 'beskaeftigelse'],
    ]);
    for (const t of DEFAULT_TEMPLATES) expect(t.meta.description, t.id).toMatch(/tilpasses/);
  });

  describe.each(DEFAULT_TEMPLATES.map((t) => [t.id, t] as const))('%s', (_id, t) => {
    it('kan udgives: validateTemplateContent finder ingen fejl', () => {
      const { issues } = validateTemplateContent(t.content);
      expect(issues, JSON.stringify(issues, null, 2)).toEqual([]);
    });

    it('har hjælpetekst og en aktiv status på hvert spørgsmål', () => {
      const missing = questions(t.content).filter((q) => !q.help?.trim() || q.active === false);
      expect(missing.map((q) => q.key)).toEqual([]);
    });

    it('navngiver loven og paragraffen (eller at den skal bekræftes lokalt) på hvert lovkrav, med måltal 100 og krav om begrundelse', () => {
      const wrong = questions(t.content)
        .filter((q) => q.category === 'lovmedholdelighed')
        .filter(
          (q) =>
            !LAW_NAME.test(q.legalRef ?? '') ||
            !/§|kapitel|paragraf bekræftes lokalt/.test(q.legalRef ?? '') ||
            q.target !== 100 ||
            q.reasonRequiredOnNegative !== true,
        );
      expect(wrong.map((q) => `${q.key}: ${q.legalRef}`)).toEqual([]);
    });

    it('har mindst ét lovkrav, ét kvalitetsspørgsmål, én skala og ét afsluttende fritekstspørgsmål', () => {
      const qs = questions(t.content);
      expect(qs.some((q) => q.category === 'lovmedholdelighed')).toBe(true);
      expect(qs.some((q) => q.category === 'kvalitet' && q.answerType !== 'tekst')).toBe(true);
      expect(qs.some((q) => q.answerType === 'skala')).toBe(true);
      const last = t.content.sections.at(-1)?.questions.at(-1);
      expect(last?.answerType).toBe('tekst');
      expect(last?.text).toBe('Øvrige bemærkninger');
    });

    it('lader spørgsmål, der kun styrer visningen, stå uden for resultaterne', () => {
      // A question that only decides which other questions apply (e.g. "was a placement decided?") must not
      // count Nej as a failed requirement; only a legal requirement that other questions follow up may count.
      const controlling = new Set(
        t.content.sections.flatMap((s) =>
          [...(s.rules ?? []), ...s.questions.flatMap((q) => q.rules ?? [])].flatMap((r) =>
            r.type === 'svar' ? [r.question] : [],
          ),
        ),
      );
      expect(controlling.size).toBeGreaterThan(0);
      const counted = [...controlling]
        .map((key) => byKey(t.content, key))
        .filter((q) => q.category !== 'lovmedholdelighed')
        .filter((q) => q.target !== undefined || q.options?.some((o) => o.outcome !== 'udeladt'));
      expect(counted.map((q) => q.key)).toEqual([]);
    });

    it('bruger alle datofelter i en frist eller en datoregel, og skalaer tæller 1-2 som ikke opfyldt og 4 som opfyldt', () => {
      const used = new Set([
        ...questions(t.content).flatMap((q) => (q.frist ? [q.frist.fra, q.frist.til] : [])),
        ...t.content.sections
          .flatMap((s) => [...(s.rules ?? []), ...s.questions.flatMap((q) => q.rules ?? [])])
          .flatMap((r) => (r.type === 'dato' ? [r.felt] : [])),
      ]);
      expect((t.content.dateFields ?? []).map((f) => f.key).filter((k) => !used.has(k))).toEqual([]);
      for (const q of questions(t.content).filter((x) => x.answerType === 'skala')) {
        const outcome = (v: string) => q.options?.find((o) => o.value === v)?.outcome;
        expect([outcome('1'), outcome('2'), outcome('4')], q.key).toEqual(['ikke_opfyldt', 'ikke_opfyldt', 'opfyldt']);
      }
    });
  });
});

describe('Børn og unge – overordnet', () => {
  const content = BOERN_UNGE_OVERORDNET.content;

  it('har 30-55 spørgsmål fordelt på sagens trin', () => {
    expect(questions(content).length).toBeGreaterThanOrEqual(30);
    expect(questions(content).length).toBeLessThanOrEqual(55);
    expect(content.sections.map((s) => s.key)).toEqual([
      'underretning',
      'screening',
      'undersoegelse',
      'boernesamtale',
      'afgoerelse',
      'anbringelse',
      'barnets-plan',
      'indsats',
      'opfoelgning',
      'journalisering',
      'samlet',
    ]);
  });

  it('har et midtertrin på graduerede skalaer, der tæller som delvist opfyldt', () => {
    const scales = content.sections.flatMap((s) => s.questions).filter((q) => q.answerType === 'skala');
    expect(scales.length).toBeGreaterThan(0);
    for (const q of scales) {
      expect((q.options ?? []).map((o) => o.label)).toEqual([
        'I meget ringe grad',
        'I ringe grad',
        'I nogen grad',
        'I høj grad',
        'I meget høj grad',
        'Ikke relevant',
      ]);
      expect((q.options ?? []).find((o) => o.label === 'I nogen grad')?.outcome).toBe('delvist');
    }
  });

  it('regner lovens frister fra de rigtige datoer', () => {
    expect(byKey(content, 'underretning.frist').frist).toEqual({
      fra: 'underretning_modtaget',
      til: 'underretning_vurderet',
      graense: 1,
      enhed: 'dage',
    });
    expect(byKey(content, 'underretning.frist').help).toMatch(/24 timer/);
    expect(byKey(content, 'bfu.frist').frist).toEqual({
      fra: 'opmaerksomhed',
      til: 'bfu_afsluttet',
      graense: 4,
      enhed: 'maaneder',
    });
    expect(byKey(content, 'barnets-plan.frist').frist).toMatchObject({
      fra: 'afgoerelse',
      til: 'barnets_plan',
      graense: 3,
      enhed: 'maaneder',
      // § 91, stk. 2: a plan before the decision is right; before 1.1.2024 serviceloven § 140 applies.
      foerOpfylder: true,
      tidligereRegler: [{ foer: '2024-01-01', foerOpfylder: true, kilde: expect.stringContaining('SEL § 140') }],
    });
    expect(byKey(content, 'barnets-plan.frist').frist?.kilde).toContain('Barnets Lov § 91');
    expect(byKey(content, 'opfoelgning.frist').frist).toEqual({
      fra: 'indsats_start',
      til: 'foerste_opfoelgning',
      graense: 3,
      enhed: 'maaneder',
    });
  });

  it('viser spørgsmålene om anbringelse kun, når der er truffet afgørelse om anbringelse', () => {
    const placement = dependentsOf(content, 'afgoerelse.anbringelse');
    const anbringelseSection = content.sections.find((s) => s.key === 'anbringelse')?.questions.map((q) => q.key);
    // Every question in the placement afsnit depends on the answer, not only some of them.
    expect(placement).toEqual(expect.arrayContaining(anbringelseSection ?? []));
    expect(placement.length).toBeGreaterThanOrEqual(3);

    const whenNo = shownKeys(content, { 'afgoerelse.anbringelse': 'nej', 'barnets-plan.udarbejdet': 'ja' });
    // (The plan's question about the family during a placement also needs a plan: § 92, stk. 3.)
    const whenYes = shownKeys(content, { 'afgoerelse.anbringelse': 'ja', 'barnets-plan.udarbejdet': 'ja' });
    expect(whenNo.filter((k) => placement.includes(k))).toEqual([]);
    expect(whenYes).toEqual(expect.arrayContaining(placement));
    // The answer hides only the placement questions; the rest of the afgørelse stays.
    expect(whenNo).toContain('afgoerelse.partshoering');
    expect(whenYes.length - whenNo.length).toBe(placement.length);
  });

  it('viser enten afdækning eller indholdet af den børnefaglige undersøgelse', () => {
    const bfuContent = dependentsOf(content, 'bfu.gennemfoert').filter((k) => k.startsWith('bfu.'));
    expect(bfuContent).toEqual(
      expect.arrayContaining([
        'bfu.frist',
        'bfu.ressourcer-behov',
        'bfu.familie',
        'bfu.skole-dagtilbud',
        'bfu.sundhed',
      ]),
    );
    const ja = shownKeys(content, { 'bfu.gennemfoert': 'ja' });
    const nej = shownKeys(content, { 'bfu.gennemfoert': 'nej' });
    expect(ja).toEqual(expect.arrayContaining(bfuContent));
    expect(ja).not.toContain('afdaekning.begrundet');
    expect(nej).toContain('afdaekning.begrundet');
    expect(nej.filter((k) => bfuContent.includes(k))).toEqual([]);
  });

  it('markerer kun det, der ikke er bekræftet i en primær kilde, som noget der skal bekræftes lokalt', () => {
    // Certain references (offentlighedsloven §§ 13 and 15, Barnets Lov § 3's cases) are not said to be unsure.
    const certain = questions(content).filter(
      (q) => /offentlighedsloven/i.test(q.legalRef ?? '') || /Barnets Lov § 3\b/.test(q.legalRef ?? ''),
    );
    expect(certain.map((q) => q.key)).toEqual(
      expect.arrayContaining(['afgoerelse.barn-part', 'journalisering.notatpligt', 'journalisering.loebende']),
    );
    for (const q of certain) expect(`${q.help} ${q.legalRef}`, q.key).not.toMatch(/bekræftes lokalt/);
    // What could not be verified says so: the personrettet tilsyn's paragraph, § 137's conditions.
    expect(byKey(content, 'anbringelse.personrettet-tilsyn').legalRef).toMatch(/bekræftes lokalt/);
    expect(byKey(content, 'underretning.genvurdering').help).toMatch(/bekræftes lokalt/);
  });

  it('lader opfølgningen og § 95-fristen gælde kun sager med en indsats', () => {
    const without = shownKeys(content, { 'indsats.ivaerksat': 'nej' });
    const withIndsats = shownKeys(content, { 'indsats.ivaerksat': 'ja' });
    expect(without).not.toContain('opfoelgning.frist');
    expect(without).not.toContain('indsats.match');
    expect(withIndsats).toEqual(expect.arrayContaining(['opfoelgning.frist', 'opfoelgning.plan', 'indsats.match']));
    for (const t of [BOERN_UNGE_OVERORDNET.content, BOERN_UNGE_TEMATISERET.content])
      expect(shownKeys(t, { 'indsats.ivaerksat': 'nej' })).not.toContain('opfoelgning.frist');
  });

  it('følger barnets lov: § 52 om anbringelsessted, § 22, stk. 1 og 6, § 92, stk. 3, §§ 21, 137, 99-102 og 142', () => {
    expect(byKey(content, 'anbringelse.sted').legalRef).toContain('Barnets Lov § 52');
    expect(byKey(content, 'bfu.ressourcer-behov').legalRef).toContain('§ 22, stk. 1');
    expect(byKey(content, 'bfu.begrundet-konklusion')).toMatchObject({
      legalRef: 'Barnets Lov § 22, stk. 6',
      target: 100,
    });
    // The old SEL § 50 list of life areas is good practice, not a legal requirement with måltal 100 %.
    for (const key of ['bfu.familie', 'bfu.skole-dagtilbud', 'bfu.sundhed', 'bfu.netvaerk'])
      expect(byKey(content, key), key).toMatchObject({ category: 'kvalitet', target: 90 });
    expect(byKey(content, 'barnets-plan.familie-anbringelse').legalRef).toBe('Barnets Lov § 92, stk. 3');
    expect(byKey(content, 'bfu.soeskende').legalRef).toBe('Barnets Lov § 21');
    expect(byKey(content, 'underretning.genvurdering').legalRef).toBe('Barnets Lov § 137');
    expect(byKey(content, 'opfoelgning.ophoer-hjemgivelse').legalRef).toBe('Barnets Lov §§ 99-102');
    // Børne- og ungeudvalget decides a placement without consent in a meeting, the parties heard first.
    expect(byKey(content, 'anbringelse.boerne-ungeudvalg')).toMatchObject({
      legalRef: expect.stringMatching(/^Barnets Lov § 142, stk\. 1 og 2/),
      target: 100,
    });
    expect(shownKeys(content, { 'afgoerelse.anbringelse': 'ja' })).toContain('anbringelse.boerne-ungeudvalg');
    expect(shownKeys(content, { 'afgoerelse.anbringelse': 'nej' })).not.toContain('anbringelse.boerne-ungeudvalg');
    expect(byKey(content, 'afgoerelse.barn-part').help).toMatch(/kun i de sager, § 3 nævner/);
  });
});

describe('Børn og unge – tematiseret', () => {
  const content = BOERN_UNGE_TEMATISERET.content;

  it('har temaafsnit med 6-10 spørgsmål hver', () => {
    expect(content.sections.length).toBeGreaterThanOrEqual(3);
    for (const s of content.sections) {
      expect(s.questions.length, s.key).toBeGreaterThanOrEqual(6);
      expect(s.questions.length, s.key).toBeLessThanOrEqual(10);
    }
  });

  it('bruger samme nøgle, svartype, svarmuligheder og frist som den overordnede skabelon', () => {
    const overordnet = new Map(questions(BOERN_UNGE_OVERORDNET.content).map((q) => [q.key, q]));
    const shared = questions(content).filter((q) => overordnet.has(q.key));
    // The themes are meant to deepen the overordnet questions, so most keys must be shared.
    expect(shared.length).toBeGreaterThanOrEqual(15);
    for (const q of shared) {
      const o = overordnet.get(q.key);
      expect(
        { answerType: q.answerType, options: q.options?.map((x) => [x.value, x.outcome]), frist: q.frist },
        q.key,
      ).toEqual({ answerType: o?.answerType, options: o?.options?.map((x) => [x.value, x.outcome]), frist: o?.frist });
    }
    for (const key of ['bfu.frist', 'barnets-plan.frist', 'opfoelgning.frist', 'barnets-plan.maal-konkrete']) {
      expect(shared.map((q) => q.key)).toContain(key);
    }
  });

  it('har temaer om underretninger og afgørelser med de samme krav som den overordnede skabelon', () => {
    const keys = (section: string) => content.sections.find((s) => s.key === section)?.questions.map((q) => q.key);
    expect(keys('underretning')).toEqual(
      expect.arrayContaining(['underretning.frist', 'underretning.genvurdering', 'underretning.lukning-begrundet']),
    );
    expect(keys('afgoerelser')).toEqual(
      expect.arrayContaining(['afgoerelse.partshoering', 'afgoerelse.begrundelse', 'afgoerelse.klagevejledning']),
    );
    // The underretning's frist can be computed: its dates are fields of the template.
    expect((content.dateFields ?? []).map((f) => f.key)).toEqual(
      expect.arrayContaining(['underretning_modtaget', 'underretning_vurderet']),
    );
  });

  it('har samme frister som den overordnede skabelon', () => {
    expect(byKey(content, 'bfu.frist').frist).toMatchObject({ graense: 4, enhed: 'maaneder' });
    expect(byKey(content, 'barnets-plan.frist').frist).toMatchObject({ graense: 3, enhed: 'maaneder' });
    expect(byKey(content, 'opfoelgning.frist').frist).toMatchObject({ graense: 3, enhed: 'maaneder' });
  });

  it('kan bruges ét tema ad gangen: ingen regel peger ud af sit eget afsnit', () => {
    for (const s of content.sections) {
      const own = new Set(s.questions.map((q) => q.key));
      const outside = [...(s.rules ?? []), ...s.questions.flatMap((q) => q.rules ?? [])].filter(
        (r) => r.type === 'svar' && !own.has(r.question),
      );
      expect(outside, s.key).toEqual([]);
      // Chosen alone with every controlling question answered Ja, the whole theme shows except the
      // follow-ups that ask why something was not done.
      const answers = Object.fromEntries(questions(content).map((q) => [q.key, 'ja']));
      const shown = shownKeys(content, answers, [s.key]);
      expect(shown.length, s.key).toBeGreaterThanOrEqual(s.questions.length - 1);
      expect(shown.every((k) => own.has(k))).toBe(true);
    }
  });
});

describe('Beskæftigelse – rettidighed', () => {
  const content = BESKAEFTIGELSE_RETTIDIGHED.content;

  it('har 12-26 spørgsmål, højst 18 på én sag, og intet fra børneområdet', () => {
    expect(questions(content).length).toBeGreaterThanOrEqual(12);
    expect(questions(content).length).toBeLessThanOrEqual(26);
    const options = byKey(content, 'forloeb.type').options ?? [];
    for (const { value } of options)
      for (const day of ['2023-06-01', '2025-06-01', '2026-09-01']) {
        const dates = Object.fromEntries((content.dateFields ?? []).map((f) => [f.key, day]));
        expect(shownKeys(content, { 'forloeb.type': value }, undefined, dates).length, value).toBeLessThanOrEqual(18);
      }
    const text = JSON.stringify(content);
    expect(text).not.toMatch(/Barnets Lov|barnet|børnefaglig/i);
  });

  it('kræver aktivitet senest 6 måneder efter ressourceforløbets start', () => {
    const q = byKey(content, 'ressourceforloeb.aktivitet-frist');
    expect(q.frist).toEqual({ fra: 'ressourceforloeb_start', til: 'aktivitet_start', graense: 6, enhed: 'maaneder' });
    expect(q.legalRef).toMatch(/LAB § 113, stk\. 2/);
  });

  it('viser spørgsmålene om ressourceforløb kun for borgere i ressourceforløb', () => {
    const dates = { ressourceforloeb_start: '2025-03-01', ledighed_start: '2025-03-01' };
    const ressource = shownKeys(content, { 'forloeb.type': 'ressourceforloeb' }, undefined, dates);
    const ledig = shownKeys(content, { 'forloeb.type': 'dagpenge' }, undefined, dates);
    expect(ressource).toContain('ressourceforloeb.aktivitet-frist');
    expect(ledig.filter((k) => k.startsWith('ressourceforloeb.'))).toEqual([]);
    expect(ledig).toContain('tilbud.rettidigt');
    expect(ressource).not.toContain('tilbud.rettidigt');
  });

  it('gennemgår en sag efter reglerne på dens tid: kontaktforløb 1.1.2024, reform 1.2.2026 og 1.7.2026', () => {
    const dagpenge = (ledighed_start: string) =>
      shownKeys(content, { 'forloeb.type': 'dagpenge' }, undefined, { ledighed_start }).filter((k) =>
        /^(samtaler|tilbud)\./.test(k),
      );
    const rule = ['samtaler.jobrettet', 'tilbud.relevant'];
    expect(dagpenge('2023-12-31')).toEqual([
      'samtaler.dagpenge-foer-2024',
      ...rule.slice(0, 1),
      'tilbud.rettidigt',
      rule[1],
    ]);
    expect(dagpenge('2024-01-01')).toEqual(['samtaler.dagpenge-2024', rule[0], 'tilbud.rettidigt', rule[1]]);
    expect(dagpenge('2026-06-30')).toEqual(['samtaler.dagpenge-2024', rule[0], 'tilbud.rettidigt', rule[1]]);
    expect(dagpenge('2026-07-01')).toEqual(['samtaler.fleksibel-2026', rule[0], 'tilbud.fleksibel-2026', rule[1]]);

    const jobafklaring = (jobafklaring_start: string) =>
      shownKeys(content, { 'forloeb.type': 'jobafklaring' }, undefined, { jobafklaring_start });
    expect(jobafklaring('2026-01-31')).toContain('rehabilitering.frist');
    expect(jobafklaring('2026-01-31')).not.toContain('jobafklaring.samlet-beskrivelse');
    expect(jobafklaring('2026-02-01')).toContain('jobafklaring.samlet-beskrivelse');
    expect(jobafklaring('2026-02-01')).not.toContain('rehabilitering.frist');

    // Ressourceforløb begun before the reform go on under the earlier rules; none are begun after it.
    const ressource = (ressourceforloeb_start: string) =>
      shownKeys(content, { 'forloeb.type': 'ressourceforloeb' }, undefined, { ressourceforloeb_start }).filter((k) =>
        k.startsWith('ressourceforloeb.'),
      );
    expect(ressource('2026-01-15')).toHaveLength(4);
    expect(ressource('2026-03-01')).toEqual([]);
  });

  it('siger hvorfra og hvortil hver regel gælder, med loven der satte datoen', () => {
    const dated = content.sections.flatMap((s) =>
      [...(s.rules ?? []), ...s.questions.flatMap((q) => q.rules ?? [])].flatMap((r) => (r.type === 'dato' ? [r] : [])),
    );
    expect(dated.length).toBeGreaterThanOrEqual(8);
    for (const r of dated) expect(r.kilde, JSON.stringify(r)).toMatch(/^Lov nr\. \d+ af \d+\. \w+ \d{4}/);
    // A question for one period says so in its help, so the reviewer knows why she sees it.
    for (const s of content.sections)
      for (const q of s.questions.filter((x) => (x.rules ?? []).some((r) => r.type === 'dato')))
        expect(q.help, q.key).toMatch(/Gælder .*(før|fra) \d+\. \w+ \d{4}/);
  });

  it('siger »Fristen skal bekræftes lokalt« ved hver frist, domain.md markerer som ubekræftet', () => {
    // The deadlines domain.md marks (verify): 4 weeks to the rehabiliteringsteam, 6 conversations in 12 months,
    // offers after 13/26 weeks. Each must be in the template, and every question stating one must say so.
    const unverified: [string, (q: QuestionInput) => boolean][] = [
      [
        '4 uger til rehabiliteringsteamet',
        (q) => (q.frist?.graense === 4 && q.frist.enhed === 'uger') || /4 uger/.test(`${q.text} ${q.help}`),
      ],
      ['6 samtaler på 12 måneder', (q) => /6 samtaler/.test(`${q.text} ${q.help}`)],
      ['tilbud efter 13/26 uger', (q) => /\b(13|26) uger/.test(`${q.text} ${q.help}`)],
      ['samtalerækken i kontaktforløbet', (q) => /fire samtaler|4 samtaler/.test(`${q.text} ${q.help}`)],
    ];
    for (const [what, matches] of unverified) {
      const hits = questions(content).filter(matches);
      expect(hits.length, what).toBeGreaterThan(0);
      for (const q of hits) expect(q.help, `${what}: ${q.key}`).toMatch(/Fristen skal bekræftes lokalt/);
    }
  });
});
