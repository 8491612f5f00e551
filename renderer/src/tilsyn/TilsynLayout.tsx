import type { ReactNode } from 'react';
import { formatDanishPeriod } from '../../../shared/domain/dates';
import type { TilsynSummary } from '../../../shared/domain/tilsyn';
import { Alert } from '../components/Alert';
import { PageTitle } from '../components/PageTitle';
import { routeHref } from '../routes';
import './tilsyn.css';
import { StatusBadge } from './TilsynBits';
import { useTilsynSummary } from './useTilsynData';

type Step = 'tilsyn' | 'sagsliste' | 'stikproeve' | 'gennemgang' | 'resultater' | 'formidling';

const STEPS: { step: Step; label: string }[] = [
  { step: 'tilsyn', label: '1. Formål og fokus' },
  { step: 'sagsliste', label: '2. Sagsliste' },
  { step: 'stikproeve', label: '3. Stikprøve' },
  { step: 'gennemgang', label: '4. Gennemgang' },
  { step: 'resultater', label: '5. Resultater' },
  { step: 'formidling', label: '6. Formidling' },
];

/** Loads a tilsyn and shows its heading and the steps of the work, with the current step's content below. */
export function TilsynLayout({
  id,
  step,
  actions,
  children,
}: {
  id: number;
  step: Step;
  actions?: ReactNode;
  children: (tilsyn: TilsynSummary, reload: () => void) => ReactNode;
}) {
  const { tilsyn, error, reload } = useTilsynSummary(id);

  if (error) {
    return (
      <section>
        <PageTitle>Tilsynet kunne ikke vises</PageTitle>
        <Alert kind="error">
          <p className="alert-text">{error}</p>
        </Alert>
        <a href="#/">Tilbage til oversigten</a>
      </section>
    );
  }
  if (!tilsyn) return <p aria-live="polite">Henter tilsynet …</p>;

  return (
    <section>
      <nav className="breadcrumbs" aria-label="Brødkrummesti">
        <a href="#/">Tilsyn</a> <span aria-hidden="true">›</span> <span>{tilsyn.titel}</span>
      </nav>
      <div className="page-heading">
        <div>
          <PageTitle>{tilsyn.titel}</PageTitle>
          <p className="heading-meta">
            <StatusBadge status={tilsyn.status} /> {formatDanishPeriod(tilsyn.periodeFra, tilsyn.periodeTil)} ·{' '}
            {tilsyn.enhed}
          </p>
        </div>
        {actions}
      </div>
      <nav className="step-nav" aria-label="Tilsynets trin">
        <ol className="no-max-width">
          {STEPS.map((s) => (
            <li key={s.step}>
              <a
                className="step-link"
                href={routeHref({ name: s.step, id })}
                aria-current={s.step === step ? 'page' : undefined}
              >
                {s.label}
              </a>
            </li>
          ))}
        </ol>
      </nav>
      {children(tilsyn, () => void reload())}
    </section>
  );
}
