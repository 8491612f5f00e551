import { formatDanishDateTime } from '../../../shared/domain/dates';
import { REVIEW_FORM_DESCRIPTIONS, REVIEW_FORM_LABELS, type TilsynSummary } from '../../../shared/domain/tilsyn';
import { routeHref } from '../routes';
import './tilsyn.css';
import { FullBundleExportCard } from './FullBundleCards';
import { NextStep } from './NextStep';
import { Progress } from './TilsynBits';
import { TilsynLayout } from './TilsynLayout';
import { useTemplateVersion } from './useTilsynData';

/** One tilsyn's overview: its purpose, focus, form, template and progress. */
export function TilsynScreen({ id }: { id: number }) {
  return (
    <TilsynLayout
      id={id}
      step="tilsyn"
      actions={
        <a className="button button-secondary" href={routeHref({ name: 'edit', id })}>
          Redigér oplysninger
        </a>
      }
    >
      {(tilsyn) => <Overview tilsyn={tilsyn} />}
    </TilsynLayout>
  );
}

function Overview({ tilsyn }: { tilsyn: TilsynSummary }) {
  const { version } = useTemplateVersion(tilsyn.skabelonVersionId);
  const sectionTitles = (keys: string[]) =>
    keys.map((k) => version?.content.sections.find((s) => s.key === k)?.title ?? k).join(', ');

  return (
    <>
      <NextStep tilsyn={tilsyn} />
      <div className="overview-grid">
        <div className="card">
          <h2>Formål og fokus</h2>
          <h3 className="h5">Formål</h3>
          <p className="prewrap">{tilsyn.formaal}</p>
          <h3 className="h5">Fokus og tema</h3>
          <p className="prewrap">{tilsyn.fokus || <span className="muted">Intet særligt fokus angivet.</span>}</p>
        </div>
        <div className="overview-side">
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
          <FullBundleExportCard tilsynId={tilsyn.id} />
        </div>
      </div>
    </>
  );
}
