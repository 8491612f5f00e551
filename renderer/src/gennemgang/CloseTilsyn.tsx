import { useEffect, useState } from 'react';
import { ApiError } from '../../../shared/api/errors';
import type { LogEntry } from '../../../shared/domain/afslutning';
import { formatDanishDate, formatDanishDateTime, todayIso } from '../../../shared/domain/dates';
import type { TilsynSummary } from '../../../shared/domain/tilsyn';
import { api } from '../api';
import { Alert } from '../components/Alert';
import { TextField } from '../components/TextField';
import { messageOf } from '../store';

interface CloseTilsynProps {
  tilsyn: TilsynSummary;
  /** Sagsnumre of the sager that are neither færdig nor udgået. */
  unfinished: string[];
  onChanged(): void;
}

/** Afslut (lock) a finished tilsyn with name and date, or genåbn a locked one with a reason. */
export function CloseTilsyn({ tilsyn, unfinished, onChanged }: CloseTilsynProps) {
  const [open, setOpen] = useState(false);
  const [navn, setNavn] = useState('');
  const [dato, setDato] = useState(todayIso());
  const [begrundelse, setBegrundelse] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const locked = tilsyn.status === 'afsluttet';

  const submit = async () => {
    setErrors({});
    setError(undefined);
    try {
      if (locked) await api.call('tilsyn.genaabn', { tilsynId: tilsyn.id, navn, begrundelse });
      else await api.call('tilsyn.afslut', { tilsynId: tilsyn.id, navn, dato });
      setOpen(false);
      onChanged();
    } catch (err) {
      const fields = err instanceof ApiError ? err.fieldErrors : undefined;
      if (fields && Object.keys(fields).length > 0) setErrors(fields);
      else setError(messageOf(err));
    }
  };

  return (
    <section className="review-block close-tilsyn" aria-labelledby="afslutning">
      <h2 id="afslutning">{locked ? 'Tilsynet er afsluttet' : 'Afslut tilsynet'}</h2>
      {locked ? (
        <p>
          Afsluttet af <strong>{tilsyn.afsluttetAf}</strong> den {formatDanishDate(tilsyn.afsluttetDato ?? '')}.
          Gennemgangen er låst. Genåbnes tilsynet, logges hver ændring med navn, tidspunkt og begrundelse.
        </p>
      ) : unfinished.length > 0 ? (
        <p>
          Tilsynet kan afsluttes og låses, når alle sager er færdige eller udgået. Mangler:{' '}
          {unfinished.length <= 8 ? unfinished.join(', ') : `${unfinished.length} sager`}.
        </p>
      ) : (
        <p>Alle sager er færdige eller udgået. Afslut tilsynet for at låse gennemgangen.</p>
      )}
      {error && (
        <Alert kind="error">
          <p className="alert-text prewrap">{error}</p>
        </Alert>
      )}
      {open ? (
        <div className="close-form">
          <TextField id="afslut-navn" label="Dit navn" value={navn} onChange={setNavn} error={errors.navn} />
          {locked ? (
            <TextField
              id="genaabn-begrundelse"
              label="Hvorfor genåbnes tilsynet?"
              hint="Begrundelsen står i ændringsloggen ved hver ændring, der laves efter genåbningen."
              rows={3}
              wide
              value={begrundelse}
              onChange={setBegrundelse}
              error={errors.begrundelse}
            />
          ) : (
            <TextField id="afslut-dato" label="Dato" type="date" value={dato} onChange={setDato} error={errors.dato} />
          )}
          <div className="button-row">
            <button type="button" className="button button-primary" onClick={submit}>
              {locked ? 'Genåbn tilsynet' : 'Afslut og lås tilsynet'}
            </button>
            <button type="button" className="link-button" onClick={() => setOpen(false)}>
              Annullér
            </button>
          </div>
        </div>
      ) : (
        (locked || unfinished.length === 0) && (
          <button type="button" className="button button-secondary" onClick={() => setOpen(true)}>
            {locked ? 'Genåbn tilsynet …' : 'Afslut tilsynet …'}
          </button>
        )
      )}
    </section>
  );
}

/** The tilsyn's log: locking, reopening and every change after a reopening. */
export function ChangeLog({ tilsynId, version }: { tilsynId: number; version: string }) {
  const [entries, setEntries] = useState<LogEntry[]>([]);
  useEffect(() => {
    void version;
    api.call('tilsyn.log', { tilsynId }).then(setEntries, () => undefined);
  }, [tilsynId, version]);
  if (entries.length === 0) return null;
  return (
    <section className="review-block" aria-labelledby="aendringslog">
      <h2 id="aendringslog">Ændringslog</h2>
      <p className="form-hint">
        Afslutning, genåbning og hver ændring efter en genåbning: hvem, hvornår, før og efter, og hvorfor.
      </p>
      <table className="table table--compact data-table change-log">
        <thead>
          <tr>
            <th scope="col">Tidspunkt</th>
            <th scope="col">Hvem</th>
            <th scope="col">Sag</th>
            <th scope="col">Hvad</th>
            <th scope="col">Før</th>
            <th scope="col">Efter</th>
            <th scope="col">Hvorfor</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} className={`log-${e.kind}`}>
              <td className="nowrap">{formatDanishDateTime(e.at)}</td>
              <td>{e.who || '–'}</td>
              <td className="nowrap">{e.sagsnummer ?? '–'}</td>
              <td>{e.what}</td>
              <td>{e.oldValue ?? '–'}</td>
              <td>{e.newValue ?? '–'}</td>
              <td>{e.why || '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
