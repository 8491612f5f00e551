import { type ChangeEvent, useRef } from 'react';
import { formatDanishDateTime } from '../../../shared/domain/dates';
import { AREA_LABELS, TEMPLATE_SOURCE_LABELS } from '../../../shared/domain/template';
import { Alert } from '../components/Alert';
import { PageTitle } from '../components/PageTitle';
import { routeHref } from '../routes';
import './skabeloner.css';
import { HiddenFileInput } from '../components/HiddenFileInput';
import { useTemplateListData } from './useSkabelonerData';
import { VersionBadge } from './VersionBadge';

/** All templates: the shipped standard ones, local copies and imported ones. */
export function SkabelonListScreen() {
  const { templates, error, importError, clearImportError, importFile: importTemplate } = useTemplateListData();
  const fileInput = useRef<HTMLInputElement>(null);

  async function importFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) await importTemplate(file);
  }

  return (
    <section>
      <div className="page-heading">
        <div>
          <PageTitle>Skabeloner</PageTitle>
          <p className="font-lead">
            En skabelon er de spørgsmål, du besvarer for hver sag. Standardskabelonerne kan kopieres og tilpasses
            lokalt; et tilsyn bruger altid den version, det blev startet med.
          </p>
          <p>
            <a href={routeHref({ name: 'kalibrering', id: null })}>Kalibrering</a>: øvelsessager, som flere ledere
            gennemgår med en skabelon for at se, om de læser spørgsmålene ens.
          </p>
        </div>
        <div>
          <HiddenFileInput ref={fileInput} id="skabelon-import" accept=".json,application/json" onChange={importFile} />
          <button type="button" className="button button-secondary" onClick={() => fileInput.current?.click()}>
            Importér skabelon
          </button>
        </div>
      </div>
      {importError && (
        <Alert kind="error" heading="Skabelonen blev ikke importeret" onClose={clearImportError}>
          <p className="alert-text prewrap" data-testid="import-error">
            {importError}
          </p>
        </Alert>
      )}
      {error && (
        <Alert kind="error" heading="Skabelonerne kunne ikke hentes">
          <p className="alert-text">{error}</p>
        </Alert>
      )}
      {templates && (
        <table className="table table--compact data-table">
          <caption className="sr-only">Alle skabeloner</caption>
          <thead>
            <tr>
              <th scope="col">Navn</th>
              <th scope="col">Område</th>
              <th scope="col">Kilde</th>
              <th scope="col">Seneste version</th>
              <th scope="col">Spørgsmål</th>
              <th scope="col">Senest ændret</th>
            </tr>
          </thead>
          <tbody>
            {templates.map((t) => {
              const latest = t.versions[0];
              return (
                <tr key={t.id}>
                  <td>
                    <a href={routeHref({ name: 'skabelon', id: t.id })}>{t.name}</a>
                  </td>
                  <td>{AREA_LABELS[t.area]}</td>
                  <td>{TEMPLATE_SOURCE_LABELS[t.kilde]}</td>
                  <td>{latest ? <VersionBadge version={latest} /> : <span className="muted">Ingen versioner</span>}</td>
                  <td>{latest?.antalSpoergsmaal ?? 0}</td>
                  <td className="nowrap">{formatDanishDateTime(t.aendret)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
