import { useState } from 'react';
import {
  COUNTING_LABELS,
  COUNTINGS,
  type Counting,
  countingInWords,
  type OverviewSettings,
} from '../../../shared/domain/sagsoverblik';
import { Alert } from '../components/Alert';
import { Choice } from '../components/Choice';
import { TextField } from '../components/TextField';
import { useFormAction } from '../hooks/useAction';

/** The enhed's måltal for sager per caseworker (seed 001: about 25), and whether sager or personer are counted. */
export function OverviewSettingsCard(props: {
  settings: OverviewSettings;
  anyPersons: boolean;
  onSave(s: Omit<OverviewSettings, 'enhedId'>): Promise<unknown>;
}) {
  const [maal, setMaal] = useState(props.settings.maal === null ? '' : String(props.settings.maal));
  const [optaelling, setOptaelling] = useState<Counting>(props.settings.optaelling);
  const { errors, error, busy, run } = useFormAction();
  const [saved, setSaved] = useState(false);
  // Only whole numbers written as such (not »1e2« or »0x10«); anything else goes as typed, to be refused in Danish.
  const typed = maal.trim();
  const number = typed === '' ? null : /^\d+$/.test(typed) ? Number(typed) : Number.NaN;
  return (
    <section className="card overview-settings" aria-labelledby="maal-titel">
      <h2 className="h4" id="maal-titel">
        Måltal og optælling
      </h2>
      {error && (
        <Alert kind="error">
          <p className="alert-text">{error}</p>
        </Alert>
      )}
      <div className="overview-settings-fields">
        <TextField
          id="oversigt-maal"
          label="Måltal: højst sager pr. sagsbehandler"
          hint="Fx 25. Tom: intet måltal."
          value={maal}
          error={errors.maal}
          onChange={(v) => {
            setMaal(v);
            setSaved(false);
          }}
        />
        <fieldset className="form-group">
          <legend className="form-label">Tæl</legend>
          {COUNTINGS.map((c) => (
            <Choice
              key={c}
              type="radio"
              id={`oversigt-optaelling-${c}`}
              name="oversigt-optaelling"
              checked={optaelling === c}
              onChange={() => {
                setOptaelling(c);
                setSaved(false);
              }}
            >
              {c === 'sager' ? 'Sager' : 'Personer'}
            </Choice>
          ))}
        </fieldset>
      </div>
      <p className="form-hint">
        {countingInWords(optaelling)}
        {optaelling === 'personer' &&
          !props.anyPersons &&
          ` Ingen af enhedens lister har endnu en kolonne med personens id, så alle tælles i ${COUNTING_LABELS.sager}.`}
      </p>
      <div className="button-row">
        <button
          type="button"
          className="button button-secondary"
          disabled={busy}
          onClick={() =>
            run(async () => {
              // A number that is not one goes to the backend as typed, to be refused there in Danish.
              await props.onSave({ maal: Number.isNaN(number) ? (typed as unknown as number) : number, optaelling });
              setSaved(true);
            })
          }
        >
          Gem
        </button>
        {saved && <span className="save-status">Gemt</span>}
      </div>
    </section>
  );
}
