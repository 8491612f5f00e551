import { useState } from 'react';
import { formatDanishDate, todayIso } from '../../../shared/domain/dates';
import { isLocked, type TilsynSummary } from '../../../shared/domain/tilsyn';
import { Alert } from '../components/Alert';
import { TextField } from '../components/TextField';
import { useFormAction } from '../hooks/useAction';
import { closeTilsyn } from './useGennemgangData';

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
  const [reason, setReason] = useState('');
  const { errors, error, run } = useFormAction();
  const locked = isLocked(tilsyn);
  const calls = closeTilsyn(tilsyn.id);

  const submit = async () => {
    const done = await run(() =>
      locked ? calls.genaabn({ navn, begrundelse: reason }) : calls.afslut({ navn, dato }),
    );
    if (!done) return;
    setOpen(false);
    onChanged();
  };

  return (
    <section className="review-block close-tilsyn" aria-labelledby="afslutning">
      <h2 id="afslutning">{locked ? 'Tilsynet er afsluttet' : 'Afslut tilsynet'}</h2>
      {locked ? (
        <p>
          Afsluttet af <strong>{tilsyn.afsluttetAf}</strong> den {formatDanishDate(tilsyn.afsluttetDato ?? '')}.
          Gennemgangen er låst. Genåbnes tilsynet, logges hver ændring med navn, tidspunkt og begrundelse.
          {tilsyn.sendt
            ? ` Rapporten blev sendt til udvalget den ${formatDanishDate(tilsyn.sendt.dato)}; den gemmes, og efter en genåbning kan en rettet rapport sendes.`
            : ' Vurderinger, planer og sammenfatning kan skrives, indtil rapporten er sendt til udvalget.'}
        </p>
      ) : unfinished.length > 0 ? (
        <p>
          Tilsynet kan afsluttes og låses, når alle sager er færdige eller udgået. Mangler:{' '}
          {unfinished.length <= 8 ? unfinished.join(', ') : `${unfinished.length} sager`}.
        </p>
      ) : (
        <p>
          Alle sager er færdige eller udgået. Afslut tilsynet for at låse gennemgangen af sagerne. Ledelsens
          vurderinger, planer og sammenfatning under 5. Resultater kan stadig skrives bagefter, indtil rapporten er
          sendt til udvalget.
        </p>
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
              value={reason}
              onChange={setReason}
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
