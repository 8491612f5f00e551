import { ACTION_STATUS_LABELS, type Action, FINDING_LABELS, type Finding } from '../../../shared/domain/findings';
import { templateNumbers } from '../../../shared/domain/numbering';
import type { BreakdownRow, TilsynResults } from '../../../shared/domain/results';
import { type AnswerRecord, answerLabel, shownReason } from '../../../shared/domain/review';
import { applicableQuestions } from '../../../shared/domain/rules';
import { scoreAnswer } from '../../../shared/domain/scoring';
import { CATEGORY_LABELS, type Outcome, type Question, type TemplateContent } from '../../../shared/domain/template';
import { SAG_STATUS_LABELS, type SagStatus } from '../../../shared/domain/tilsyn';
import { findQuestion } from '../services/template-questions';

/**
 * The Excel export as plain rows: every answer of one or more tilsyn, their results and break-downs, handlinger
 * and læring. Pure: electron/backend/excel.ts writes the workbook. Dates are åååå-mm-dd strings in columns of type
 * 'date' (the workbook turns them into real Excel dates); shares are fractions in 'percent' columns.
 */

export type CellValue = string | number | null;
export type ColumnType = 'text' | 'number' | 'percent' | 'date';

export interface SheetColumn {
  header: string;
  type: ColumnType;
  /** The widest the column gets (characters); the width follows the content up to this. */
  maxWidth?: number;
}

export interface SheetData {
  name: string;
  columns: SheetColumn[];
  rows: CellValue[][];
}

export interface ExcelSag {
  sagsnummer: string;
  sagstype: string;
  sagsbehandler: string;
  team: string;
  status: SagStatus;
  /** Imported dates with those entered in the review on top. */
  dates: Record<string, string>;
  /** The leader's answers. */
  answers: Record<string, AnswerRecord>;
  findings: Finding[];
  actions: Action[];
}

export interface ExcelTilsyn {
  titel: string;
  periodeFra: string;
  periodeTil: string;
  skabelonNavn: string;
  skabelonVersion: number;
  content: TemplateContent;
  sectionKeys: readonly string[] | null;
  sager: ExcelSag[];
  results: TilsynResults;
}

/** A question the sag's rules did not ask, apart from an answer »Ikke relevant«. */
const NOT_ASKED = 'Ikke stillet for sagen';

/** The result column's words. */
export const RESULT_TEXT: Record<Outcome, string> = {
  opfyldt: 'Opfyldt',
  delvist: 'Delvist',
  ikke_opfyldt: 'Ikke opfyldt',
  udeladt: 'Ikke relevant',
};

export interface ExportQuestion {
  question: Question;
  /** "2.3", numbered as the review and the results number it. */
  number: string;
  sectionTitle: string;
}

/**
 * The questions a row is written for: every active scored or free-text question of the tilsyn's afsnit (dato
 * questions are dates, not answers). Numbered like the results: afsnit among the chosen ones, question among the
 * afsnit's active questions.
 */
export function exportQuestions(content: TemplateContent, sectionKeys: readonly string[] | null): ExportQuestion[] {
  const numbers = templateNumbers(content, sectionKeys);
  const out: ExportQuestion[] = [];
  for (const section of content.sections) {
    if (!numbers.section(section.key)) continue;
    for (const question of section.questions) {
      const number = numbers.question(question.key);
      if (number && question.answerType !== 'dato') out.push({ question, number, sectionTitle: section.title });
    }
  }
  return out;
}

const text = (header: string, maxWidth?: number): SheetColumn => ({ header, type: 'text', maxWidth });
const date = (header: string): SheetColumn => ({ header, type: 'date' });
const number = (header: string): SheetColumn => ({ header, type: 'number' });
const percent = (header: string): SheetColumn => ({ header, type: 'percent' });

/** The date fields across the exported templates, once each by key, in the order they first appear. */
function dateFields(tilsyn: readonly ExcelTilsyn[]): { key: string; label: string }[] {
  const seen = new Map<string, string>();
  for (const t of tilsyn) for (const f of t.content.dateFields) if (!seen.has(f.key)) seen.set(f.key, f.label);
  return [...seen].map(([key, label]) => ({ key, label }));
}

