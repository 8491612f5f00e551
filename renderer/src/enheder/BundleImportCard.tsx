import { type ChangeEvent, useRef, useState } from 'react';
import { importInWords } from '../../../shared/domain/bundle-results';
import { api } from '../api';
import { Alert } from '../components/Alert';
import { messageOf } from '../errors';
import { fileToBase64 } from '../files';

type Outcome = { fileName: string; ok: true; text: string } | { fileName: string; ok: false; text: string };

/**
 * The department's side of a resultatpakke (issue #15): the leaders' .tilsyn files read in, one or several at a
 * time; each says what it brought (new, updated, already here) or, in Danish, why it was refused.
 */
export function BundleImportCard({ onImported }: { onImported(): void }) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const files = [...(event.target.files ?? [])];
    event.target.value = '';
    if (files.length === 0) return;
    setBusy(true);
    const done: Outcome[] = [];
    for (const file of files) {
      try {
        const r = await api.call('pakke.indlaes', { fileName: file.name, dataBase64: await fileToBase64(file) });
        done.push({ fileName: file.name, ok: true, text: importInWords(r) });
      } catch (err) {
        done.push({ fileName: file.name, ok: false, text: messageOf(err) });
      }
    }
    setOutcomes(done);
    setBusy(false);
    if (done.some((o) => o.ok)) onImported();
  }

  return (
    <section className="card unit-new" aria-labelledby="pakker-titel">
      <h2 className="h4" id="pakker-titel">
        Indlæs resultatpakker
      </h2>
      <p className="form-hint">
        Lederne sender deres afsluttede runder som en resultatpakke (.tilsyn) fra Årshjul eller Formidling. Her bliver
        hver runde en runde i sin enhed, med de samme resultater; en pakke, der er indlæst før, ændrer intet, og en
        nyere af samme runder opdaterer dem. Pakkerne har kun samlede tal: ingen sagsnumre, navne eller noter.
      </p>
      <input
        ref={input}
        id="pakke-fil"
        type="file"
        accept=".tilsyn"
        multiple
        className="sr-only"
        onChange={(e) => void choose(e)}
      />
      <div className="button-row">
        <button
          type="button"
          className="button button-secondary"
          disabled={busy}
          onClick={() => input.current?.click()}
        >
          {busy ? 'Indlæser …' : 'Vælg pakker'}
        </button>
      </div>
      {outcomes.map((o) => (
        <Alert key={o.fileName} kind={o.ok ? 'success' : 'error'} heading={o.fileName}>
          <p className="alert-text">{o.text}</p>
        </Alert>
      ))}
    </section>
  );
}
