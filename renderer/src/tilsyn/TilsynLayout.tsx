import type { ReactNode } from 'react';
import { formatDanishDate, formatDanishPeriod } from '../../../shared/domain/dates';
import {
  STEP_STATE_LABELS,
  stepStates,
  TILSYN_STEP_LABELS,
  TILSYN_STEPS,
  type TilsynStep,
  type TilsynSummary,
} from '../../../shared/domain/tilsyn';
import { Alert } from '../components/Alert';
import { PageTitle } from '../components/PageTitle';
import { routeHref } from '../routes';
import './tilsyn.css';
import { StatusBadge } from './TilsynBits';
import { useTilsynSummary } from './useTilsynData';

/** Loads a tilsyn and shows its heading and the steps of the work, with the current step's content below. */
export function TilsynLayout({
  id,
  step,
  actions,
  children,
}: {
  id: number;
  step: TilsynStep;
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
  const states = stepStates(tilsyn);

  return (
    <section>
      <nav className="breadcrumbs" aria-label="Brødkrummesti">
        <a href="#/">Tilsyn</a> <span aria-hidden="true">›</span> <span>{tilsyn.titel}</span>
      </nav>
      <div className="page-heading">
        <div>
          <PageTitle windowTitle={`${tilsyn.titel} · ${TILSYN_STEP_LABELS[step]}`}>{tilsyn.titel}</PageTitle>
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
              {TILSYN_STEPS.map((s) => (
                <li key={s} className={`step-${states[s]}`}>
                  <a
                    className="step-link"
                    href={routeHref({ name: s, id })}
                    aria-current={s === step ? 'page' : undefined}
                  >
                    {states[s] === 'faerdig' && (
                      <span className="step-mark" aria-hidden="true">
                        ✓{' '}
                      </span>
                    )}
                    {TILSYN_STEP_LABELS[s]}
                    <span className="sr-only">, {STEP_STATE_LABELS[states[s]]}</span>
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
function ImportedRound({ tilsyn, step }: { tilsyn: TilsynSummary; step: TilsynStep }) {
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
