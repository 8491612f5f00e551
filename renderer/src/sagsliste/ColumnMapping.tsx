import {
  COLUMN_TARGET_LABELS,
  COLUMN_TARGETS,
  type ColumnTarget,
  type ColumnMapping as Mapping,
} from '../../../shared/domain/population';
import type { FilePreview } from '../../../shared/domain/sample';
import type { DateField } from '../../../shared/domain/template';
import { Alert } from '../components/Alert';

/** The file's columns with the first rows beneath, each column with a choice of what it holds. */
export function ColumnMapping(props: {
  preview: FilePreview;
  mapping: Mapping;
  dateFields: DateField[];
  onMapping(mapping: Mapping): void;
}) {
  const { preview, mapping } = props;
  return (
    <>
      {preview.cprColumns.length > 0 && (
        <Alert kind="warning" heading="Kolonner med CPR-numre bliver ikke gemt">
          <p className="alert-text">
            {preview.cprColumns.map((i) => `»${preview.headers[i]}«`).join(', ')} ligner CPR-numre. Tilsyn gemmer
            sagsnumre, aldrig CPR-numre.
          </p>
        </Alert>
      )}
      <p>Vælg for hver kolonne, hvad den indeholder. Sagsnummeret skal være med.</p>
      <div className="mapping-scroll">
        <table className="table table--compact mapping-table">
          <thead>
            <tr>
              {preview.headers.map((header, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the file's columns have no ids; their order is fixed
                <th key={`${header}-${i}`} scope="col">
                  <span className="mapping-header">{header}</span>
                  <MappingSelect
                    header={header}
                    value={mapping[i]}
                    disabled={preview.cprColumns.includes(i)}
                    dateFields={props.dateFields}
                    onChange={(m) => props.onMapping(mapping.map((x, j) => (j === i ? m : x)))}
                  />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.sampleRows.map((row, r) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the sample rows have no ids; they stay as read
              <tr key={r}>
                {row.map((cell, c) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a row's cells are its columns, in file order
                  <td key={c} className={mapping[c]?.target === 'ignorer' ? 'muted' : undefined}>
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function MappingSelect(props: {
  header: string;
  value: Mapping[number] | undefined;
  disabled: boolean;
  dateFields: DateField[];
  onChange(m: Mapping[number]): void;
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
          {COLUMN_TARGET_LABELS.dato}: {f.label}
        </option>
      ))}
      {/* A column of dates the guess tied to none of the template's: shown as it is, not as the first option. */}
      <option value="dato:">{COLUMN_TARGET_LABELS.dato}, ikke en af skabelonens</option>
    </select>
  );
}
