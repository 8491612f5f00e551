import type { NamespaceHandlers } from './dispatch';
import type { Services } from './services';
import { writeIntoFolder } from './services/note-folder';
import { warmPdf } from './services/pdf';

/**
 * The PDFs: the committee report (aggregates only) and the feedback notes, downloaded or written into a folder, and
 * the publication check the two public documents (the committee report and the team note) pass first.
 */
export function rapportApi({
  committeeReport,
  feedbackNotes,
  periodReport,
  publication,
  sending,
  stores,
  today,
}: Services): NamespaceHandlers<'rapport'> {
  const checkOf = (tilsynId: number, dokument: 'udvalg' | 'team') =>
    dokument === 'udvalg' ? committeeReport.check(tilsynId, today()) : feedbackNotes.check(tilsynId);
  return {
    'rapport.udvalg': ({ tilsynId, format }, task) => committeeReport.file(tilsynId, today(), format, task),
    'rapport.periode': ({ enhedId, fra, til }, task) => periodReport.file(enhedId, fra, til, today(), task),
    'rapport.periodeTjek': ({ enhedId, fra, til }) => periodReport.check(enhedId, fra, til, today()),
    'rapport.periodeMarker': ({ enhedId, fra, til, ok, ...ref }) =>
      periodReport.mark(enhedId, fra, til, today(), ref, ok),
    'rapport.tjek': ({ tilsynId, dokument }) => {
      // The leader is on Formidling, where the PDFs are made: have pdfmake ready before she asks for one.
      void warmPdf();
      return checkOf(tilsynId, dokument);
    },
    'rapport.marker': ({ tilsynId, dokument, ok, ...ref }) => {
      // What the committee received was checked as it is: its marks stay with it.
      if (dokument === 'udvalg') stores.requireTextsOpen(tilsynId, 'ændre tjekket før offentliggørelse');
      publication.mark({ tilsynId }, checkOf(tilsynId, dokument), ref, ok);
      return checkOf(tilsynId, dokument);
    },
    'rapport.send': ({ tilsynId, navn, format }, task) => sending.send(tilsynId, navn, today(), format, task),
    'rapport.afsendelser': ({ tilsynId }) => {
      stores.requireTilsyn(tilsynId);
      return sending.list(tilsynId);
    },
    'rapport.afsendt': ({ tilsynId, id }) => sending.sent(tilsynId, id),
    'rapport.feedback': ({ tilsynId }, task) => feedbackNotes.files(tilsynId, task),
    'rapport.feedbackZip': ({ tilsynId }, task) => feedbackNotes.zip(tilsynId, task),
    'rapport.feedbackMappe': async ({ tilsynId, folder }, task) => ({
      folder,
      files: await writeIntoFolder(folder, async () => {
        const made = await feedbackNotes.files(tilsynId, task);
        // Written into the folder from here: all the notes, or (on an error) none.
        task.report('Gemmer notaterne i mappen', undefined, false);
        return made;
      }),
    }),
  };
}
