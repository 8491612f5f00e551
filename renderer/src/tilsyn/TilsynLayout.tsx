import type { ReactNode } from 'react';
import { formatDanishDate, formatDanishPeriod } from '../../../shared/domain/dates';
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
        {tilsyn.indlaest ? null : actions}
      </div>
      {tilsyn.indlaest ? (
        <ImportedRound tilsyn={tilsyn} step={step} />
      ) : (
        <>
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
        </>
      )}
      {tilsyn.indlaest && step === 'resultater' ? children(tilsyn, () => void reload()) : null}
    </section>
  );
}

/**
 * A round that came in a resultatpakke (issue #15) has its results and nothing else here: it says so, and where its
 * sager, answers and formidling are, instead of steps that would be empty.
 */
function ImportedRound({ tilsyn, step }: { tilsyn: TilsynSummary; step: Step }) {
  return (
    <Alert kind="info">
      <p className="alert-text">
        Runden er{' '}
        {tilsyn.afsluttetAf ? tilsyn.afsluttetAf.charAt(0).toLowerCase() + tilsyn.afsluttetAf.slice(1) : 'indlæst'}
        {tilsyn.afsluttetDato ? ` og blev afsluttet ${formatDanishDate(tilsyn.afsluttetDato)}` : ''}. En resultatpakke
        har kun rundens samlede resultater: sagerne, svarene, feedbacknotaterne og rapporten til udvalget er i den fil,
        den kom fra. Her indgår den i enhedens udvikling, i sammenligningen af enheder og i perioderapporten.
      </p>
      {step === 'resultater' ? null : (
        <p className="alert-text">
          <a href={routeHref({ name: 'resultater', id: tilsyn.id })}>Se rundens resultater</a>
        </p>
      )}
    </Alert>
  );
}
