import { useCallback, useEffect, useState } from 'react';
import { formatDanishDate, formatDanishDateTime } from '../../../shared/domain/dates';
import { type ReportSending, shortHash } from '../../../shared/domain/report-sending';
import type { CommitteeFormat } from '../../../shared/domain/reports';
import { isLocked, type TilsynSummary } from '../../../shared/domain/tilsyn';
import { Alert } from '../components/Alert';
import { TextField } from '../components/TextField';
import { messageOf } from '../errors';
import { useFormAction } from '../hooks/useAction';
import { routeHref } from '../routes';
import { TextsLockNotice } from '../tilsyn/TextsLockNotice';
import { sendingCalls } from './useFormidlingData';

interface SentReportsProps {
  tilsyn: TilsynSummary;
  /** Why the report cannot be made now (the publication check), or undefined. */
  blockedBy?: string;
  format: CommitteeFormat;
  onSent(): void;
}

/**
 * »Sendt til udvalget«: the final report of an afsluttet tilsyn, made and kept in the file as the committee received
 * it, and every report sent before (kept also after a genåbning).
 */
export function SentReports({ tilsyn, blockedBy, format, onSent }: SentReportsProps) {
  const calls = sendingCalls(tilsyn.id);
  const [sendings, setSendings] = useState<ReportSending[]>([]);
  const [navn, setNavn] = useState('');
  const { errors, error, busy, run } = useFormAction();
  const load = useCallback(
    () =>
      sendingCalls(tilsyn.id)
        .list()
        .then(setSendings, () => setSendings([])),
    [tilsyn.id],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const send = async () => {
    if (await run(() => calls.send(navn, format))) {
      await load();
      onSent();
    }
  };

  return (
    <div className="sent-reports">
      <h3>Sendt til udvalget</h3>
      {tilsyn.sendt ? (
        <TextsLockNotice tilsyn={tilsyn} what="vurderinger, planer, sammenfatning og refleksionsspørgsmål" />
      ) : isLocked(tilsyn) ? (
        <>
          <p>
            Når rapporten er klar, laver du her den endelige udgave og markerer den som sendt. Den dateres i dag og
            gemmes i tilsynsfilen med en kontrolsum, så det, udvalget fik, altid kan vises igen. Derefter er
            vurderinger, planer, sammenfatning og refleksionsspørgsmål låst, indtil tilsynet genåbnes.
          </p>
          {error && (
            <Alert kind="error">
              <p className="alert-text prewrap">{error}</p>
            </Alert>
          )}
          <div className="form-row aligned-row">
            <TextField id="sendt-navn" label="Dit navn" value={navn} onChange={setNavn} error={errors.navn} />
            <button
              type="button"
              className="button button-primary"
              disabled={busy || blockedBy !== undefined}
              aria-describedby={blockedBy ? 'sendt-venter' : undefined}
              onClick={send}
            >
              {busy ? 'Laver rapporten …' : 'Lav endelig rapport og markér som sendt'}
            </button>
          </div>
          {blockedBy && (
            <p id="sendt-venter" className="muted">
              {blockedBy}
            </p>
          )}
        </>
      ) : (
        <p className="muted">
          Når tilsynet er afsluttet under <a href={routeHref({ name: 'gennemgang', id: tilsyn.id })}>4. Gennemgang</a>,
          laver du her den endelige rapport og markerer den som sendt til udvalget. Vurderinger, planer og sammenfatning
          kan skrives, også efter afslutningen, indtil rapporten er sendt.
        </p>
      )}
      {sendings.length > 0 && <SendingTable sendings={sendings} download={calls.download} />}
    </div>
  );
}

function SendingTable(props: { sendings: ReportSending[]; download(id: number): Promise<unknown> }) {
  const [error, setError] = useState<string>();
  const download = (id: number) =>
    props.download(id).then(
      () => setError(undefined),
      (err: unknown) => setError(messageOf(err)),
    );
  return (
    <>
      {error && (
        <Alert kind="error">
          <p className="alert-text">{error}</p>
        </Alert>
      )}
      <table className="table table--compact data-table sent-table">
        <caption className="sr-only">Rapporter sendt til udvalget</caption>
        <thead>
          <tr>
            <th scope="col">Sendt</th>
            <th scope="col">Af</th>
            <th scope="col">Kontrolsum (SHA-256)</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="sr-only">Hent</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.sendings.map((s) => (
            <tr key={s.id}>
              <td className="nowrap" title={`Markeret ${formatDanishDateTime(s.registreret)}`}>
                {formatDanishDate(s.dato)}
              </td>
              <td>{s.hvem}</td>
              <td className="nowrap hash" title={s.sha256}>
                {shortHash(s.sha256)} …
              </td>
              <td>{s.gaeldende ? 'Gældende' : 'Afløst (tilsynet blev genåbnet)'}</td>
              <td>
                <button type="button" className="link-button" onClick={() => download(s.id)}>
                  Hent den sendte rapport
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
