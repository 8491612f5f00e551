import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { fieldErrorsFromZod } from '../../../shared/api/errors';
import { formatDanishDateTime } from '../../../shared/domain/dates';
import {
  AREA_LABELS,
  AREAS,
  type Area,
  TEMPLATE_SOURCE_LABELS,
  type TemplateSummary,
  templateMetaSchema,
} from '../../../shared/domain/skabelon';
import { api } from '../api';
import { Alert } from '../components/Alert';
import { PageTitle } from '../components/PageTitle';
import { TextField } from '../components/TextField';
import { downloadTextFile } from '../files';
import { routeHref } from '../routes';
import { VersionBadge } from '../skabelon/VersionBadge';
import { messageOf, useApp } from '../store';

/** One template: its versions, and what can be done with them. */
export function SkabelonScreen({ id }: { id: number }) {
  const navigate = useApp((s) => s.navigate);
  const [template, setTemplate] = useState<TemplateSummary>();
  const [error, setError] = useState<string>();
  const [copying, setCopying] = useState(false);
  const [editingMeta, setEditingMeta] = useState(false);

  const load = useCallback(
    () => api.call('skabelon.get', { id }).then(setTemplate, (err) => setError(messageOf(err))),
    [id],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const run = async (action: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await action();
    } catch (err) {
      setError(messageOf(err));
    }
  };

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
  const openVersion = (versionId: number) => navigate({ name: 'version', skabelonId: id, versionId });

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
            <button
              type="button"
              className="button button-primary"
              onClick={() =>
                run(async () => openVersion((await api.call('skabelon.createDraft', { skabelonId: id })).versionId))
              }
            >
              Ny kladde
            </button>
          )}
        </div>
      </div>
      {error && (
        <Alert kind="error" onClose={() => setError(undefined)}>
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
          onSubmit={(meta) =>
            run(async () => {
              const created = await api.call('skabelon.copy', { versionId: latestPublished.id, meta });
              navigate(
                { name: 'version', skabelonId: created.skabelonId, versionId: created.versionId },
                {
                  kind: 'success',
                  text: `»${meta.name}« er oprettet som kladde. Tilpas spørgsmålene, og publicér.`,
                },
              );
            })
          }
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
          onSubmit={(meta) =>
            run(async () => {
              setTemplate(await api.call('skabelon.updateMeta', { id, meta }));
              setEditingMeta(false);
            })
          }
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
                  <button
                    type="button"
                    className="link-button"
                    onClick={() =>
                      run(async () => {
                        const file = await api.call('skabelon.export', { versionId: v.id });
                        downloadTextFile(file.fileName, file.text);
                      })
                    }
                  >
                    Eksportér<span className="sr-only"> version {v.nummer}</span>
                  </button>
                )}
                {v.status === 'kladde' && editable && (
                  <button
                    type="button"
                    className="link-button"
                    onClick={() =>
                      window.confirm('Vil du slette kladden? Ændringerne i den går tabt.') &&
                      run(async () => {
                        await api.call('skabelon.deleteDraft', { versionId: v.id });
                        await load();
                      })
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

interface MetaValues {
  name: string;
  area: Area;
  description: string;
}

function MetaForm(props: {
  heading: string;
  initial: MetaValues;
  submitLabel: string;
  onSubmit(meta: MetaValues): void;
  onCancel(): void;
}) {
  const [values, setValues] = useState(props.initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = templateMetaSchema.safeParse(values);
    if (!parsed.success) setErrors(fieldErrorsFromZod(parsed.error));
    else props.onSubmit(parsed.data);
  };
  return (
    <form className="card inline-form" onSubmit={submit} noValidate>
      <h2 className="h3">{props.heading}</h2>
      <TextField
        id="meta-name"
        label="Navn"
        value={values.name}
        onChange={(name) => setValues({ ...values, name })}
        error={errors.name}
        wide
      />
      <div className="form-group">
        <label className="form-label" htmlFor="meta-area">
          Område
        </label>
        <select
          id="meta-area"
          className="form-select"
          value={values.area}
          onChange={(e) => setValues({ ...values, area: e.target.value as Area })}
        >
          {AREAS.map((a) => (
            <option key={a} value={a}>
              {AREA_LABELS[a]}
            </option>
          ))}
        </select>
      </div>
      <TextField
        id="meta-description"
        label="Beskrivelse"
        optional
        rows={3}
        value={values.description}
        onChange={(description) => setValues({ ...values, description })}
        error={errors.description}
        wide
      />
      <div className="button-row form-actions">
        <button type="submit" className="button button-primary">
          {props.submitLabel}
        </button>
        <button type="button" className="button button-tertiary" onClick={props.onCancel}>
          Annullér
        </button>
      </div>
    </form>
  );
}
