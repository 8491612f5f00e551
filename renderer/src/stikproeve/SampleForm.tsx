import { type FormEvent, useEffect, useState } from 'react';
import type { SamplePreview } from '../../../shared/api/contract';
import { fieldErrorsFromZod } from '../../../shared/api/errors';
import { formatCount } from '../../../shared/domain/format';
import type { PopulationSummary } from '../../../shared/domain/sample';
import {
  newSeed,
  SAMPLING_METHOD_LABELS,
  SAMPLING_METHODS,
  type SampleSpecInput,
  STRATA_FIELD_LABELS,
  STRATA_FIELDS,
  sampleSpecSchema,
} from '../../../shared/domain/sampling';
import { Choice } from '../components/Choice';
import { NumberField, Select } from '../components/Select';
import { SampleFilters } from './SampleFilters';
import { StrataTable } from './StrataTable';

const DRAWN_BY_KEY = 'tilsyn.trukketAf';

/** Method, size, strata, filters and seed, with the strata the draw would give shown as the leader chooses. */
export function SampleForm(props: {
  population: PopulationSummary;
  dateLabels: Record<string, string>;
  busy: boolean;
  onPreview(spec: SampleSpecInput): Promise<SamplePreview>;
  onDraw(spec: SampleSpecInput, drawnBy: string): void;
  onCancel?: () => void;
}) {
  const [spec, setSpec] = useState<SampleSpecInput>({
    method: 'stratificeret',
    size: 15,
    strataBy: 'sagsbehandler',
    allocation: 'per_stratum',
    perStratum: 1,
    spares: 2,
    seed: newSeed(),
    filters: { sagstyper: [], teams: [] },
    avoidRecentlyReviewed: false,
    preferUnreviewed: false,
  });
  const [drawnBy, setDrawnBy] = useState(() => localStorage.getItem(DRAWN_BY_KEY) ?? '');
  const [preview, setPreview] = useState<SamplePreview>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (patch: Partial<SampleSpecInput>) => setSpec((s) => ({ ...s, ...patch }));

  useEffect(() => {
    const parsed = sampleSpecSchema.safeParse(spec);
    if (!parsed.success) return;
    // Only the answer for the spec on screen is shown, however the responses arrive.
    let current = true;
    const timer = setTimeout(() => {
      props.onPreview(spec).then(
        (p) => current && setPreview(p),
        () => undefined,
      );
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [spec, props.onPreview]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = sampleSpecSchema.safeParse(spec);
    const errs = parsed.success ? {} : fieldErrorsFromZod(parsed.error);
    if (!drawnBy.trim()) errs.drawnBy = 'Skriv hvem der trækker stikprøven';
    setErrors(errs);
    if (Object.keys(errs).length > 0) return;
    localStorage.setItem(DRAWN_BY_KEY, drawnBy.trim());
    props.onDraw(spec, drawnBy.trim());
  }

  const stratified = spec.method === 'stratificeret';
  return (
    <form className="card sample-form" onSubmit={submit} noValidate>
      <h2>Træk stikprøven</h2>
      <p className="lead-width">
        Sagslisten har {formatCount(props.population.rowCount)} sager. Udtrækningen er tilfældig, men styret af en
        startværdi: med samme sagsliste, metode og startværdi kan enhver trække præcis de samme sager igen.
      </p>
      <fieldset className="form-group">
        <legend className="form-label">Metode</legend>
        {SAMPLING_METHODS.map((m) => (
          <Choice
            key={m}
            type="radio"
            id={`method-${m}`}
            name="method"
            checked={spec.method === m}
            onChange={() => set({ method: m })}
          >
            {SAMPLING_METHOD_LABELS[m]}
          </Choice>
        ))}
      </fieldset>

      {stratified && (
        <div className="form-row">
          <Select
            id="strata-by"
            label="Stratificér efter"
            value={spec.strataBy ?? ''}
            options={STRATA_FIELDS.map((f) => [f, STRATA_FIELD_LABELS[f]])}
            onChange={(v) => set({ strataBy: v as SampleSpecInput['strataBy'] })}
            error={errors.strataBy}
          />
          <Select
            id="allocation"
            label="Fordeling"
            value={spec.allocation ?? 'per_stratum'}
            options={[
              ['per_stratum', 'Samme antal i hver gruppe'],
              ['proportional', 'Forholdsmæssigt efter gruppens størrelse'],
            ]}
            onChange={(v) => set({ allocation: v as SampleSpecInput['allocation'] })}
          />
        </div>
      )}
      <div className="form-row">
        {stratified && spec.allocation !== 'proportional' ? (
          <NumberField
            id="per-stratum"
            label="Sager pr. gruppe"
            value={spec.perStratum}
            onChange={(perStratum) => set({ perStratum })}
            error={errors.perStratum}
          />
        ) : (
          <NumberField
            id="size"
            label="Antal sager i alt"
            value={spec.size}
            onChange={(size) => set({ size })}
            error={errors.size}
          />
        )}
        <NumberField
          id="spares"
          label={stratified ? 'Reserver pr. gruppe' : 'Reserver'}
          value={spec.spares}
          onChange={(spares) => set({ spares })}
          error={errors.spares}
        />
      </div>

      <SampleFilters population={props.population} dateLabels={props.dateLabels} spec={spec} onChange={set} />

      <div className="form-row">
        <div className={`form-group${errors.seed ? ' form-error' : ''}`}>
          <label className="form-label" htmlFor="seed">
            Startværdi
          </label>
          <span className="form-hint">Gemmes med stikprøven, så udtrækningen kan gentages og kontrolleres.</span>
          {errors.seed && <span className="form-error-message">{errors.seed}</span>}
          <div className="seed-row">
            <input
              id="seed"
              type="number"
              className="form-input input-narrow"
              value={spec.seed}
              onChange={(e) => set({ seed: Number(e.target.value) })}
            />
            <button type="button" className="button button-tertiary" onClick={() => set({ seed: newSeed() })}>
              Ny tilfældig startværdi
            </button>
          </div>
        </div>
        <div className={`form-group${errors.drawnBy ? ' form-error' : ''}`}>
          <label className="form-label" htmlFor="drawn-by">
            Trækkes af
          </label>
          <span className="form-hint">Dit navn, til dokumentationen.</span>
          {errors.drawnBy && <span className="form-error-message">{errors.drawnBy}</span>}
          <input id="drawn-by" className="form-input" value={drawnBy} onChange={(e) => setDrawnBy(e.target.value)} />
        </div>
      </div>

      {preview && (
        <div className="sample-preview" aria-live="polite">
          <h3 className="h4">
            Sådan bliver udtrækningen: {formatCount(preview.afterFilters)} af {formatCount(preview.populationCount)}{' '}
            sager er med
          </h3>
          <StrataTable strata={preview.strata} />
          {preview.warnings.map((w) => (
            <p key={w} className="form-error-message">
              {w}
            </p>
          ))}
        </div>
      )}

      <div className="button-row form-actions">
        <button type="submit" className="button button-primary" disabled={props.busy}>
          {props.busy ? 'Trækker …' : 'Træk stikprøven'}
        </button>
        {props.onCancel && (
          <button type="button" className="button button-tertiary" onClick={props.onCancel}>
            Annullér
          </button>
        )}
      </div>
    </form>
  );
}
