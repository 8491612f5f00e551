import { useState } from 'react';
import { formatDanishDateTime } from '../../../shared/domain/dates';
import { Alert } from '../components/Alert';
import { PageTitle } from '../components/PageTitle';
import { routeHref } from '../routes';
import './skabeloner.css';
import { TemplateEditor } from './TemplateEditor';
import { TemplatePreview } from './TemplatePreview';
import { useVersionData } from './useSkabelonerData';
import { VersionBadge } from './VersionBadge';

/** A template version: a draft is edited here (with a preview tab); a published one is shown as reviewers see it. */
export function VersionScreen({ skabelonId, versionId }: { skabelonId: number; versionId: number }) {
  const { version, error, clearError, showDraft, saveDraft, publish } = useVersionData(versionId);
  const [tab, setTab] = useState<'edit' | 'preview'>('edit');

  if (!version) {
    return error ? (
      <Alert kind="error" heading="Versionen kunne ikke vises">
        <p className="alert-text">{error}</p>
      </Alert>
    ) : (
      <p>Henter skabelonen …</p>
    );
  }
  const editable = version.status === 'kladde' && version.skabelon.kilde !== 'standard';

  return (
    <section>
      <nav className="breadcrumbs" aria-label="Brødkrummesti">
        <a href={routeHref({ name: 'skabeloner' })}>Skabeloner</a> <span aria-hidden="true">›</span>{' '}
        <a href={routeHref({ name: 'skabelon', id: skabelonId })}>{version.skabelon.name}</a>{' '}
        <span aria-hidden="true">›</span> <span>Version {version.nummer}</span>
      </nav>
      <div className="page-heading">
        <div>
          <PageTitle>
            {version.skabelon.name} <VersionBadge version={version} />
          </PageTitle>
          <p className="heading-meta">
            {version.antalAfsnit} afsnit · {version.antalSpoergsmaal} spørgsmål ·{' '}
            {version.publiceret
              ? `publiceret ${formatDanishDateTime(version.publiceret)}`
              : `oprettet ${formatDanishDateTime(version.oprettet)}`}
          </p>
        </div>
      </div>
      {error && (
        <Alert kind="error" onClose={clearError}>
          <p className="alert-text prewrap">{error}</p>
        </Alert>
      )}
      {editable ? (
        <>
          <div className="tabs" role="tablist" aria-label="Visning">
            <button type="button" role="tab" aria-selected={tab === 'edit'} onClick={() => setTab('edit')}>
              Redigér
            </button>
            <button type="button" role="tab" aria-selected={tab === 'preview'} onClick={() => setTab('preview')}>
              Forhåndsvisning
            </button>
          </div>
          {/* The editor stays mounted, hidden, so unsaved typing is never lost when switching tabs. */}
          <div role="tabpanel" hidden={tab !== 'edit'}>
            <TemplateEditor version={version} onPublish={publish} onSave={saveDraft} onContentChange={showDraft} />
          </div>
          {tab === 'preview' && (
            <div role="tabpanel">
              <TemplatePreview content={version.content} />
            </div>
          )}
        </>
      ) : (
        <>
          {version.status === 'publiceret' && (
            <p className="muted">
              Publicerede versioner er låst. Tilsyn, der bruger versionen, påvirkes aldrig af senere ændringer i
              skabelonen.
            </p>
          )}
          <TemplatePreview content={version.content} />
        </>
      )}
    </section>
  );
}
