import { containsCpr, maskCpr } from '../../../shared/domain/cpr';

/**
 * Shown under a free-text field while its text holds something that looks like a CPR number. Tilsyn never stores
 * one (the backend masks it on save), but the leader should see it at once and can remove it herself.
 */
export function CprWarning({ text, onMask }: { text: string; onMask(masked: string): void }) {
  if (!containsCpr(text)) return null;
  return (
    <p className="cpr-warning" role="status">
      Teksten ser ud til at indeholde et CPR-nummer. Det bliver ikke gemt, men erstattet af »[CPR-nummer fjernet]«.{' '}
      <button type="button" className="link-button" onClick={() => onMask(maskCpr(text).text)}>
        Fjern det nu
      </button>
    </p>
  );
}
