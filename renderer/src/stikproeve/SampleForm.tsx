import { type FormEvent, useEffect, useState } from 'react';
import type { SamplePreview } from '../../../shared/api/contract';
import { fieldErrorsFromZod } from '../../../shared/api/errors';
import {
  newSeed,
  SAMPLING_METHOD_LABELS,
  SAMPLING_METHODS,
  type SampleSpecInput,
  STRATA_FIELD_LABELS,
  STRATA_FIELDS,
  sampleSpecSchema,
} from '../../../shared/domain/sampling';
import type { PopulationSummary } from '../../../shared/domain/stikproeve';
import { api } from '../api';
import { Choice } from '../components/Choice';
import { NumberField, Select } from '../components/Select';
import { StrataTable } from './StrataTable';

const DRAWN_BY_KEY = 'tilsyn.trukketAf';

/** Method, size, strata, filters and seed, with the strata the draw would give shown as the leader chooses. */
export function SampleForm(props: {
  tilsynId: number;
  population: PopulationSummary;
  dateLabels: Record<string, string>;
  busy: boolean;
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
  const filters = { sagstyper: [], teams: [], ...spec.filters };
  const setFilters = (patch: Partial<typeof filters>) => set({ filters: { ...filters, ...patch } });

  useEffect(() => {
    const parsed = sampleSpecSchema.safeParse(spec);
    if (!parsed.success) return;
    // Only the answer for the spec on screen is shown, however the responses arrive.
    let current = true;
    const timer = setTimeout(() => {
      api.call('stikproeve.preview', { tilsynId: props.tilsynId, spec }).then(
        (p) => current && setPreview(p),
        () => undefined,
      );
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [spec, props.tilsynId]);

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
  const counts = props.population.counts;
  return (
    <form className="card sample-form" onSubmit={submit} noValidate>
      <h2>Træk stikprøven</h2>
      <p className="lead-width">
        Populationen har {props.population.rowCount.toLocaleString('da-DK')} sager. Trækningen er tilfældig, men styret
        af et frø: med samme sagsliste, metode og frø kan enhver trække præcis de samme sager igen.
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

      <details className="filters">
        <summary>Afgræns populationen (filtre)</summary>
        <FilterChecks
          legend="Sagstyper"
          values={Object.keys(counts.sagstype)}
          chosen={filters.sagstyper}
          onChange={(sagstyper) => setFilters({ sagstyper })}
        />
        <FilterChecks
          legend="Teams"
          values={Object.keys(counts.team)}
          chosen={filters.teams}
          onChange={(teams) => setFilters({ teams })}
        />
        {props.population.dateKeys.length > 0 && (
          <div className="form-row">
            <Select
              id="date-key"
              label="Dato"
              value={filters.dateKey ?? ''}
              options={[
                ['', 'Ingen datoafgrænsning'],
                ...props.population.dateKeys.map((k) => [k, props.dateLabels[k] ?? k] as [string, string]),
              ]}
              onChange={(dateKey) => setFilters({ dateKey: dateKey || undefined })}
            />
            <div className="form-group">
              <label className="form-label" htmlFor="date-from">
                Fra
              </label>
              <input
                id="date-from"
                type="date"
                className="form-input"
                value={filters.dateFrom ?? ''}
                onChange={(e) => setFilters({ dateFrom: e.target.value || undefined })}
              />
            </div>
            <div className="form-group">
              <label className="form-label" htmlFor="date-to">
                Til
              </label>
              <input
                id="date-to"
                type="date"
                className="form-input"
                value={filters.dateTo ?? ''}
                onChange={(e) => setFilters({ dateTo: e.target.value || undefined })}
              />
            </div>
          </div>
        )}
        <Choice
          type="checkbox"
          id="avoid-recent"
          checked={spec.avoidRecentlyReviewed ?? false}
          onChange={(avoidRecentlyReviewed) => set({ avoidRecentlyReviewed })}
          hint="Sager, der er gennemgået i et andet tilsyn de seneste 12 måneder, kommer ikke med."
        >
          Undgå sager gennemgået de seneste 12 måneder
        </Choice>
        <Choice
          type="checkbox"
          id="prefer-unreviewed"
          checked={spec.preferUnreviewed ?? false}
          onChange={(preferUnreviewed) => set({ preferUnreviewed })}
          hint="Sagsbehandlere og sagstyper, der ikke er gennemgået de seneste 12 måneder, kommer først."
        >
          Foretræk sagsbehandlere og sagstyper, der ikke er set for nylig
        </Choice>
      </details>

      <div className="form-row">
        <div className={`form-group${errors.seed ? ' form-error' : ''}`}>
          <label className="form-label" htmlFor="seed">
            Frø
          </label>
          <span className="form-hint">Gemmes med stikprøven, så trækningen kan gentages og kontrolleres.</span>
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
              Nyt tilfældigt frø
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
            Sådan bliver trækningen: {preview.afterFilters.toLocaleString('da-DK')} af{' '}
            {preview.populationCount.toLocaleString('da-DK')} sager er med
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

function FilterChecks(props: { legend: string; values: string[]; chosen: string[]; onChange(v: string[]): void }) {
  const values = props.values.filter(Boolean).sort((a, b) => a.localeCompare(b, 'da'));
  if (values.length < 2) return null;
  return (
    <fieldset className="form-group filter-checks">
      <legend className="form-label">{props.legend}</legend>
      <span className="form-hint">Ingen valgt: alle er med.</span>
      <div className="checkbox-row">
        {values.map((v) => (
          <Choice
            key={v}
            type="checkbox"
            id={`filter-${props.legend}-${v}`}
            checked={props.chosen.includes(v)}
            onChange={(on) => props.onChange(on ? [...props.chosen, v] : props.chosen.filter((x) => x !== v))}
          >
            {v}
          </Choice>
        ))}
      </div>
    </fieldset>
  );
}
