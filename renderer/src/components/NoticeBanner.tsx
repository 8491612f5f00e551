import { useApp } from '../store';

/** A confirmation or error that survives one navigation (e.g. "Tilsynet er oprettet"). */
export function NoticeBanner() {
  const notice = useApp((s) => s.notice);
  const setNotice = useApp((s) => s.setNotice);
  if (!notice) return null;
  return (
    <div
      className={`alert ${notice.kind === 'success' ? 'alert-success' : 'alert-error'} notice`}
      role={notice.kind === 'success' ? 'status' : 'alert'}
    >
      <div className="alert-body">
        <p className="alert-text">{notice.text}</p>
      </div>
      <button type="button" className="notice-close" onClick={() => setNotice(undefined)}>
        Luk<span className="sr-only"> besked</span>
      </button>
    </div>
  );
}
