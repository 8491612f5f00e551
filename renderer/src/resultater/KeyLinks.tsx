import { useState } from 'react';
import type { KeyLinkView } from '../../../shared/domain/reports';
import { api } from '../api';
import { Alert } from '../components/Alert';
import { Select } from '../components/Select';
import { messageOf } from '../errors';
import { useLoad } from '../hooks/useLoad';

/**
 * Krav of earlier rounds that this round's template does not have under the same key (renamed in a new version or
 * a copy): the leader says once which krav each continues as, and the development follows it (issue #14).
 */
export function KeyLinks({ tilsynId, onChanged }: { tilsynId: number; onChanged(): void }) {
  const { data, setData } = useLoad(() => api.call('resultater.koblinger', { tilsynId }), [tilsynId]);
  const [error, setError] = useState<string>();
  if (!data || data.earlier.length === 0) return null;
  const link = async (gammel: string, ny: string) => {
    setError(undefined);
    try {
      const view: KeyLinkView = await api.call('resultater.kobl', { tilsynId, gammel, ny: ny || null });
      setData(view);
      onChanged();
    } catch (err) {
      setError(messageOf(err));
    }
  };
  const options: [string, string][] = [
    ['', 'Fortsætter ikke i denne runde'],
    ...data.current.map((c): [string, string] => [c.key, `${c.number} ${c.text}`]),
  ];
  return (
    <div className="card key-links">
      <h3 className="h4">Krav fra tidligere runder</h3>
      <p>
        De tidligere runder har krav, som denne runde ikke har under samme nøgle, fx fordi et spørgsmål er omdøbt i en
        ny version eller en kopi af skabelonen. Vælg, hvilket krav hvert af dem fortsætter som, så udviklingen følger
        kravet. Valget gælder alle runder med skabelonen og dens kopier.
      </p>
      {error && (
        <Alert kind="error">
          <p className="alert-text">{error}</p>
        </Alert>
      )}
      {data.earlier.map((e) => (
        <Select
          key={e.key}
          id={`kobling-${e.key.replace(/[^a-z0-9_-]/g, '_')}`}
          label={`${e.number} ${e.text} (${e.rounds === 1 ? 'én tidligere runde' : `${e.rounds} tidligere runder`})`}
          value={e.linkedTo ?? ''}
          options={options}
          onChange={(ny) => void link(e.key, ny)}
        />
      ))}
    </div>
  );
}
