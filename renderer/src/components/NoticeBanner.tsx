import { useApp } from '../store';
import { Alert } from './Alert';

/** A confirmation or error shown on the screen it was given for (e.g. "Tilsynet er oprettet"). */
export function NoticeBanner() {
  const notice = useApp((s) => s.notice);
  const setNotice = useApp((s) => s.setNotice);
  if (!notice) return null;
  return (
    <Alert kind={notice.kind} onClose={() => setNotice(undefined)}>
      <p className="alert-text">{notice.text}</p>
    </Alert>
  );
}
