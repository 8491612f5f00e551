// Run by tests/bench/run.ts in its own process (issue #18): the committee report as the leader meets it, first in a
// process but after Formidling has opened (its publication check asks for pdfmake to be made ready).
import { warmPdf } from '../../electron/backend/services/pdf';
import type { TemplateContent } from '../../shared/domain/template';
import { openTestApi } from '../support/api';
import { lockTilsyn } from '../support/scenario';
import { writeHistoryForTest } from './results-bench';

const [dir] = process.argv.slice(2) as [string];
const { api, db, close } = openTestApi({ dir, file: 'pdf-child.db', version: 'bench' });
const content = (await api.call('skabelon.version', { versionId: 1 })).content as TemplateContent;
const reports = writeHistoryForTest(db, content, 21, 60);
for (const id of reports.earlier) await lockTilsyn(api, id, { navn: 'Lene Madsen', dato: '2026-11-25' });
await api.call('rapport.tjek', { tilsynId: reports.lastId, dokument: 'udvalg' });
// The leader reads the screen a moment before she asks for the report.
await warmPdf();
const start = performance.now();
await api.call('rapport.udvalg', { tilsynId: reports.lastId });
console.log(JSON.stringify({ committeePdfAfterOpen: performance.now() - start }));
close();
