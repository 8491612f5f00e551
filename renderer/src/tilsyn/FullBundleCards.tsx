import { type ChangeEvent, useRef, useState } from 'react';
import {
  FULL_CHOICE_LABELS,
  FULL_CHOICES,
  type FullChoice,
  type FullImportResult,
  fullImportInWords,
} from '../../../shared/domain/bundle-full-sync';
import { formatDanishDateTime } from '../../../shared/domain/dates';
import { api } from '../api';
import { Alert } from '../components/Alert';
import { Choice } from '../components/Choice';
import { HiddenFileInput } from '../components/HiddenFileInput';
import { messageOf } from '../errors';
import { downloadGeneratedFile, fileToBase64 } from '../files';
import { routeHref } from '../routes';

/** What each choice does, said beside it. */
const CHOICE_HINTS: Record<FullChoice, string> = {
  behold_her: 'Pakkens ændringer indlæses ikke. Sender du tilsynet tilbage, får den anden dit.',
  tag_pakkens: 'Tilsynet her bliver, som det er i pakken. Det, der er ændret her siden, forsvinder.',
  behold_begge: 'Pakkens udgave bliver et nyt tilsyn ved siden af, så du kan sammenligne og rydde op selv.',
};

/**
 * On a tilsyn's overview (issue #15): the whole tilsyn as one file, to hand it to a colleague or move it to another
 * file. It holds everything, names and notes too, so it says how it must travel.
 */
export function FullBundleExportCard({ tilsynId }: { tilsynId: number }) {
  const [state, setState] = useState<{ busy?: boolean; error?: string; done?: string }>({});
  async function fetch() {
    setState({ busy: true });
    try {
      const file = await api.call('pakke.fuld', { tilsynId });
      downloadGeneratedFile(file);
      setState({ done: `»${file.fileName}« er hentet.` });
    } catch (err) {
      setState({ error: messageOf(err) });
    }
  }
  return (
    <div className="card">
      <h2>Flyt eller del tilsynet</h2>
      <p>
        En fuld pakke (.tilsyn) har hele tilsynet: sagslisten, stikprøven, svar, fund, handlinger og sendte rapporter.
        Den anden leder indlæser den under Tilsyn, og kommer den tilbage, opdaterer den tilsynet her.
      </p>
      <p className="form-hint">
        Pakken indeholder sagsnumre, navne og noter. Send den kun ad en sikker vej (ESDH eller sikker mail) til en, der
        må se sagerne.
      </p>
      <div className="button-row">
        <button type="button" className="button button-secondary" disabled={state.busy} onClick={() => void fetch()}>
          {state.busy ? 'Laver pakken …' : 'Hent fuld pakke'}
        </button>
      </div>
      <p className="muted" aria-live="polite">
        {state.done ? `✓ ${state.done}` : null}
      </p>
      {state.error && (
        <Alert kind="error">
          <p className="alert-text">{state.error}</p>
        </Alert>
      )}
    </div>
  );
}

/**
 * On the tilsyn list (issue #15): a tilsyn another leader sent as a fuld pakke. New ones are added, known ones
 * updated; one changed both here and there asks the leader what to keep before anything is changed.
 */
export function FullBundleImportCard({ onImported }: { onImported(): void }) {
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<{ fileName: string; dataBase64: string }>();
  const [result, setResult] = useState<FullImportResult>();
  const [valg, setValg] = useState<FullChoice>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function read(chosen: { fileName: string; dataBase64: string }, choice?: FullChoice) {
    setBusy(true);
    setError(undefined);
    try {
      const r = await api.call('pakke.indlaesFuld', { ...chosen, ...(choice ? { valg: choice } : {}) });
      setResult(r);
      setFile(r.udfald === 'konflikt' ? chosen : undefined);
      setValg(undefined);
      if (r.udfald !== 'konflikt') onImported();
    } catch (err) {
      setError(messageOf(err));
      setResult(undefined);
    } finally {
      setBusy(false);
    }
  }

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0];
    event.target.value = '';
    if (chosen) await read({ fileName: chosen.name, dataBase64: await fileToBase64(chosen) });
  }

  const conflict = result?.udfald === 'konflikt' && file ? result : undefined;
  return (
    <section className="card full-import" aria-labelledby="fuld-titel">
      <h2 className="h4" id="fuld-titel">
        Indlæs et tilsyn fra en anden leder
      </h2>
      <p className="form-hint">
        Har du fået et tilsyn som en fuld pakke (.tilsyn)? Indlæs det her. Har du det allerede, bliver det opdateret; er
        det ændret både her og i pakken, vælger du, hvad der skal ske.
      </p>
      <HiddenFileInput ref={input} id="fuld-fil" accept=".tilsyn" onChange={(e) => void choose(e)} />
      {!conflict && (
        <div className="button-row">
          <button
            type="button"
            className="button button-secondary"
            disabled={busy}
            onClick={() => input.current?.click()}
          >
            {busy ? 'Indlæser …' : 'Vælg pakke'}
          </button>
        </div>
      )}
      {error && (
        <Alert kind="error" heading="Pakken er ikke indlæst">
          <p className="alert-text">{error}</p>
        </Alert>
      )}
      {result && !conflict && (
        <Alert kind={result.udfald === 'aeldre' || result.udfald === 'uaendret' ? 'info' : 'success'}>
          <p className="alert-text">{fullImportInWords(result)}</p>
          {result.tilsynId !== null && <a href={routeHref({ name: 'tilsyn', id: result.tilsynId })}>Åbn tilsynet</a>}
        </Alert>
      )}
      {conflict && file && (
        <fieldset className="full-conflict">
          <legend className="h5">{fullImportInWords(conflict)}</legend>
          <p className="form-hint">
            Senest ændret her {conflict.aendret.her ? formatDanishDateTime(conflict.aendret.her) : 'ukendt'}; i pakken{' '}
            {formatDanishDateTime(conflict.aendret.pakken)}
            {conflict.fra.kommune
              ? ` (fra ${[conflict.fra.kommune, conflict.fra.forvaltning].filter(Boolean).join(', ')})`
              : ''}
            .
          </p>
          {FULL_CHOICES.map((c) => (
            <Choice
              key={c}
              type="radio"
              name="fuld-valg"
              id={`fuld-valg-${c}`}
              checked={valg === c}
              onChange={() => setValg(c)}
              hint={CHOICE_HINTS[c]}
            >
              {FULL_CHOICE_LABELS[c]}
            </Choice>
          ))}
          <div className="button-row">
            <button
              type="button"
              className="button button-primary"
              disabled={!valg || busy}
              onClick={() => void read(file, valg)}
            >
              Indlæs med dette valg
            </button>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                setFile(undefined);
                setResult(undefined);
              }}
            >
              Fortryd
            </button>
          </div>
          {!valg && <p className="form-hint">Vælg en af mulighederne for at fortsætte.</p>}
        </fieldset>
      )}
    </section>
  );
}
