import { type MissingItem, ruleDateMissingKey } from '../../../shared/domain/review';
import { Alert } from '../components/Alert';
import { jumpTo } from './navigation';

/**
 * The dates a sag lacks that decide which rules applied (the rules of their time): said above the questions, with
 * a way to the date, since the questions they decide are not shown until the date is there.
 */
export function RuleDatesNotice({
  missing,
  fields,
}: {
  missing: MissingItem[];
  fields: { key: string; label: string }[];
}) {
  const waiting = fields.filter((f) => missing.some((m) => m.key === ruleDateMissingKey(f.key)));
  if (waiting.length === 0) return null;
  return (
    <Alert kind="warning" heading="Sagen mangler en dato, der afgør hvilke regler der gjaldt">
      <p className="alert-text">
        Nogle krav afhænger af sagens datoer, fordi reglerne er ændret undervejs. Spørgsmålene vises, når datoen er
        udfyldt.
      </p>
      <div className="button-row">
        {waiting.map((f) => (
          <button
            key={f.key}
            type="button"
            className="button button-secondary"
            onClick={() => jumpTo(ruleDateMissingKey(f.key))}
          >
            Udfyld »{f.label}«
          </button>
        ))}
      </div>
    </Alert>
  );
}
