import { useEffect, useState } from 'react';
import { formatDanishDateTime } from '../../../shared/domain/dates';
import type { ApprovalView } from '../../../shared/domain/second-review';
import { api } from '../api';
import { Alert } from '../components/Alert';
import { TextField } from '../components/TextField';
import { messageOf } from '../errors';

/**
 * Sign-off (issue #16): who must approve the round before its report is marked as sent, and the approval itself,
 * given once the round is locked and nothing of the second review is left unsettled.
 */
export function SignOffPanel(props: { tilsynId: number; locked: boolean; sent: boolean; onLogged(): void }) {
  const { tilsynId, locked, sent } = props;
  const [status, setStatus] = useState<ApprovalView | null>();
  const [godkender, setGodkender] = useState('');
  const [navn, setNavn] = useState('');
  const [error, setError] = useState<string>();
  useEffect(() => {
    api.call('kvalitet.godkendelse', { tilsynId }).then(setStatus, (err) => setError(messageOf(err)));
  }, [tilsynId]);
  const run = async (call: () => Promise<ApprovalView | null>) => {
    setError(undefined);
    try {
      setStatus(await call());
      setNavn('');
      props.onLogged();
    } catch (err) {
      setError(messageOf(err));
    }
  };
  if (status === undefined) return null;
  return (
    <div className="sign-off">
      <h3 className="h5">Godkendelse, før rapporten sendes</h3>
      {error && (
        <Alert kind="error">
          <p className="alert-text">{error}</p>
        </Alert>
      )}
      {status === null && !sent && (
        <>
          <p className="form-hint">
            Skal en anden (fx afdelingslederen) godkende runden, før rapporten til udvalget markeres som sendt?
          </p>
          <TextField id="godkender" label="Hvem skal godkende runden?" value={godkender} onChange={setGodkender} />
          <TextField id="godkender-navn" label="Dit navn" value={navn} onChange={setNavn} />
          <div className="button-row">
            <button
              type="button"
              className="button button-secondary"
              onClick={() => void run(() => api.call('kvalitet.godkender', { tilsynId, godkender, navn }))}
            >
              Kræv godkendelse
            </button>
          </div>
        </>
      )}
      {status === null && sent && <p className="muted">Rapporten er sendt uden krav om godkendelse.</p>}
      {status && (
        <>
          <p>
            Rapporten skal godkendes af <strong>{status.godkender}</strong>, før den sendes.{' '}
            {status.gyldig && status.godkendt
              ? `Godkendt af ${status.godkendt.af} ${formatDanishDateTime(status.godkendt.tid)}.`
              : status.godkendt
                ? 'Runden er genåbnet siden godkendelsen, så den skal godkendes igen.'
                : 'Ikke godkendt endnu.'}
          </p>
          {!status.gyldig && locked && (
            <>
              <TextField
                id="godkend-navn"
                label={`Dit navn (${status.godkender} godkender)`}
                value={navn}
                onChange={setNavn}
              />
              <div className="button-row">
                <button
                  type="button"
                  className="button button-primary"
                  onClick={() => void run(() => api.call('kvalitet.godkend', { tilsynId, navn }))}
                >
                  Godkend runden
                </button>
              </div>
            </>
          )}
          {!status.gyldig && !locked && <p className="muted">Runden godkendes, når tilsynet er afsluttet.</p>}
        </>
      )}
    </div>
  );
}
