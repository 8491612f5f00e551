import type { ReactNode } from 'react';

/** A draft's list edited in place as a table (options, date fields), each row with its »Fjern« button. */
export function EditableRows<T extends object>(props: {
  headers: string[];
  rows: T[];
  /** What a row is called after »Fjern« for screen readers, before its number: "svarmulighed". */
  what: string;
  rowKey(row: T): string;
  onChange(rows: T[]): void;
  cells(row: T, update: (patch: Partial<T>) => void, i: number): ReactNode;
}) {
  const { rows, onChange } = props;
  const update = (i: number) => (patch: Partial<T>) =>
    onChange(rows.map((row, j) => (j === i ? { ...row, ...patch } : row)));
  return (
    <table className="table table--compact">
      <thead>
        <tr>
          {props.headers.map((header) => (
            <th key={header} scope="col">
              {header}
            </th>
          ))}
          <th scope="col">
            <span className="sr-only">Fjern</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a draft's keys may repeat or be empty while typed, so the position tells rows apart
          <tr key={`${props.rowKey(row)}-${i}`}>
            {props.cells(row, update(i), i)}
            <td>
              <button type="button" className="link-button" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
                Fjern
                <span className="sr-only">
                  {' '}
                  {props.what} {i + 1}
                </span>
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