function answerSheet(tilsyn: readonly ExcelTilsyn[]): SheetData {
  const fields = dateFields(tilsyn);
  const columns: SheetColumn[] = [
    text('Tilsyn', 40),
    date('Periode fra'),
    date('Periode til'),
    text('Skabelon', 36),
    number('Version'),
    text('Afsnit', 36),
    text('Nr.'),
    text('Nøgle', 32),
    text('Spørgsmål', 70),
    text('Kategori'),
    text('Sagsnummer'),
    text('Sagstype', 24),
    text('Sagsbehandler', 24),
    text('Team', 24),
    text('Sagsstatus'),
    text('Svar', 40),
    text('Resultat'),
    text('Begrundelse', 60),
    text('Note', 60),
    text('Tilsidesat frist'),
    text('Begrundelse for tilsidesættelse', 60),
    ...fields.map((f) => date(f.label)),
  ];
  const rows: CellValue[][] = [];
  for (const t of tilsyn) {
    const questions = exportQuestions(t.content, t.sectionKeys);
    const labels = Object.fromEntries(t.content.dateFields.map((f) => [f.key, f.label]));
    for (const sag of t.sager) {
      const values = Object.fromEntries(Object.entries(sag.answers).map(([k, a]) => [k, a.value ?? undefined]));
      const applicable = new Set(
        applicableQuestions(
          t.content,
          { sagstype: sag.sagstype, answers: values, dates: sag.dates },
          t.sectionKeys ?? undefined,
        )
          .flatMap((s) => s.questions)
          .map((q) => q.key),
      );
      for (const { question: q, number: nr, sectionTitle } of questions) {
        const answer = sag.answers[q.key];
        const applies = applicable.has(q.key);
        const given = Boolean(answer?.value) || Boolean(answer?.override);
        const answerText =
          q.answerType === 'tekst' ? (answer?.value ?? '') : applies || given ? answerLabel(q, answer, sag.dates) : '';
        let resultText = '';
        // An udgået sag counts nowhere: its answers say so, not what they would have scored.
        if (sag.status === 'udgaaet') resultText = SAG_STATUS_LABELS.udgaaet;
        else if (q.answerType !== 'tekst') {
          // Not the leader's »Ikke relevant«: the question was not asked (its rules, or the date they need).
          if (!applies) resultText = NOT_ASKED;
          else {
            const outcome = scoreAnswer(q, answer, sag.dates, labels).outcome;
            resultText = outcome ? RESULT_TEXT[outcome] : 'Ikke besvaret';
          }
        }
        rows.push([
          t.titel,
          t.periodeFra,
          t.periodeTil,
          t.skabelonNavn,
          t.skabelonVersion,
          sectionTitle,
          nr,
          q.key,
          q.text,
          CATEGORY_LABELS[q.category],
          sag.sagsnummer,
          sag.sagstype,
          sag.sagsbehandler,
          sag.team,
          SAG_STATUS_LABELS[sag.status],
          answerText,
          resultText,
          // The override's reason has its own column; a reason hidden by a later answer is not printed.
          answer?.override ? '' : shownReason(q, answer, sag.dates),
          answer?.note ?? '',
          answer?.override ? RESULT_TEXT[answer.override.outcome] : '',
          answer?.override?.reason ?? '',
          ...fields.map((f) => sag.dates[f.key] ?? null),
        ]);
      }
    }
  }
  return { name: 'Svar', columns, rows };
}

const tilsynColumns = (): SheetColumn[] => [text('Tilsyn', 40), date('Periode fra'), date('Periode til')];
const tilsynCells = (t: ExcelTilsyn): CellValue[] => [t.titel, t.periodeFra, t.periodeTil];

function resultsSheet(tilsyn: readonly ExcelTilsyn[]): SheetData {
  const columns: SheetColumn[] = [
    ...tilsynColumns(),
    // The results are of one version's questions: which one, so rounds can be compared rightly.
    text('Skabelon', 36),
    number('Version'),
    text('Afsnit', 36),
    text('Nr.'),
    text('Nøgle', 32),
    text('Spørgsmål', 70),
    text('Kategori'),
    number('Opfyldt'),
    number('Relevante sager'),
    percent('Andel opfyldt'),
    percent('Måltal'),
    text('Under måltal'),
    number('Delvist'),
    number('Ikke opfyldt'),
    number('Ikke relevant'),
    number('Ikke besvaret'),
  ];
  const rows = tilsyn.flatMap((t) =>
    t.results.measures.map((m): CellValue[] => [
      ...tilsynCells(t),
      t.skabelonNavn,
      t.skabelonVersion,
      m.sectionTitle,
      m.number,
      m.key,
      m.text,
      CATEGORY_LABELS[m.category],
      m.met,
      m.applicable,
      m.share,
      m.target === null ? null : m.target / 100,
      m.belowTarget === null ? '' : m.belowTarget ? 'Ja' : 'Nej',
      m.counts.delvist,
      m.counts.ikke_opfyldt,
      m.counts.udeladt,
      m.counts.ubesvaret,
    ]),
  );
  return { name: 'Resultater', columns, rows };
}

