import { useEffect, useRef, useState } from 'react';
import type { PopulationSag } from '../../../shared/domain/sample';
import type { DateField } from '../../../shared/domain/template';
import { messageOf } from '../errors';
import type { SagFacts } from './useSagslisteData';

/** Corrects a sag's facts in place, before the draw. */
export function EditSagRow({
  sag,
  dateFields,
  onSave,
  onDone,
}: {
  sag: PopulationSag;
  dateFields: DateField[];
  onSave(facts: SagFacts): Promise<unknown>;
  onDone(): void;
}) {
  const [facts, setFacts] = useState({
    sagstype: sag.sagstype,
    sagsbehandler: sag.sagsbehandler,
    team: sag.team,
    dates: sag.dates,
  });
  const [error, setError] = useState<string>();
  const row = useRef<HTMLTableRowElement>(null);
  useEffect(() => {
    row.current?.querySelector('input')?.focus();
  }, []);
  const save = async () => {
    try {
      await onSave(facts);
      onDone();
    } catch (err) {
      setError(messageOf(err));
    }
  };
  const input = (field: 'sagstype' | 'sagsbehandler' | 'team', label: string) => (
    <td>
      <input
        className="form-input"
        aria-label={`${label} for sag ${sag.sagsnummer}`}
        value={facts[field]}
        onChange={(e) => setFacts({ ...facts, [field]: e.target.value })}
      />
    </td>
  );
  return (
    <tr className="editing-row" ref={row}>
      <td>{sag.manual ? 'Manuel' : sag.fileRow}</td>
      <td>{sag.sagsnummer}</td>
      {input('sagstype', 'Sagstype')}
      {input('sagsbehandler', 'Sagsbehandler')}
      {input('team', 'Team')}
      <td>
        {dateFields.map((f) => (
          <label key={f.key} className="date-edit">
            <span className="small">{f.label}</span>
            <input
              type="date"
              className="form-input"
              value={facts.dates[f.key] ?? ''}
              onChange={(e) => {
                const { [f.key]: _, ...rest } = facts.dates;
                setFacts({ ...facts, dates: e.target.value ? { ...rest, [f.key]: e.target.value } : rest });
              }}
            />
          </label>
        ))}
        {error && <span className="form-error-message">{error}</span>}
      </td>
      <td>
        <button type="button" className="link-button" onClick={save}>
          Gem<span className="sr-only"> sag {sag.sagsnummer}</span>
        </button>{' '}
        <button type="button" className="link-button" onClick={() => onDone()}>
          Annullér<span className="sr-only"> rettelse af sag {sag.sagsnummer}</span>
        </button>
      </td>
    </tr>
  );
}
