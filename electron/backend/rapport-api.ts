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
    'rapport.udvalg': ({ tilsynId, format }) => committeeReport.file(tilsynId, today(), format),
    'rapport.periode': ({ enhedId, fra, til }) => periodReport.file(enhedId, fra, til, today()),
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
    'rapport.send': ({ tilsynId, navn, format }) => sending.send(tilsynId, navn, today(), format),
    'rapport.afsendelser': ({ tilsynId }) => {
      stores.requireTilsyn(tilsynId);
      return sending.list(tilsynId);
    },
    'rapport.afsendt': ({ tilsynId, id }) => sending.sent(tilsynId, id),
    'rapport.feedback': ({ tilsynId }) => feedbackNotes.files(tilsynId),
    'rapport.feedbackZip': ({ tilsynId }) => feedbackNotes.zip(tilsynId),
    'rapport.feedbackMappe': async ({ tilsynId, folder }) => ({
      folder,
      files: await writeIntoFolder(folder, () => feedbackNotes.files(tilsynId)),
    }),
  };
}
