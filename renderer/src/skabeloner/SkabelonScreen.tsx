import { useState } from 'react';
import { formatDanishDateTime } from '../../../shared/domain/dates';
import { AREA_LABELS, TEMPLATE_SOURCE_LABELS } from '../../../shared/domain/template';
import { Alert } from '../components/Alert';
import { PageTitle } from '../components/PageTitle';
import { routeHref } from '../routes';
import { MetaForm } from './MetaForm';
import './skabeloner.css';
import { useTemplateData } from './useSkabelonerData';
import { VersionBadge } from './VersionBadge';

/** One template: its versions, and what can be done with them. */
export function SkabelonScreen({ id }: { id: number }) {
  const { template, error, clearError, createDraft, copy, updateMeta, exportVersion, deleteDraft } =
    useTemplateData(id);
  const [copying, setCopying] = useState(false);
  const [editingMeta, setEditingMeta] = useState(false);

  if (!template) {
    return error ? (
      <Alert kind="error" heading="Skabelonen kunne ikke vises">
        <p className="alert-text">{error}</p>
      </Alert>
    ) : (
      <p>Henter skabelonen …</p>
    );
  }
  const editable = template.kilde !== 'standard';
  const draft = template.versions.find((v) => v.status === 'kladde');
  const latestPublished = template.versions.find((v) => v.status === 'publiceret');

  return (
    <section>
      <nav className="breadcrumbs" aria-label="Brødkrummesti">
        <a href={routeHref({ name: 'skabeloner' })}>Skabeloner</a> <span aria-hidden="true">›</span>{' '}
        <span>{template.name}</span>
      </nav>
      <div className="page-heading">
        <div>
          <PageTitle>{template.name}</PageTitle>
          <p className="heading-meta">
            {AREA_LABELS[template.area]} · {TEMPLATE_SOURCE_LABELS[template.kilde]} · senest ændret{' '}
            {formatDanishDateTime(template.aendret)}
          </p>
        </div>
        <div className="button-row">
          {latestPublished && (
            <button type="button" className="button button-secondary" onClick={() => setCopying(true)}>
              Kopiér til lokal skabelon
            </button>
          )}
          {editable && !draft && (
            <button type="button" className="button button-primary" onClick={createDraft}>
              Ny kladde
            </button>
          )}
        </div>
      </div>
      {error && (
        <Alert kind="error" onClose={clearError}>
          <p className="alert-text">{error}</p>
        </Alert>
      )}
      {template.description && <p className="prewrap lead-width">{template.description}</p>}
      {!editable && (
        <Alert kind="info">
          <p className="alert-text">
            Standardskabeloner følger med Tilsyn og kan ikke ændres. Kopiér skabelonen for at tilpasse spørgsmål,
            lovhenvisninger og frister til jeres lokale praksis.
          </p>
        </Alert>
      )}
      {copying && latestPublished && (
        <MetaForm
          heading={`Kopiér v${latestPublished.nummer} til en ny lokal skabelon`}
          initial={{ name: `${template.name} (lokal)`, area: template.area, description: template.description }}
          submitLabel="Opret kopi"
          onCancel={() => setCopying(false)}
          onSubmit={(meta) => copy(latestPublished.id, meta)}
        />
      )}
      {editable && !editingMeta && (
        <button type="button" className="button button-tertiary" onClick={() => setEditingMeta(true)}>
          Redigér navn og beskrivelse
        </button>
      )}
      {editingMeta && (
        <MetaForm
          heading="Navn og beskrivelse"
          initial={{ name: template.name, area: template.area, description: template.description }}
          submitLabel="Gem"
          onCancel={() => setEditingMeta(false)}
          onSubmit={async (meta) => {
            if (await updateMeta(meta)) setEditingMeta(false);
          }}
        />
      )}

      <h2>Versioner</h2>
      <table className="table table--compact data-table">
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Oprettet</th>
            <th scope="col">Publiceret</th>
            <th scope="col">Afsnit</th>
            <th scope="col">Spørgsmål</th>
            <th scope="col">
              <span className="sr-only">Handlinger</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {template.versions.map((v) => (
            <tr key={v.id}>
              <td>
                <VersionBadge version={v} />
              </td>
              <td className="nowrap">{formatDanishDateTime(v.oprettet)}</td>
              <td className="nowrap">{v.publiceret ? formatDanishDateTime(v.publiceret) : '–'}</td>
              <td>{v.antalAfsnit}</td>
              <td>{v.antalSpoergsmaal}</td>
              <td className="table-actions-cell">
                <a href={routeHref({ name: 'version', skabelonId: id, versionId: v.id })}>
                  {v.status === 'kladde' && editable ? 'Redigér' : 'Vis'}
                  <span className="sr-only"> version {v.nummer}</span>
                </a>
                {v.status === 'publiceret' && (
                  <button type="button" className="link-button" onClick={() => exportVersion(v.id)}>
                    Eksportér<span className="sr-only"> version {v.nummer}</span>
                  </button>
                )}
                {v.status === 'kladde' && editable && (
                  <button
                    type="button"
                    className="link-button"
                    onClick={() =>
                      window.confirm('Vil du slette kladden? Ændringerne i den går tabt.') && deleteDraft(v.id)
                    }
                  >
                    Slet kladde
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
