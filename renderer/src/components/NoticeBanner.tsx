import { useApp } from '../store';
import { Alert } from './Alert';

/**
 * On every screen while the open file failed its integrity check after the start: why, and where to restore a good
 * copy. Nothing more is saved in the file meanwhile.
 */
export function DamagedFileBanner() {
  const damaged = useApp((s) => s.info?.beskadiget);
  if (!damaged) return null;
  return (
    <Alert kind="error">
      <p className="alert-text">
        {damaged.besked} Tilsyn gemmer ikke flere ændringer i filen.
        {damaged.sikkerhedskopi && (
          <>
            {' '}
            Gendan kopien under <a href="#/indstillinger">Indstillinger</a>, og start Tilsyn igen.
          </>
        )}
      </p>
    </Alert>
  );
}

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
