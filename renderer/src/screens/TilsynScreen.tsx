import { useEffect, useState } from 'react';
import { formatDanishDateTime, formatDanishPeriod } from '../../../shared/domain/dates';
import type { VersionDetail } from '../../../shared/domain/skabelon';
import { REVIEW_FORM_DESCRIPTIONS, REVIEW_FORM_LABELS, type TilsynSummary } from '../../../shared/domain/tilsyn';
import { api } from '../api';
import { Alert } from '../components/Alert';
import { PageTitle } from '../components/PageTitle';
import { Progress, StatusBadge } from '../components/TilsynBits';
import { routeHref } from '../routes';
import { messageOf } from '../store';

/** One tilsyn's overview: its purpose, focus, form and progress. */
export function TilsynScreen({ id }: { id: number }) {
  const [tilsyn, setTilsyn] = useState<TilsynSummary>();
  const [error, setError] = useState<string>();

  const [version, setVersion] = useState<VersionDetail>();

  useEffect(() => {
    api.call('tilsyn.get', { id }).then(
      (t) => {
        setTilsyn(t);
        return api.call('skabelon.version', { versionId: t.skabelonVersionId }).then(setVersion);
      },
      (err) => setError(messageOf(err)),
    );
  }, [id]);
  const sectionTitles = (keys: string[]) =>
    keys.map((k) => version?.content.sections.find((s) => s.key === k)?.title ?? k).join(', ');

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
        <a className="button button-secondary" href={routeHref({ name: 'edit', id })}>
          Redigér oplysninger
        </a>
      </div>

      <div className="overview-grid">
        <div className="card">
          <h2>Formål og fokus</h2>
          <h3 className="h5">Formål</h3>
          <p className="prewrap">{tilsyn.formaal}</p>
          <h3 className="h5">Fokus og tema</h3>
          <p className="prewrap">{tilsyn.fokus || <span className="muted">Intet særligt fokus angivet.</span>}</p>
        </div>
        <div className="card">
          <h2>Gennemførelse</h2>
          <dl className="facts">
            <dt>Form</dt>
            <dd>
              {REVIEW_FORM_LABELS[tilsyn.form]}
              <span className="form-hint">{REVIEW_FORM_DESCRIPTIONS[tilsyn.form]}</span>
            </dd>
            <dt>Skabelon</dt>
            <dd>
              {version ? (
                <a href={routeHref({ name: 'version', skabelonId: version.skabelon.id, versionId: version.id })}>
                  {tilsyn.skabelonNavn}, version {tilsyn.skabelonVersionNummer}
                </a>
              ) : (
                `${tilsyn.skabelonNavn}, version ${tilsyn.skabelonVersionNummer}`
              )}
              <span className="form-hint">
                {tilsyn.afsnit ? `Tematiseret: ${sectionTitles(tilsyn.afsnit)}` : 'Alle afsnit'}
              </span>
            </dd>
            <dt>Fremdrift</dt>
            <dd>
              <Progress tilsyn={tilsyn} />
            </dd>
            <dt>Oprettet</dt>
            <dd>{formatDanishDateTime(tilsyn.oprettet)}</dd>
            <dt>Senest ændret</dt>
            <dd>{formatDanishDateTime(tilsyn.aendret)}</dd>
          </dl>
        </div>
      </div>
    </section>
  );
}
