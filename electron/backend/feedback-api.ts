import { existsSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, parse } from 'node:path';
import type { TilsynDatabase } from '../../db/open';
import { createRefleksionStore } from '../../db/refleksion-store';
import { ApiError } from '../../shared/api/errors';
import { todayIso } from '../../shared/domain/dates';
import type { GeneratedFile, ReflectionQuestion } from '../../shared/domain/reports';
import type { Handlers } from './dispatch';
import { renderWorkbook, XLSX_MIME } from './excel';
import { renderPdf } from './pdf';
import { type ExcelTilsyn, excelFileName, excelSheets } from './reports/excel-data';
import { buildCaseworkerNote } from './reports/feedback/caseworker-note';
import { feedbackDoc } from './reports/feedback/document';
import { noteFileName, safeFileName } from './reports/feedback/file-names';
import { reviewedCaseworkers, reviewedSager } from './reports/feedback/note-parts';
import type { FeedbackInput, FeedbackNote } from './reports/feedback/note-types';
import { buildTeamNote } from './reports/feedback/team-note';
import { reflectionSuggestions } from './reports/reflection-suggestions';
import type { ResultsService } from './results-api';
import type { Review } from './review';

type FeedbackHandlers = Pick<
  Handlers,
  | 'rapport.feedback'
  | 'rapport.feedbackMappe'
  | 'refleksion.list'
  | 'refleksion.tilfoej'
  | 'refleksion.slet'
  | 'refleksion.forslag'
  | 'eksport.excel'
>;

/**
 * Feedback notes (one PDF per caseworker and one for the team), the refleksionsspørgsmål saved for them, and the
 * Excel export of one or more tilsyn. `db` holds the saved refleksionsspørgsmål; without it they cannot be saved and
 * the notes use the suggested questions.
 */
export function createFeedbackHandlers(
  review: Review,
  results: ResultsService,
  db?: TilsynDatabase,
  today: () => string = todayIso,
): FeedbackHandlers {
  const refleksion = db ? createRefleksionStore(db) : undefined;

  function requireStore() {
    if (!refleksion) throw new ApiError('CONFLICT', 'Refleksionsspørgsmål kan ikke gemmes i denne udgave af Tilsyn.');
    return refleksion;
  }

  /** The template of a tilsyn whose refleksionsspørgsmål may change: not locked. */
  function requireOpen(tilsynId: number) {
    const template = review.templateOf(tilsynId);
    if (template.tilsyn.status === 'afsluttet')
      throw new ApiError('CONFLICT', 'Tilsynet er afsluttet og låst. Genåbn det for at ændre refleksionsspørgsmålene.');
    return template;
  }

  function reflectionsOf(tilsynId: number): ReflectionQuestion[] {
    review.templateOf(tilsynId); // NOT_FOUND for a tilsyn that does not exist
    return refleksion?.list(tilsynId) ?? [];
  }

  function feedbackInput(tilsynId: number): FeedbackInput {
    const { tilsyn } = review.templateOf(tilsynId);
    const { kommune, forvaltning } = results.store.settings();
    return {
      tilsyn,
      settings: { kommune, forvaltning },
      sager: review.answers.sager(tilsynId).map((s) => review.review(s.id)),
      results: results.resultsOf(tilsynId),
      reflections: refleksion?.list(tilsynId) ?? [],
      today: today(),
    };
  }

  function notes(tilsynId: number): FeedbackNote[] {
    const input = feedbackInput(tilsynId);
    if (reviewedSager(input.sager).length === 0)
      throw new ApiError(
        'CONFLICT',
        'Ingen af tilsynets sager er gennemgået endnu, så der er ikke noget at give feedback på.',
      );
    const names = reviewedCaseworkers(input.sager);
    return [...names.map((name) => buildCaseworkerNote(input, name)), buildTeamNote(input)];
  }

  function requireCaseData(tilsynId: number, what: string): void {
    if (review.caseDataDeleted(tilsynId))
      throw new ApiError(
        'CONFLICT',
        `Sagernes data i »${review.templateOf(tilsynId).tilsyn.titel}« er slettet efter afslutningen, så ${what}. Resultaterne og rapporten til udvalget findes stadig.`,
      );
  }

  async function noteFiles(tilsynId: number): Promise<GeneratedFile[]> {
    requireCaseData(tilsynId, 'der kan ikke laves feedbacknotater');
    const used = new Set<string>();
    const out: GeneratedFile[] = [];
    for (const note of notes(tilsynId)) {
      const pdf = await renderPdf(feedbackDoc(note));
      const fileName = uniqueName(noteFileName(note), (n) => used.has(n.toLowerCase()));
      used.add(fileName.toLowerCase());
      out.push({ fileName, mimeType: 'application/pdf', dataBase64: pdf.toString('base64') });
    }
    return out;
  }

  function excelTilsyn(tilsynId: number): ExcelTilsyn {
    const { tilsyn, content, sectionKeys } = review.templateOf(tilsynId);
    return {
      titel: tilsyn.titel,
      periodeFra: tilsyn.periodeFra,
      periodeTil: tilsyn.periodeTil,
      skabelonNavn: tilsyn.skabelonNavn,
      skabelonVersion: tilsyn.skabelonVersionNummer,
      content,
      sectionKeys,
      results: results.resultsOf(tilsynId),
      sager: [...review.answers.sager(tilsynId)]
        .sort((x, y) => x.sagsnummer.localeCompare(y.sagsnummer, 'da', { numeric: true }))
        .map((s) => ({
          sagsnummer: s.sagsnummer,
          sagstype: s.sagstype,
          sagsbehandler: s.sagsbehandler,
          team: s.team,
          status: s.status,
          dates: { ...s.importedDates, ...s.enteredDates },
          answers: review.answers.answers(s.id, 'leder'),
          findings: review.findings.findings(s.id),
          actions: review.findings.actions(s.id),
        })),
    };
  }

  return {
    'rapport.feedback': ({ tilsynId }) => noteFiles(tilsynId),

    'rapport.feedbackMappe': async ({ tilsynId, folder }) => {
      requireFolder(folder);
      const files = await noteFiles(tilsynId);
      const written: string[] = [];
      try {
        for (const file of files) written.push(writeNew(folder, file.fileName, Buffer.from(file.dataBase64, 'base64')));
      } catch (err) {
        for (const path of written) unlinkQuietly(path);
        throw fileError(err, folder);
      }
      return { folder, files: written };
    },

    'refleksion.list': ({ tilsynId }) => reflectionsOf(tilsynId),

    'refleksion.tilfoej': ({ tilsynId, sagsbehandler, questionKey, text }) => {
      const store = requireStore();
      const { content } = requireOpen(tilsynId);
      if (questionKey !== null && !content.sections.some((s) => s.questions.some((q) => q.key === questionKey))) {
        const message = 'Spørgsmålet findes ikke i tilsynets skabelon.';
        throw new ApiError('VALIDATION', message, { questionKey: message });
      }
      if (sagsbehandler !== null) {
        const known = new Set(review.answers.sager(tilsynId).map((s) => s.sagsbehandler.trim()));
        if (sagsbehandler === '' || !known.has(sagsbehandler)) {
          const message =
            sagsbehandler === ''
              ? 'Vælg en sagsbehandler, eller gem spørgsmålet til teamet'
              : `${sagsbehandler} har ingen sager i tilsynets stikprøve`;
          throw new ApiError('VALIDATION', message, { sagsbehandler: message });
        }
      }
      store.add(tilsynId, { sagsbehandler, questionKey, text });
      return store.list(tilsynId);
    },

    'refleksion.slet': ({ id }) => {
      const store = requireStore();
      const tilsynId = store.tilsynOf(id);
      requireOpen(tilsynId);
      store.remove(id);
      return store.list(tilsynId);
    },

    'refleksion.forslag': ({ tilsynId, sagsbehandler }) =>
      reflectionSuggestions(results.resultsOf(tilsynId), sagsbehandler),

    'eksport.excel': async ({ tilsynIds }) => {
      const ids = [...new Set(tilsynIds)];
      for (const id of ids) requireCaseData(id, 'svarene kan ikke eksporteres');
      const tilsyn = ids.map(excelTilsyn);
      const xlsx = await renderWorkbook(excelSheets(tilsyn));
      return {
        fileName: safeFileName(excelFileName(tilsyn.map((t) => t.titel))),
        mimeType: XLSX_MIME,
        dataBase64: xlsx.toString('base64'),
      };
    },
  };
}

