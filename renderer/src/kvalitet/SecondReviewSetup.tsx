import { useState } from 'react';
import type { ReviewSagSummary } from '../../../shared/domain/review';
import type { SecondReviewPick, SecondReviewView } from '../../../shared/domain/second-review';
import { api } from '../api';
import { Alert } from '../components/Alert';
import { Choice } from '../components/Choice';
import { TextField } from '../components/TextField';
import { messageOf } from '../errors';

const PICK_LABELS: Record<SecondReviewPick, string> = {
  antal: 'Et antal sager, trukket tilfældigt',
  andel: 'En andel af sagerne, trukket tilfældigt',
  valgt: 'Sager, jeg vælger',
};

/** Setting up the second review (issue #16): who, and which sager (drawn with a seed that is kept, or chosen). */
export function SecondReviewSetup(props: {
  tilsynId: number;
  sager: ReviewSagSummary[];
  onSetUp(view: SecondReviewView): void;
}) {
  const eligible = props.sager.filter((s) => s.status !== 'udgaaet');
  const [bedoemmer, setBedoemmer] = useState('');
  const [art, setArt] = useState<SecondReviewPick>('andel');
  const [antal, setAntal] = useState('3');
  const [procent, setProcent] = useState('20');
  const [chosen, setChosen] = useState<number[]>([]);
  const [seed, setSeed] = useState('');
  const [navn, setNavn] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit() {
    setError(undefined);
    setBusy(true);
    try {
      const udvaelgelse =
        art === 'antal'
          ? { art, antal: Number(antal) }
          : art === 'andel'
            ? { art, procent: Number(procent.replace(',', '.')) }
            : { art, sagIds: chosen };
      props.onSetUp(
        await api.call('kvalitet.opret', {
          tilsynId: props.tilsynId,
          bedoemmer,
          udvaelgelse,
          ...(seed.trim() ? { seed: Number(seed) } : {}),
          navn,
        }),
      );
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <p>
        En anden leder eller en konsulent gennemgår nogle af sagerne igen uden at se dine svar. Bagefter ser du, hvor
        enige I er, og afgør de spørgsmål, I vurderede forskelligt.
      </p>
      {error && (
        <Alert kind="error">
          <p className="alert-text">{error}</p>
        </Alert>
      )}
      <TextField
        id="anden-bedoemmer"
        label="Hvem gennemgår sagerne anden gang?"
        value={bedoemmer}
        onChange={setBedoemmer}
      />
      <fieldset className="second-pick">
        <legend className="form-label">Hvilke sager?</legend>
        {(Object.keys(PICK_LABELS) as SecondReviewPick[]).map((p) => (
          <Choice
            key={p}
            type="radio"
            name="anden-art"
            id={`anden-${p}`}
            checked={art === p}
            onChange={() => setArt(p)}
          >
            {PICK_LABELS[p]}
          </Choice>
        ))}
      </fieldset>
      {art === 'antal' && (
        <TextField id="anden-antal" label={`Antal sager (af ${eligible.length})`} value={antal} onChange={setAntal} />
      )}
      {art === 'andel' && (
        <TextField
          id="anden-procent"
          label="Andel i procent"
          hint={`Af de ${eligible.length} sager; der rundes op til hele sager.`}
          value={procent}
          onChange={setProcent}
        />
      )}
      {art === 'valgt' && (
        <fieldset className="second-pick">
          <legend className="form-label">Vælg sagerne</legend>
          {eligible.map((s) => (
            <Choice
              key={s.id}
              type="checkbox"
              id={`anden-sag-${s.id}`}
              checked={chosen.includes(s.id)}
              onChange={(on) => setChosen((c) => (on ? [...c, s.id] : c.filter((id) => id !== s.id)))}
            >
              Sag {s.sagsnummer}
            </Choice>
          ))}
        </fieldset>
      )}
      {art !== 'valgt' && (
        <TextField
          id="anden-seed"
          label="Startværdi til udtrækningen"
          optional
          hint="Tom: Tilsyn vælger en. Startværdien gemmes, så udtrækningen kan gentages."
          value={seed}
          onChange={setSeed}
        />
      )}
      <TextField id="anden-navn" label="Dit navn" value={navn} onChange={setNavn} />
      <div className="button-row">
        <button type="button" className="button button-secondary" disabled={busy} onClick={() => void submit()}>
          Vælg sager til anden gennemgang
        </button>
      </div>
    </>
  );
}
