import type { PopulationSummary } from '../../../shared/domain/sample';
import type { SampleSpecInput } from '../../../shared/domain/sampling';
import { Choice } from '../components/Choice';
import { Select } from '../components/Select';

/** Narrowing the population before the draw: sagstyper, teams, a date range, and sager seen lately. */
export function SampleFilters(props: {
  population: PopulationSummary;
  dateLabels: Record<string, string>;
  spec: SampleSpecInput;
  onChange(patch: Partial<SampleSpecInput>): void;
}) {
  const { spec, onChange: set } = props;
  const counts = props.population.counts;
  const filters = { sagstyper: [], teams: [], ...spec.filters };
  const setFilters = (patch: Partial<typeof filters>) => set({ filters: { ...filters, ...patch } });
  return (
    <details className="filters">
      <summary>Afgræns sagslisten (filtre)</summary>
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
