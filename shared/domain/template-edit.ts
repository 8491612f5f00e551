import { type AnswerType, JND_OPTIONS, type QuestionInput, type TemplateContentInput } from './template';

// Pure edits of a draft's content, used by the template editor. Each returns a new content object.

export interface QuestionPos {
  s: number;
  q: number;
}

type SectionInput = TemplateContentInput['sections'][number];

function uniqueKey(taken: Set<string>, base: string): string {
  let n = 1;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

const questionKeys = (c: TemplateContentInput) => new Set(c.sections.flatMap((s) => s.questions.map((q) => q.key)));

export function addSection(content: TemplateContentInput): TemplateContentInput {
  const key = uniqueKey(new Set(content.sections.map((s) => s.key)), 'afsnit');
  return { ...content, sections: [...content.sections, { key, title: 'Nyt afsnit', questions: [] }] };
}

export function addQuestion(content: TemplateContentInput, s: number): TemplateContentInput {
  const question: QuestionInput = {
    key: uniqueKey(questionKeys(content), 'spoergsmaal'),
    text: '',
    category: 'lovmedholdelighed',
    answerType: 'jnd',
    options: JND_OPTIONS,
    reasonRequiredOnNegative: true,
  };
  return updateSection(content, s, (section) => ({ ...section, questions: [...section.questions, question] }));
}

export function updateSection(
  content: TemplateContentInput,
  s: number,
  change: (section: SectionInput) => SectionInput,
): TemplateContentInput {
  return { ...content, sections: content.sections.map((section, i) => (i === s ? change(section) : section)) };
}

export function updateQuestion(
  content: TemplateContentInput,
  pos: QuestionPos,
  patch: Partial<QuestionInput>,
): TemplateContentInput {
  return updateSection(content, pos.s, (section) => ({
    ...section,
    questions: section.questions.map((q, i) => (i === pos.q ? { ...q, ...patch } : q)),
  }));
}

export function removeQuestion(content: TemplateContentInput, pos: QuestionPos): TemplateContentInput {
  return updateSection(content, pos.s, (section) => ({
    ...section,
    questions: section.questions.filter((_, i) => i !== pos.q),
  }));
}

export function removeSection(content: TemplateContentInput, s: number): TemplateContentInput {
  return { ...content, sections: content.sections.filter((_, i) => i !== s) };
}

function move<T>(items: readonly T[], from: number, to: number): T[] {
  const copy = [...items];
  const [item] = copy.splice(from, 1);
  if (item !== undefined) copy.splice(Math.max(0, Math.min(to, copy.length)), 0, item);
  return copy;
}

export function moveSection(content: TemplateContentInput, from: number, to: number): TemplateContentInput {
  return { ...content, sections: move(content.sections, from, to) };
}

/** Moves a question within its afsnit or to another one (drag and drop); `to.q` is the index to land on. */
export function moveQuestion(content: TemplateContentInput, from: QuestionPos, to: QuestionPos): TemplateContentInput {
  if (from.s === to.s) {
    return updateSection(content, from.s, (section) => ({
      ...section,
      questions: move(section.questions, from.q, to.q),
    }));
  }
  const question = content.sections[from.s]?.questions[from.q];
  if (!question) return content;
  const without = removeQuestion(content, from);
  return updateSection(without, to.s, (section) => {
    const questions = [...section.questions];
    questions.splice(Math.max(0, Math.min(to.q, questions.length)), 0, question);
    return { ...section, questions };
  });
}

/** What a question gets when its answer type changes: sensible options or a frist to fill in. */
export function answerTypeDefaults(content: TemplateContentInput, type: AnswerType): Partial<QuestionInput> {
  switch (type) {
    case 'jnd':
      return { answerType: type, options: JND_OPTIONS, frist: undefined };
    case 'skala':
      return {
        answerType: type,
        frist: undefined,
        options: [
          { value: '1', label: 'I meget ringe grad', outcome: 'ikke_opfyldt' },
          { value: '2', label: 'I ringe grad', outcome: 'ikke_opfyldt' },
          { value: '3', label: 'I høj grad', outcome: 'opfyldt' },
          { value: '4', label: 'I meget høj grad', outcome: 'opfyldt' },
        ],
      };
    case 'valg':
      return {
        answerType: type,
        frist: undefined,
        options: [
          { value: 'valg-1', label: 'Svarmulighed 1', outcome: 'opfyldt' },
          { value: 'valg-2', label: 'Svarmulighed 2', outcome: 'ikke_opfyldt' },
        ],
      };
    case 'frist': {
      const [first, second] = content.dateFields ?? [];
      return {
        answerType: type,
        options: [],
        frist: { fra: first?.key ?? '', til: second?.key ?? '', graense: 3, enhed: 'maaneder' },
      };
    }
    case 'tekst':
    case 'dato':
      return { answerType: type, options: [], frist: undefined, target: undefined };
  }
}
