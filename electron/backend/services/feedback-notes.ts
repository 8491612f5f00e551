import { zipSync } from 'fflate';
import { noSagFinished } from '../../../shared/api/errors';
import type { GeneratedFile } from '../../../shared/domain/reports';
import { buildCaseworkerNote } from '../reports/feedback/caseworker-note';
import { feedbackDoc } from '../reports/feedback/document';
import { noteFileName, notesZipName } from '../reports/feedback/file-names';
import { reviewedCaseworkers, reviewedSager } from '../reports/feedback/note-parts';
import type { FeedbackInput, FeedbackNote } from '../reports/feedback/note-types';
import { teamPublicTexts } from '../reports/feedback/public-texts';
import { buildTeamNote } from '../reports/feedback/team-note';
import { type Task, untracked } from '../tasks';
import { uniqueName } from './note-folder';
import { renderPdf } from './pdf';
import type { Publication } from './publication';
import type { ResultsService } from './results-service';
import type { Review } from './review';
import type { Stores } from './stores';

/**
 * The feedback notes of a tilsyn as PDF files: one per caseworker with reviewed sager, and the team note. The team
 * note is shared beyond the team, so the notes are made only when the publication check has nothing left in it.
 */
export function createFeedbackNotes(
  stores: Stores,
  review: Review,
  results: ResultsService,
  publication: Publication,
  today: () => string,
) {
  function feedbackInput(tilsynId: number): FeedbackInput {
    const { tilsyn } = review.templateOf(tilsynId);
    const { kommune, forvaltning, minCell } = stores.results.settings();
    return {
      tilsyn,
      settings: { kommune, forvaltning, minCell },
      sager: stores.answers.sager(tilsynId).map((s) => review.review(s.id)),
      results: results.finishedResultsOf(tilsynId),
      reflections: stores.reflections.list(tilsynId),
      today: today(),
    };
  }

  function reviewedInput(tilsynId: number): FeedbackInput {
    const input = feedbackInput(tilsynId);
    if (reviewedSager(input.sager).length === 0) throw noSagFinished('feedbacknotaterne');
    return input;
  }

  /** The publication check of the team note's texts. */
  function check(tilsynId: number) {
    return publication.check(tilsynId, 'team', teamPublicTexts(buildTeamNote(reviewedInput(tilsynId))));
  }

  function notes(tilsynId: number): FeedbackNote[] {
    const input = reviewedInput(tilsynId);
    const team = buildTeamNote(input);
    publication.requireResolved(publication.check(tilsynId, 'team', teamPublicTexts(team)));
    const names = reviewedCaseworkers(input.sager);
    return [...names.map((name) => buildCaseworkerNote(input, name)), team];
  }

  async function files(tilsynId: number, task: Task = untracked): Promise<GeneratedFile[]> {
    review.requireCaseData(tilsynId, 'der kan ikke laves feedbacknotater');
    const used = new Set<string>();
    const out: GeneratedFile[] = [];
    const all = notes(tilsynId);
    for (const [i, note] of all.entries()) {
      task.report('Laver notaterne', { done: i, total: all.length, enhed: 'notater' });
      await task.checkpoint();
      const pdf = await renderPdf(feedbackDoc(note));
      const fileName = uniqueName(noteFileName(note), (n) => used.has(n.toLowerCase()));
      used.add(fileName.toLowerCase());
      out.push({ fileName, mimeType: 'application/pdf', dataBase64: pdf.toString('base64') });
    }
    await task.checkpoint();
    return out;
  }

  /**
   * Every note in one zip (fflate, as the pakker use), so a download is one file, not one per caseworker: the same
   * PDFs and names as `files`.
   */
  async function zip(tilsynId: number, task: Task = untracked): Promise<{ file: GeneratedFile; antal: number }> {
    const all = await files(tilsynId, task);
    const bytes = zipSync(
      Object.fromEntries(all.map((f) => [f.fileName, [Buffer.from(f.dataBase64, 'base64'), { level: 0 }] as const])),
      { mtime: new Date() },
    );
    const { titel } = stores.requireTilsyn(tilsynId);
    return {
      file: {
        fileName: notesZipName(titel),
        mimeType: 'application/zip',
        dataBase64: Buffer.from(bytes).toString('base64'),
      },
      antal: all.length,
    };
  }

  return { check, files, zip };
}

export type FeedbackNotes = ReturnType<typeof createFeedbackNotes>;
