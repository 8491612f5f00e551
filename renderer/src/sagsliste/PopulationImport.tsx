import { type ChangeEvent, useRef, useState } from 'react';
import {
  COLUMN_TARGET_LABELS,
  COLUMN_TARGETS,
  type ColumnMapping,
  type ColumnTarget,
} from '../../../shared/domain/population';
import type { DateField } from '../../../shared/domain/skabelon';
import type { FilePreview, ImportCheck, PopulationSummary } from '../../../shared/domain/stikproeve';
import { api } from '../api';
import { Alert } from '../components/Alert';
import { Choice } from '../components/Choice';
import { fileToBase64 } from '../files';
import { messageOf } from '../store';

type Loaded = { file: { name: string; data: string }; preview: FilePreview; mapping: ColumnMapping };
type Step = { kind: 'choose' } | ({ kind: 'map' } & Loaded) | ({ kind: 'check'; check: ImportCheck } & Loaded);

const DELIMITERS: Record<string, string> = { ';': 'semikolon', ',': 'komma', '\t': 'tabulator', '|': 'lodret streg' };

/** Choose a file, map its columns, see what is wrong, import all or nothing. */
export function PopulationImport(props: {
  tilsynId: number;
  dateFields: DateField[];
  onImported(summary: PopulationSummary): void;
  onCancel?: () => void;
}) {
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [skip, setSkip] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  async function run(action: () => Promise<void>): Promise<void> {
    setBusy(true);
    setError(undefined);
    try {
      await action();
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0];
    event.target.value = '';
    if (!chosen) return;
    await run(async () => {
      const file = { name: chosen.name, data: await fileToBase64(chosen) };
      const preview = await api.call('population.preview', {
        tilsynId: props.tilsynId,
        fileName: file.name,
        dataBase64: file.data,
      });
      setStep({ kind: 'map', file, preview, mapping: preview.mapping });
    });
  }

  const fileArgs = (s: Loaded) => ({
    tilsynId: props.tilsynId,
    fileName: s.file.name,
    dataBase64: s.file.data,
    headerRow: s.preview.headerRow,
    mapping: s.mapping,
  });
  const cancel = () => (props.onCancel ? props.onCancel() : setStep({ kind: 'choose' }));

  return (
    <div className="card import-card">
      <h2>Importér sagslisten</h2>
      {error && (
        <Alert kind="error" heading="Filen kan ikke bruges endnu" onClose={() => setError(undefined)}>
          <p className="alert-text prewrap">{error}</p>
        </Alert>
      )}

      {step.kind === 'choose' && (
        <>
          <p className="lead-width">
            Vælg udtrækket fra fagsystemet (fx DUBU, Nexus, SB-SYS eller Fasit) som CSV- eller Excel-fil (.xlsx). Tilsyn
            finder selv tegnsæt, skilletegn og overskriftsrækken. Kolonner med CPR-numre bliver ikke gemt.
          </p>
          <input
            ref={input}
            id="population-file"
            type="file"
            accept=".csv,.txt,.tsv,.xlsx"
            className="sr-only"
            onChange={choose}
          />
          <div className="button-row">
            <button
              type="button"
              className="button button-primary"
              disabled={busy}
              onClick={() => input.current?.click()}
            >
              {busy ? 'Læser filen …' : 'Vælg fil'}
            </button>
            {props.onCancel && (
              <button type="button" className="button button-tertiary" onClick={props.onCancel}>
                Annullér
              </button>
            )}
          </div>
        </>
      )}

      {step.kind !== 'choose' && (
        <p className="muted">
          <strong>{step.file.name}</strong> · {step.preview.dataRowCount.toLocaleString('da-DK')} rækker ·{' '}
          {step.preview.format === 'xlsx'
            ? 'Excel'
            : `CSV, ${step.preview.encoding}, ${DELIMITERS[step.preview.delimiter ?? ''] ?? 'ukendt skilletegn'}`}{' '}
          ·{' '}
          {step.preview.headerRow >= 0
            ? `overskrifter i række ${step.preview.headerRow + 1}`
            : 'ingen overskriftsrække fundet'}
          {step.preview.mappingRemembered &&
            ' · kolonnerne er sat som sidst, du importerede en fil med samme opbygning'}
        </p>
      )}

      {step.kind === 'map' && (
        <>
          {step.preview.cprColumns.length > 0 && (
            <Alert kind="warning" heading="Kolonner med CPR-numre bliver ikke gemt">
              <p className="alert-text">
                {step.preview.cprColumns.map((i) => `»${step.preview.headers[i]}«`).join(', ')} ligner CPR-numre. Tilsyn
                gemmer sagsnumre, aldrig CPR-numre.
              </p>
            </Alert>
          )}
          <p>Vælg for hver kolonne, hvad den indeholder. Sagsnummeret skal være med.</p>
          <div className="mapping-scroll">
            <table className="table table--compact mapping-table">
              <thead>
                <tr>
                  {step.preview.headers.map((header, i) => (
                    <th key={`${header}-${i}`} scope="col">
                      <span className="mapping-header">{header}</span>
                      <MappingSelect
                        header={header}
                        value={step.mapping[i]}
                        disabled={step.preview.cprColumns.includes(i)}
                        dateFields={props.dateFields}
                        onChange={(m) => setStep({ ...step, mapping: step.mapping.map((x, j) => (j === i ? m : x)) })}
                      />
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {step.preview.sampleRows.map((row, r) => (
                  <tr key={r}>
                    {row.map((cell, c) => (
                      <td key={c} className={step.mapping[c]?.target === 'ignorer' ? 'muted' : undefined}>
                        {cell}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="button-row form-actions">
            <button
              type="button"
              className="button button-primary"
              disabled={busy}
              onClick={() =>
                run(async () => {
                  const check = await api.call('population.check', fileArgs(step));
                  setSkip(false);
                  setStep({ ...step, kind: 'check', check });
                })
              }
            >
              {busy ? 'Kontrollerer …' : 'Kontrollér rækkerne'}
            </button>
            <button type="button" className="button button-tertiary" onClick={cancel}>
              Annullér
            </button>
          </div>
        </>
      )}

      {step.kind === 'check' && (
        <>
          <h3>Kontrol af rækkerne</h3>
          <p>
            <strong>{step.check.validRows.toLocaleString('da-DK')}</strong> sager er klar til import.
            {step.check.maskedCells > 0 &&
              ` ${step.check.maskedCells} felter indeholdt noget, der ligner et CPR-nummer; det er erstattet af »[CPR-nummer fjernet]«.`}
          </p>
          {step.check.issueCount > 0 && (
            <Alert
              kind="warning"
              heading={`${step.check.issueCount === 1 ? 'Én række har' : `${step.check.issueCount} rækker har`} fejl`}
            >
              <ul className="alert-text issue-list" data-testid="import-issues">
                {step.check.issues.map((issue) => (
                  <li key={`${issue.fileRow}-${issue.column}-${issue.message}`}>{issue.message}</li>
                ))}
                {step.check.issueCount > step.check.issues.length && (
                  <li>… og {step.check.issueCount - step.check.issues.length} flere</li>
                )}
              </ul>
              <p className="alert-text">
                Ret fejlene i fagsystemet og vælg filen igen, eller spring rækkerne over med vilje.
              </p>
              <Choice type="checkbox" id="skip-invalid" checked={skip} onChange={setSkip}>
                Spring {step.check.issueCount === 1 ? 'rækken' : `de ${step.check.issueCount} rækker`} med fejl over
                (det noteres ved importen)
              </Choice>
            </Alert>
          )}
          <div className="button-row form-actions">
            <button
              type="button"
              className="button button-primary"
              disabled={busy || step.check.validRows === 0 || (step.check.issueCount > 0 && !skip)}
              onClick={() =>
                run(async () =>
                  props.onImported(await api.call('population.import', { ...fileArgs(step), skipInvalid: skip })),
                )
              }
            >
              Importér {step.check.validRows.toLocaleString('da-DK')} sager
            </button>
            <button type="button" className="button button-secondary" onClick={() => setStep({ ...step, kind: 'map' })}>
              Tilbage til kolonnerne
            </button>
            <button type="button" className="button button-tertiary" onClick={cancel}>
              Annullér
            </button>
          </div>
        </>
      )}
    </div>
  );
}

function MappingSelect(props: {
  header: string;
  value: ColumnMapping[number] | undefined;
  disabled: boolean;
  dateFields: DateField[];
  onChange(m: ColumnMapping[number]): void;
}) {
  const value =
    props.value?.target === 'dato' ? `dato:${props.value.dateKey ?? ''}` : (props.value?.target ?? 'ekstra');
  return (
    <select
      className="form-select mapping-select"
      aria-label={`Hvad er kolonnen »${props.header}«?`}
      value={props.disabled ? 'ignorer' : value}
      disabled={props.disabled}
      onChange={(e) => {
        const v = e.target.value;
        if (v.startsWith('dato:'))
          props.onChange({ header: props.header, target: 'dato', dateKey: v.slice(5) || undefined });
        else props.onChange({ header: props.header, target: v as ColumnTarget });
      }}
    >
      {COLUMN_TARGETS.filter((t) => t !== 'dato').map((t) => (
        <option key={t} value={t}>
          {COLUMN_TARGET_LABELS[t]}
        </option>
      ))}
      {props.dateFields.map((f) => (
        <option key={f.key} value={`dato:${f.key}`}>
          Dato: {f.label}
        </option>
      ))}
    </select>
  );
}
