import { type FormEvent, useState } from 'react';
import { type MeasureGoal, type TargetStep, targetInWords } from '../../../shared/domain/goals';
import { Alert } from '../components/Alert';
import { TextField } from '../components/TextField';
import { messageOf } from '../errors';

/**
 * The enhed's goal for one krav (issue #14): måltal that rise by dates (»80 % senest 31.12, 90 % senest 31.03«),
 * the indicator and how it is measured. It holds for every round of the enhed with the template family.
 */
export function GoalEditor(props: {
  measureKey: string;
  number: string;
  goal: MeasureGoal | undefined;
  onSave(goal: MeasureGoal): Promise<unknown>;
}) {
  const { measureKey: key, number } = props;
  const [steps, setSteps] = useState<{ dato: string; maaltal: string }[]>(
    (props.goal?.steps ?? []).map((s) => ({ dato: s.dato, maaltal: String(s.maaltal) })),
  );
  const [indikator, setIndikator] = useState(props.goal?.indikator ?? '');
  const [metode, setMetode] = useState(props.goal?.metode ?? '');
  const [state, setState] = useState<{ kind: 'saved' | 'error'; text: string }>();
  const id = `maal-${key.replace(/[^a-z0-9_-]/g, '_')}`;
  const setStep = (i: number, change: Partial<{ dato: string; maaltal: string }>) =>
    setSteps((all) => all.map((s, j) => (j === i ? { ...s, ...change } : s)));

  async function save(event: FormEvent) {
    event.preventDefault();
    // An empty måltal is not 0 %: it is sent as missing, and the answer says »Angiv måltallet«.
    const parsed: TargetStep[] = steps.map((s) => ({
      dato: s.dato,
      maaltal: s.maaltal.trim() === '' ? Number.NaN : Number(s.maaltal.trim().replace(',', '.')),
    }));
    try {
      await props.onSave({ key, steps: parsed, indikator, metode });
      const last = [...parsed].sort((a, b) => b.dato.localeCompare(a.dato))[0];
      setState({
        kind: 'saved',
        text: last ? `Gemt. Sidste trin: ${targetInWords(last.maaltal, last.dato).replace(/^Måltal /, '')}.` : 'Gemt.',
      });
    } catch (err) {
      setState({ kind: 'error', text: messageOf(err) });
    }
  }

  return (
    <form className="goal-editor" onSubmit={save} noValidate aria-labelledby={`${id}-titel`}>
      <h4 className="h5" id={`${id}-titel`}>
        Enhedens mål for krav {number}
      </h4>
      <p className="form-hint">
        Måltal, der stiger over tid: hver runde måles mod det første trin, der ligger på eller efter periodens sidste
        dag. Uden trin gælder skabelonens måltal. Målet gælder alle enhedens runder med skabelonen.
      </p>
      {steps.map((s, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: steps have no ids while they are edited
        <div className="goal-step" key={i}>
          <TextField
            id={`${id}-dato-${i}`}
            label="Senest"
            type="date"
            value={s.dato}
            onChange={(dato) => setStep(i, { dato })}
          />
          <TextField
            id={`${id}-maaltal-${i}`}
            label="Måltal (%)"
            value={s.maaltal}
            onChange={(maaltal) => setStep(i, { maaltal })}
            maxLength={5}
          />
          <button
            type="button"
            className="link-button"
            onClick={() => setSteps((all) => all.filter((_, j) => j !== i))}
          >
            Fjern trin
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button button-tertiary"
        onClick={() => setSteps((all) => [...all, { dato: '', maaltal: '' }])}
      >
        + Trin
      </button>
      <TextField
        id={`${id}-indikator`}
        label="Indikator"
        hint="Fx »Andel sager, hvor barnets plan er udarbejdet inden for 3 måneder«"
        value={indikator}
        onChange={setIndikator}
        optional
        wide
      />
      <TextField
        id={`${id}-metode`}
        label="Målemetode"
        hint="Fx »Stikprøve på 15 sager hvert kvartal, ledelseskontrol«"
        value={metode}
        onChange={setMetode}
        optional
        rows={2}
        wide
      />
      {state && (
        <Alert kind={state.kind === 'saved' ? 'success' : 'error'}>
          <p className="alert-text">{state.text}</p>
        </Alert>
      )}
      <div className="button-row">
        <button type="submit" className="button button-secondary">
          Gem enhedens mål
        </button>
      </div>
    </form>
  );
}
