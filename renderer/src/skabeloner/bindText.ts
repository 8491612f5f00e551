/** The value, change handler and error of an editor item's text field, for a TextField: {...text('key')}. */
export function bindText<T extends object>(
  item: T,
  errors: Record<string, string>,
  onChange: (patch: Partial<T>) => void,
) {
  return (name: keyof T & string) => ({
    value: String(item[name] ?? ''),
    onChange: (value: string) => onChange({ [name]: value } as Partial<T>),
    error: errors[name],
  });
}