function breakdownSheet(
  tilsyn: readonly ExcelTilsyn[],
  name: string,
  groupHeader: string,
  pick: (r: TilsynResults) => BreakdownRow[],
): SheetData {
  const columns: SheetColumn[] = [
    ...tilsynColumns(),
    text(groupHeader, 30),
    number('Sager'),
    number('Opfyldt i alt'),
    number('Relevante i alt'),
    percent('Andel i alt'),
    text('Nr.'),
    text('Nøgle', 32),
    text('Spørgsmål', 70),
    number('Opfyldt'),
    number('Relevante sager'),
    percent('Andel opfyldt'),
  ];
  const rows: CellValue[][] = [];
  for (const t of tilsyn) {
    for (const group of pick(t.results)) {
      for (const m of t.results.measures) {
        const share = group.measures[m.key];
        if (!share || share.applicable === 0) continue;
        rows.push([
          ...tilsynCells(t),
          group.group,
          group.sager,
          group.met,
          group.applicable,
          group.share,
          m.number,
          m.key,
          m.text,
          share.met,
          share.applicable,
          share.share,
        ]);
      }
    }
  }
  return { name, columns, rows };
}

function questionOf(t: ExcelTilsyn, key: string | null): string {
  if (!key) return '';
  return findQuestion(t.content, key)?.text ?? key;
}

function actionsSheet(tilsyn: readonly ExcelTilsyn[]): SheetData {
  const columns: SheetColumn[] = [
    ...tilsynColumns(),
    text('Sagsnummer'),
    text('Sagsbehandler', 24),
    text('Handling', 70),
    text('Ansvarlig', 24),
    date('Frist'),
    text('Status'),
    text('Nøgle', 32),
    text('Spørgsmål', 70),
  ];
  const rows = tilsyn.flatMap((t) =>
    t.sager.flatMap((s) =>
      s.actions.map((a): CellValue[] => [
        ...tilsynCells(t),
        s.sagsnummer,
        s.sagsbehandler,
        a.text,
        a.ansvarlig,
        a.frist,
        ACTION_STATUS_LABELS[a.status],
        a.questionKey ?? '',
        questionOf(t, a.questionKey),
      ]),
    ),
  );
  return { name: 'Handlinger', columns, rows };
}

function learningSheet(tilsyn: readonly ExcelTilsyn[]): SheetData {
  const columns: SheetColumn[] = [
    ...tilsynColumns(),
    text('Sagsnummer'),
    text('Sagsbehandler', 24),
    text('Art'),
    text('Tekst', 80),
    text('Nøgle', 32),
    text('Spørgsmål', 70),
  ];
  const rows = tilsyn.flatMap((t) =>
    t.sager.flatMap((s) =>
      s.findings.map((f): CellValue[] => [
        ...tilsynCells(t),
        s.sagsnummer,
        s.sagsbehandler,
        FINDING_LABELS[f.kind].one,
        f.text,
        f.questionKey ?? '',
        questionOf(t, f.questionKey),
      ]),
    ),
  );
  return { name: 'Læring', columns, rows };
}

/** Every sheet of the export, in order. */
export function excelSheets(tilsyn: readonly ExcelTilsyn[]): SheetData[] {
  return [
    answerSheet(tilsyn),
    resultsSheet(tilsyn),
    breakdownSheet(tilsyn, 'Pr. sagsbehandler', 'Sagsbehandler', (r) => r.breakdowns.sagsbehandler),
    breakdownSheet(tilsyn, 'Pr. team', 'Team', (r) => r.breakdowns.team),
    breakdownSheet(tilsyn, 'Pr. sagstype', 'Sagstype', (r) => r.breakdowns.sagstype),
    actionsSheet(tilsyn),
    learningSheet(tilsyn),
  ];
}

/** "Tilsyn – Ledelsestilsyn 1. kvartal 2026.xlsx" or "Tilsyn – 3 tilsyn.xlsx" (before making it file-name safe). */
export function excelFileName(titles: readonly string[]): string {
  return titles.length === 1 ? `Tilsyn – ${titles[0]}.xlsx` : `Tilsyn – ${titles.length} tilsyn.xlsx`;
}