/** "Notat.pdf", then "Notat (2).pdf", "Notat (3).pdf" … until `taken` says no. */
function uniqueName(fileName: string, taken: (name: string) => boolean): string {
  const { name, ext } = parse(fileName);
  let candidate = fileName;
  for (let n = 2; taken(candidate); n++) candidate = `${name} (${n})${ext}`;
  return candidate;
}

function requireFolder(folder: string): void {
  if (!isAbsolute(folder)) {
    const message = 'Vælg en mappe med dens fulde sti';
    throw new ApiError('VALIDATION', `${message} (fx C:\\Users\\…\\Dokumenter).`, { folder: message });
  }
  if (!existsSync(folder)) throw new ApiError('NOT_FOUND', `Mappen »${folder}« findes ikke. Vælg en anden mappe.`);
  if (!statSync(folder).isDirectory()) {
    const message = `»${folder}« er en fil, ikke en mappe`;
    throw new ApiError('VALIDATION', `${message}. Vælg en mappe.`, { folder: message });
  }
}

/** Writes a new file in the folder, never over an existing one (" (2)" etc. is added); returns its path. */
function writeNew(folder: string, fileName: string, bytes: Buffer): string {
  const { name, ext } = parse(fileName);
  for (let n = 1; n < 1000; n++) {
    const path = join(folder, n === 1 ? fileName : `${name} (${n})${ext}`);
    const existed = existsSync(path);
    try {
      writeFileSync(path, bytes, { flag: 'wx' });
      return path;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') continue;
      // A half-written file of ours goes; a file that was there before is never touched.
      if (!existed) unlinkQuietly(path);
      throw err;
    }
  }
  throw new ApiError('CONFLICT', `Der findes allerede for mange filer med navnet »${fileName}« i mappen.`);
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Nothing was written, or it cannot be removed either: the error that matters is the first one.
  }
}

function fileError(err: unknown, folder: string): ApiError {
  if (err instanceof ApiError) return err;
  switch ((err as NodeJS.ErrnoException).code) {
    case 'ENOSPC':
      return new ApiError('DISK_FULL', `Der er ikke plads på disken til notaterne i »${folder}«. Ingen filer er gemt.`);
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new ApiError(
        'READ_ONLY',
        `Tilsyn må ikke skrive i mappen »${folder}« (skrivebeskyttet eller manglende adgang). Vælg en anden mappe.`,
      );
    case 'ENOENT':
      return new ApiError('NOT_FOUND', `Mappen »${folder}« findes ikke længere. Vælg en anden mappe.`);
    default:
      return new ApiError('INTERNAL', `Notaterne kunne ikke gemmes i »${folder}«. Ingen filer er gemt.`);
  }
}
