import type { NamespaceHandlers } from './dispatch';
import type { Services } from './services';
import { writeIntoFolder } from './services/note-folder';

/** The PDFs: the committee report (aggregates only) and the feedback notes, downloaded or written into a folder. */
export function rapportApi({ committeeReport, feedbackNotes, today }: Services): NamespaceHandlers<'rapport'> {
  return {
    'rapport.udvalg': ({ tilsynId }) => committeeReport.file(tilsynId, today()),
    'rapport.feedback': ({ tilsynId }) => feedbackNotes.files(tilsynId),
    'rapport.feedbackMappe': async ({ tilsynId, folder }) => ({
      folder,
      files: await writeIntoFolder(folder, () => feedbackNotes.files(tilsynId)),
    }),
  };
}
