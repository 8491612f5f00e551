import { VERSION_STATUS_LABELS, type VersionSummary } from '../../../shared/domain/template';

/** "v2 · Publiceret" or "v3 · Kladde". */
export function VersionBadge({ version }: { version: Pick<VersionSummary, 'nummer' | 'status'> }) {
  return (
    <span className={`status-badge version-${version.status}`}>
      v{version.nummer} · {VERSION_STATUS_LABELS[version.status]}
    </span>
  );
}
