import { type ChangeEvent, useRef, useState } from 'react';
import { messageOf } from '../errors';
import { fileToBase64 } from '../files';
import { trackedSteps } from '../tasks';
import { Alert } from './Alert';
import { HiddenFileInput } from './HiddenFileInput';

type Outcome = { fileName: string; ok: boolean; text: string };

/**
 * Reading .tilsyn files (issue #15): one or several chosen at a time, each read by `read` (its bytes as base64),
 * which says in a sentence what it did; a refused one says why in Danish, and the others are still read.
 */
export function PakkeFiles(props: {
  id: string;
  label: string;
  read(fileName: string, dataBase64: string): Promise<string>;
  /** After the files are read, when at least one was. */
  onRead(): void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const files = [...(event.target.files ?? [])];
    event.target.value = '';
    if (files.length === 0) return;
    setBusy(true);
    const done: Outcome[] = [];
    // Each pakke is read whole or not at all: several are counted in the progress panel, and stopped between two.
    await trackedSteps('Indlæser pakkerne', files, 'pakker', async (file) => {
      try {
        done.push({ fileName: file.name, ok: true, text: await props.read(file.name, await fileToBase64(file)) });
      } catch (err) {
        done.push({ fileName: file.name, ok: false, text: messageOf(err) });
      }
    });
    setOutcomes(done);
    setBusy(false);
    if (done.some((o) => o.ok)) props.onRead();
  }

  return (
    <>
      <HiddenFileInput ref={input} id={props.id} accept=".tilsyn" multiple onChange={(e) => void choose(e)} />
      <div className="button-row">
        <button
          type="button"
          className="button button-secondary"
          disabled={busy}
          onClick={() => input.current?.click()}
        >
          {busy ? 'Indlæser …' : props.label}
        </button>
      </div>
      {outcomes.map((o) => (
        <Alert key={o.fileName} kind={o.ok ? 'success' : 'error'} heading={o.fileName}>
          <p className="alert-text">{o.text}</p>
        </Alert>
      ))}
    </>
  );
}
