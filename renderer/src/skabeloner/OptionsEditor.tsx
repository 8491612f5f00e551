import { OUTCOME_LABELS, OUTCOMES, type Outcome, type QuestionInput } from '../../../shared/domain/skabelon';

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
  const setOption = (i: number, patch: Partial<Options[number]>) =>
    onChange(options.map((o, j) => (j === i ? { ...o, ...patch } : o)));
  return (
    <fieldset className={`options-editor${error ? ' form-error' : ''}`}>
      <legend className="form-label">Svarmuligheder</legend>
      {error && <span className="form-error-message">{error}</span>}
      <table className="table table--compact">
        <thead>
          <tr>
            <th scope="col">Tekst</th>
            <th scope="col">Værdi</th>
            <th scope="col">Tæller som</th>
            <th scope="col">
              <span className="sr-only">Fjern</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {options.map((option, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: option values may repeat or be empty while typed, so the position tells rows apart
            <tr key={`${option.value}-${i}`}>
              <td>
                <input
                  className="form-input"
                  aria-label={`Tekst for svarmulighed ${i + 1}`}
                  value={option.label}
                  onChange={(e) => setOption(i, { label: e.target.value })}
                />
              </td>
              <td>
                <input
                  className="form-input input-narrow"
                  aria-label={`Værdi for svarmulighed ${i + 1}`}
                  value={option.value}
                  onChange={(e) => setOption(i, { value: e.target.value })}
                />
              </td>
              <td>
                <select
                  className="form-select"
                  aria-label={`Hvordan svarmulighed ${i + 1} tæller`}
                  value={option.outcome}
                  onChange={(e) => setOption(i, { outcome: e.target.value as Outcome })}
                >
                  {OUTCOMES.map((o) => (
                    <option key={o} value={o}>
                      {OUTCOME_LABELS[o]}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => onChange(options.filter((_, j) => j !== i))}
                >
                  Fjern<span className="sr-only"> svarmulighed {i + 1}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
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
