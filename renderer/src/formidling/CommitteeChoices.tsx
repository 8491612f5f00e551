import {
  COMMITTEE_FORMAT_LABELS,
  COMMITTEE_FORMATS,
  type CommitteeFormat,
  reportGaps,
} from '../../../shared/domain/reports';
import { listedForPlan } from '../../../shared/domain/results';
import { api } from '../api';
import { Alert } from '../components/Alert';
import { Choice } from '../components/Choice';
import { useLoad } from '../hooks/useLoad';
import { routeHref } from '../routes';

/** The committee report's form, the leader's choice: short with an appendix, or full. */
export function FormatChoice(props: { value: CommitteeFormat; onChange(format: CommitteeFormat): void }) {
  return (
    <fieldset className="form-group format-choice">
      <legend className="form-label">Rapportens form</legend>
      {COMMITTEE_FORMATS.map((f) => (
        <Choice
          key={f}
          type="radio"
          id={`rapport-form-${f}`}
          name="rapport-form"
          checked={props.value === f}
          onChange={() => props.onChange(f)}
          hint={COMMITTEE_FORMAT_LABELS[f].hint}
        >
          {COMMITTEE_FORMAT_LABELS[f].label}
        </Choice>
      ))}
    </fieldset>
  );
}

const MISSING_WORDS = { vurdering: 'vurdering', plan: 'plan' } as const;

/**
 * What is missing before the report (issue #12): krav the report lists under måltal without ledelsens vurdering or
 * plan. The report can be made anyway; this says what it will lack.
 */
export function ReportGapsNotice({ tilsynId }: { tilsynId: number }) {
  const { data: view } = useLoad(() => api.call('resultater.get', { tilsynId }), [tilsynId]);
  if (!view || view.results.faerdige === 0) return null;
  const gaps = reportGaps(view.results.measures, view.assessments, view.settings.minCell);
  const resultater = routeHref({ name: 'resultater', id: tilsynId });
  if (gaps.length === 0) {
    // »All have one« of none listed read as if the leader had written them (found by an attack).
    const listed = view.results.measures.filter((m) => listedForPlan(m, Math.max(1, view.settings.minCell))).length;
    return (
      <p className="publication-clear">
        {listed === 0
          ? 'Rapporten viser ingen krav under måltal, så der er ingen vurdering eller plan at skrive.'
          : '✓ Alle krav under måltal har ledelsens vurdering og plan.'}
      </p>
    );
  }
  return (
    <Alert kind="warning" heading="Det mangler i rapporten">
      <p className="alert-text">
        {gaps.length === 1 ? 'Ét krav' : `${gaps.length} krav`} under måltal mangler ledelsens vurdering eller plan.
        Rapporten kan laves alligevel; dér står, at ledelsen ikke har skrevet dem. Skriv dem under{' '}
        <a href={resultater}>5. Resultater</a>.
      </p>
      <ul className="gap-list">
        {gaps.map((g) => (
          <li key={g.key}>
            <strong>{g.number}</strong> {g.text} – mangler {g.missing.map((m) => MISSING_WORDS[m]).join(' og ')}
          </li>
        ))}
      </ul>
    </Alert>
  );
}
