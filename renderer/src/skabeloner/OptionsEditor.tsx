import { OUTCOME_LABELS, OUTCOMES, type Outcome, type QuestionInput } from '../../../shared/domain/template';

import { EditableRows } from './EditableRows';

type Options = NonNullable<QuestionInput['options']>;

/** A choice question's options: text, stored value and how each counts in the results. */
export function OptionsEditor({
  options,
  error,
  onChange,
}: {
  options: Options;
  error?: string;
  onChange(options: Options): void;
}) {
  return (
    <fieldset className={`options-editor${error ? ' form-error' : ''}`}>
      <legend className="form-label">Svarmuligheder</legend>
      {error && <span className="form-error-message">{error}</span>}
      <EditableRows
        headers={['Tekst', 'Værdi', 'Tæller som']}
        rows={options}
        what="svarmulighed"
        rowKey={(option) => option.value}
        onChange={onChange}
        cells={(option, update, i) => (
          <>
            <td>
              <input
                className="form-input"
                aria-label={`Tekst for svarmulighed ${i + 1}`}
                value={option.label}
                onChange={(e) => update({ label: e.target.value })}
              />
            </td>
            <td>
              <input
                className="form-input input-narrow"
                aria-label={`Værdi for svarmulighed ${i + 1}`}
                value={option.value}
                onChange={(e) => update({ value: e.target.value })}
              />
            </td>
            <td>
              <select
                className="form-select"
                aria-label={`Hvordan svarmulighed ${i + 1} tæller`}
                value={option.outcome}
                onChange={(e) => update({ outcome: e.target.value as Outcome })}
              >
                {OUTCOMES.map((o) => (
                  <option key={o} value={o}>
                    {OUTCOME_LABELS[o]}
                  </option>
                ))}
              </select>
            </td>
          </>
        )}
      />
      <button
        type="button"
        className="button button-tertiary"
        onClick={() => onChange([...options, { value: `valg-${options.length + 1}`, label: '', outcome: 'opfyldt' }])}
      >
        + Tilføj svarmulighed
      </button>
    </fieldset>
  );
}
