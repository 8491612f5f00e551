import { type FormEvent, useState } from 'react';
import {
  flattenTree,
  UNIT_LEVEL_LABELS,
  UNIT_LEVELS,
  type Unit,
  type UnitInput,
  type UnitLevel,
  unitAndBelow,
  unitTree,
} from '../../../shared/domain/enhed';
import { Alert } from '../components/Alert';
import { Select } from '../components/Select';
import { TextField } from '../components/TextField';
import type { UnitResult } from './useEnhederData';

interface UnitFormProps {
  idPrefix: string;
  units: Unit[];
  /** The enhed edited; none for a new one. */
  unit?: Unit;
  submitLabel: string;
  onSubmit(input: UnitInput): Promise<UnitResult>;
  onCancel?(): void;
}

/** Name, level and place of an enhed; a place is offered only where the level fits and no cycle can arise. */
export function UnitForm({ idPrefix, units, unit, submitLabel, onSubmit, onCancel }: UnitFormProps) {
  const [navn, setNavn] = useState(unit?.navn ?? '');
  const [niveau, setNiveau] = useState<UnitLevel>(unit?.niveau ?? 'team');
  const [parent, setParent] = useState(unit?.foraelderId ? String(unit.foraelderId) : '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();
  const below = unit ? unitAndBelow(units, unit.id) : new Set<number>();
  const places = flattenTree(unitTree(units)).filter(
    (n) => !below.has(n.id) && UNIT_LEVELS.indexOf(n.niveau) < UNIT_LEVELS.indexOf(niveau),
  );

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await onSubmit({ navn, niveau, foraelderId: parent ? Number(parent) : null });
    if (result.ok) {
      if (!unit) setNavn('');
      setErrors({});
      setMessage(undefined);
      return;
    }
    setErrors(result.fieldErrors);
    setMessage(Object.keys(result.fieldErrors).length ? undefined : result.message);
  }

  return (
    <form className="unit-form" onSubmit={submit} noValidate>
      {message && (
        <Alert kind="error">
          <p className="alert-text">{message}</p>
        </Alert>
      )}
      <div className="unit-form-fields">
        <TextField
          id={`${idPrefix}-navn`}
          label="Navn"
          value={navn}
          onChange={setNavn}
          error={errors.navn}
          maxLength={200}
        />
        <Select
          id={`${idPrefix}-niveau`}
          label="Niveau"
          value={niveau}
          options={UNIT_LEVELS.map((l) => [l, UNIT_LEVEL_LABELS[l]])}
          onChange={(v) => setNiveau(v as UnitLevel)}
          error={errors.niveau}
        />
        <Select
          id={`${idPrefix}-under`}
          label="Ligger under"
          value={places.some((p) => String(p.id) === parent) ? parent : ''}
          options={[['', 'Øverst (ingen over)'], ...places.map((p): [string, string] => [String(p.id), p.path])]}
          onChange={setParent}
          error={errors.foraelderId}
        />
      </div>
      <div className="button-row">
        <button type="submit" className="button button-primary">
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button button-tertiary" onClick={onCancel}>
            Annullér
          </button>
        )}
      </div>
    </form>
  );
}
