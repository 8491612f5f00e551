import { describe, expect, it } from 'vitest';
import { describePath } from '../../electron/backend/services/template-file';
import { draftContentSchema, JND_OPTIONS, type TemplateContentInput } from '../../shared/domain/template';
import {
  addQuestion,
  addSection,
  answerTypeDefaults,
  moveQuestion,
  moveSection,
  removeQuestion,
  updateQuestion,
} from '../../shared/domain/template-edit';
import { validateTemplateContent } from '../../shared/domain/template-validation';

const q = (key: string) => ({
  key,
  text: key,
  category: 'kvalitet' as const,
  answerType: 'jnd' as const,
  options: JND_OPTIONS,
});
const base: TemplateContentInput = {
  dateFields: [
    { key: 'fra', label: 'Fra' },
    { key: 'til', label: 'Til' },
  ],
  sections: [
    { key: 'a', title: 'A', questions: [q('a1'), q('a2'), q('a3')] },
    { key: 'b', title: 'B', questions: [q('b1')] },
  ],
};
const keys = (c: TemplateContentInput) => c.sections.map((s) => s.questions.map((x) => x.key));

describe('editing a draft', () => {
  it('reorders questions within an afsnit', () => {
    expect(keys(moveQuestion(base, { s: 0, q: 0 }, { s: 0, q: 2 }))).toEqual([['a2', 'a3', 'a1'], ['b1']]);
    expect(keys(moveQuestion(base, { s: 0, q: 2 }, { s: 0, q: 0 }))).toEqual([['a3', 'a1', 'a2'], ['b1']]);
  });

  it('moves a question to another afsnit (drag and drop)', () => {
    expect(keys(moveQuestion(base, { s: 0, q: 1 }, { s: 1, q: 0 }))).toEqual([
      ['a1', 'a3'],
      ['a2', 'b1'],
    ]);
    expect(keys(moveQuestion(base, { s: 1, q: 0 }, { s: 0, q: 99 }))).toEqual([['a1', 'a2', 'a3', 'b1'], []]);
  });

  it('reorders afsnit', () => {
    expect(moveSection(base, 1, 0).sections.map((s) => s.key)).toEqual(['b', 'a']);
  });

  it('never changes the content it was given', () => {
    const copy = structuredClone(base);
    moveQuestion(base, { s: 0, q: 0 }, { s: 1, q: 0 });
    updateQuestion(base, { s: 0, q: 0 }, { text: 'ændret' });
    removeQuestion(base, { s: 1, q: 0 });
    expect(base).toEqual(copy);
  });

  it('gives new questions and afsnit keys that are not taken', () => {
    const once = addQuestion(base, 0);
    const twice = addQuestion(once, 1);
    expect(twice.sections[0]?.questions[3]?.key).toBe('spoergsmaal-1');
    expect(twice.sections[1]?.questions[1]?.key).toBe('spoergsmaal-2');
    expect(addSection(addSection(base)).sections.map((s) => s.key)).toEqual(['a', 'b', 'afsnit-1', 'afsnit-2']);
  });

  it('a new question asks for its text before the draft can be published', () => {
    expect(validateTemplateContent(addQuestion(base, 0)).issues.map((i) => i.message)).toEqual(['Skriv spørgsmålet']);
  });

  it('switching answer type to frist proposes the template’s date fields', () => {
    const changed = updateQuestion(base, { s: 0, q: 0 }, answerTypeDefaults(base, 'frist'));
    expect(changed.sections[0]?.questions[0]).toMatchObject({
      answerType: 'frist',
      options: [],
      frist: { fra: 'fra', til: 'til', graense: 3, enhed: 'maaneder' },
    });
    expect(validateTemplateContent(changed).issues).toEqual([]);
  });

  it('switching to free text drops options and target', () => {
    const changed = updateQuestion(base, { s: 0, q: 0 }, { target: 90, ...answerTypeDefaults(base, 'tekst') });
    expect(changed.sections[0]?.questions[0]).toMatchObject({ answerType: 'tekst', options: [], target: undefined });
  });
});

describe('describePath', () => {
  it('names places in Danish, counting from 1', () => {
    expect(describePath(['indhold', 'sections', 0, 'questions', 2, 'text'])).toBe(
      'felt »afsnit 1 › spørgsmål 3 › tekst«',
    );
    expect(describePath(['indhold', 'dateFields', 1, 'key'])).toBe('felt »datofelt 2 › nøgle«');
    // A rule's fields and a frist's earlier rules in the editor's words, not the file's.
    expect(describePath(['indhold', 'sections', 0, 'questions', 0, 'rules', 0, 'foer'])).toBe(
      'felt »afsnit 1 › spørgsmål 1 › regel 1 › før«',
    );
    expect(describePath(['indhold', 'sections', 1, 'questions', 0, 'frist', 'tidligereRegler', 0, 'graense'])).toBe(
      'felt »afsnit 2 › spørgsmål 1 › frist › tidligere regel 1 › længde«',
    );
    expect(describePath([])).toBe('filen');
  });
});

describe('a draft being edited', () => {
  it('may hold a frist without its length, but cannot be published so', () => {
    const draft = updateQuestion(
      base,
      { s: 0, q: 0 },
      { answerType: 'frist', options: [], frist: { fra: 'fra', til: 'til', enhed: 'dage' } as never },
    );
    expect(draftContentSchema.safeParse(draft).success).toBe(true);
    expect(validateTemplateContent(draft).issues.map((i) => i.message)).toEqual(['Angiv fristens længde']);
  });
});
