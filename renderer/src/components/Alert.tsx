import type { ReactNode } from 'react';

type AlertKind = 'success' | 'error' | 'info' | 'warning';

export const ICON_PATHS: Record<AlertKind, string> = {
  success: 'M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4z',
  error: 'M11 15h2v2h-2zm0-8h2v6h-2zm1-5C6.5 2 2 6.5 2 12s4.5 10 10 10 10-4.5 10-10S17.5 2 12 2z',
  warning: 'M1 21h22L12 2zm12-3h-2v-2h2zm0-4h-2v-4h2z',
  info: 'M11 7h2v2h-2zm0 4h2v6h-2zm1-9C6.5 2 2 6.5 2 12s4.5 10 10 10 10-4.5 10-10S17.5 2 12 2z',
};

interface AlertProps {
  kind: AlertKind;
  heading?: string;
  children?: ReactNode;
  onClose?: () => void;
}

/** A DKFDS alert with its icon; errors are announced at once, confirmations politely. */
export function Alert({ kind, heading, children, onClose }: AlertProps) {
  return (
    <div className={`alert alert-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      <svg className="alert-icon" width="24" height="24" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d={ICON_PATHS[kind]} fill="currentColor" />
      </svg>
      <div className="alert-body">
        {heading && <p className="alert-heading">{heading}</p>}
        {children}
      </div>
      {onClose && (
        <button type="button" className="alert-close" onClick={onClose}>
          Luk<span className="sr-only"> besked</span>
        </button>
      )}
    </div>
  );
}
