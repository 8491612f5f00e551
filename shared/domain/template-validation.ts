import { findRuleCycles } from './rules';
import { type AnswerType, type TemplateContent, templateContentSchema } from './template';

export interface TemplateIssue {
  /** Where: e.g. ['sections', 2, 'questions', 0, 'text']. */
  path: (string | number)[];
  message: string;
}

const CHOICE_TYPES: readonly AnswerType[] = ['jnd', 'skala', 'valg'];

/** Every problem that stops a version from being published, in Danish, with where it is. */
export function validateTemplateContent(raw: unknown): { content?: TemplateContent; issues: TemplateIssue[] } {
  const parsed = templateContentSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      issues: parsed.error.issues.map((i) => ({
        path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
        message: i.message,
      })),
    };
  }
  const content = parsed.data;
  const issues: TemplateIssue[] = [];
  const questionIndex = new Map<string, { s: number; q: number; values: Set<string> }>();
  const sectionKeys = new Set<string>();
  const dateKeys = new Set<string>();

  content.dateFields.forEach((field, i) => {
    if (dateKeys.has(field.key))
      issues.push({ path: ['dateFields', i, 'key'], message: `Datofeltet »${field.key}« findes to gange` });
    dateKeys.add(field.key);
  });
  if (content.sections.length === 0) issues.push({ path: ['sections'], message: 'Skabelonen har ingen afsnit' });

  content.sections.forEach((section, s) => {
    if (sectionKeys.has(section.key))
      issues.push({ path: ['sections', s, 'key'], message: `Afsnittet »${section.key}« findes to gange` });
    sectionKeys.add(section.key);
    section.questions.forEach((question, q) => {
      const at = (...rest: (string | number)[]) => ['sections', s, 'questions', q, ...rest];
      if (questionIndex.has(question.key)) {
        issues.push({ path: at('key'), message: `Nøglen »${question.key}« bruges af et andet spørgsmål` });
      }
      const values = new Set<string>();
      question.options.forEach((option, o) => {
        if (values.has(option.value))
          issues.push({ path: at('options', o, 'value'), message: `Svarmuligheden »${option.value}« findes to gange` });
        values.add(option.value);
      });
      questionIndex.set(question.key, { s, q, values });

      if (CHOICE_TYPES.includes(question.answerType) && question.options.length < 2) {
        issues.push({ path: at('options'), message: 'Angiv mindst to svarmuligheder' });
      }
      if (question.answerType === 'frist') {
        if (!question.frist) {
          issues.push({ path: at('frist'), message: 'Et fristspørgsmål skal have en frist (datoer og længde)' });
        } else {
          for (const end of ['fra', 'til'] as const) {
            if (!dateKeys.has(question.frist[end])) {
              issues.push({
                path: at('frist', end),
                message: `Datofeltet »${question.frist[end]}« findes ikke i skabelonen`,
              });
            }
          }
          if (question.frist.fra === question.frist.til) {
            issues.push({ path: at('frist', 'til'), message: 'Fristen skal regnes mellem to forskellige datoer' });
          }
          const ends = (question.frist.tidligereRegler ?? []).map((r) => r.foer);
          ends.forEach((end, r) => {
            if (ends.indexOf(end) !== r)
              issues.push({
                path: at('frist', 'tidligereRegler', r, 'foer'),
                message: 'To tidligere regler gælder før samme dag: ret eller fjern den ene',
              });
          });
        }
      }
      if (
        question.target !== undefined &&
        !CHOICE_TYPES.includes(question.answerType) &&
        question.answerType !== 'frist'
      ) {
        issues.push({ path: at('target'), message: 'Kun spørgsmål der kan opfyldes, kan have et måltal' });
      }
    });
  });

  // Rules may point at any question of the version, so they are checked once every key is known.
  content.sections.forEach((section, s) => {
    const checkRules = (rules: typeof section.rules, base: (string | number)[], ownKey?: string) => {
      rules.forEach((rule, r) => {
        if (rule.type === 'dato') {
          if (!dateKeys.has(rule.felt))
            issues.push({
              path: [...base, 'rules', r, 'felt'],
              message: `Reglen henviser til datofeltet »${rule.felt}«, som ikke findes i skabelonen`,
            });
          if (rule.fra !== undefined && rule.foer !== undefined && rule.fra >= rule.foer)
            issues.push({
              path: [...base, 'rules', r, 'foer'],
              message: 'Reglens slutdato skal ligge efter dens startdato',
            });
          return;
        }
        if (rule.type !== 'svar') return;
        const target = questionIndex.get(rule.question);
        if (!target) {
          issues.push({
            path: [...base, 'rules', r, 'question'],
            message: `Reglen henviser til spørgsmålet »${rule.question}«, som ikke findes`,
          });
          return;
        }
        if (rule.question === ownKey) {
          issues.push({
            path: [...base, 'rules', r, 'question'],
            message: 'Et spørgsmål kan ikke afhænge af sit eget svar',
          });
          return;
        }
        for (const value of rule.anyOf) {
          if (!target.values.has(value)) {
            issues.push({
              path: [...base, 'rules', r, 'anyOf'],
              message: `Spørgsmålet »${rule.question}« har ikke svarmuligheden »${value}«`,
            });
          }
        }
      });
    };
    checkRules(section.rules, ['sections', s]);
    section.rules.forEach((rule, r) => {
      if (rule.type === 'svar' && section.questions.some((q) => q.key === rule.question)) {
        issues.push({
          path: ['sections', s, 'rules', r, 'question'],
          message: 'Et afsnit kan ikke afhænge af et svar i afsnittet selv',
        });
      }
    });
    section.questions.forEach((question, q) => {
      checkRules(question.rules, ['sections', s, 'questions', q], question.key);
    });
  });

  for (const cycle of findRuleCycles(content)) {
    if (cycle.length <= 2) continue; // a self-reference is reported above
    const first = questionIndex.get(cycle[0] ?? '');
    issues.push({
      path: first ? ['sections', first.s, 'questions', first.q, 'rules'] : ['sections'],
      message: `Reglerne danner en ring: ${cycle.map((k) => `»${k}«`).join(' → ')}`,
    });
  }
  return { content, issues };
}
