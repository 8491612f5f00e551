import { useEffect, useRef } from 'react';
import { ICON_PATHS } from './Alert';

const ERROR_ICON = ICON_PATHS.error;

interface ErrorSummaryProps {
  /** Field id → message, in form order. */
  errors: { fieldId: string; message: string }[];
  /** Bumped on each failed submit so focus moves here again. */
  attempt: number;
}

/** Lists every error at the top with links to the fields, and takes focus when the form fails. */
export function ErrorSummary({ errors, attempt }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (attempt > 0) ref.current?.focus();
  }, [attempt]);
  if (errors.length === 0) return null;
  return (
    <div className="alert alert-error error-summary" role="alert" tabIndex={-1} ref={ref}>
      <svg className="alert-icon" width="24" height="24" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d={ERROR_ICON} fill="currentColor" />
      </svg>
      <div className="alert-body">
        <p className="alert-heading">
          {errors.length === 1 ? 'Der er 1 fejl i formularen' : `Der er ${errors.length} fejl i formularen`}
        </p>
        <ul className="alert-text nobullet-list">
          {errors.map((e) => (
            <li key={e.fieldId}>
              <a
                href={`#${e.fieldId}`}
                onClick={(event) => {
                  event.preventDefault();
                  document.getElementById(e.fieldId)?.focus();
                }}
              >
                {e.message}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
