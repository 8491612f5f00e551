import { useEffect, useState } from 'react';
import { ApiError } from '../../../shared/api/errors';
import { formatDanishDate, formatDanishDateTime, formatDanishPeriod } from '../../../shared/domain/dates';
import type { CaseDataStatus, DeleteCaseDataResult, RetentionCandidate } from '../../../shared/domain/retention';
import type { TilsynSummary } from '../../../shared/domain/tilsyn';
import { api } from '../api';
import { routeHref } from '../routes';
import { messageOf } from '../store';
import { Alert } from './Alert';
import { Select } from './Select';
import { TextField } from './TextField';

const BACKUP_NOTE =
  'Sikkerhedskopier, der er taget før sletningen, indeholder stadig sagsniveau-data, indtil de udløber: ' +
  'de automatiske kopier, når de er over 30 dage gamle og der er taget 10 nyere, kopien fra før en opdatering af ' +
  'Tilsyn efter 90 dage. Kopier, du selv har taget, og kopier fra før en gendannelse slettes ikke af sig selv: ' +
  'slet dem i mappen med sikkerhedskopier, når de ikke længere skal bruges.';

const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/**
 * Retention (issue #7): delete an afsluttet tilsyn's case-level data on the leader's command. The results, the
 * development across rounds and the committee report stay; the deletion is logged with her name.
 */
export function RetentionPanel({ tilsyn, onChanged }: { tilsyn: TilsynSummary; onChanged(): void }) {
  const [status, setStatus] = useState<CaseDataStatus>();
  const [result, setResult] = useState<DeleteCaseDataResult>();
  const [open, setOpen] = useState(false);
  const [navn, setNavn] = useState('');
  const [bekraeft, setBekraeft] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();

  useEffect(() => {
    api.call('tilsyn.sagsdata', { tilsynId: tilsyn.id }).then(setStatus, (err) => setError(messageOf(err)));
  }, [tilsyn.id]);

  if (tilsyn.status !== 'afsluttet') return null;

  const submit = async () => {
    setErrors({});
    setError(undefined);
    setBusy(true);
    try {
      const done = await api.call('tilsyn.sletSagsdata', { tilsynId: tilsyn.id, navn, bekraeft });
      setResult(done);
      setStatus(done);
      setOpen(false);
      onChanged();
    } catch (err) {
      const fields = err instanceof ApiError ? err.fieldErrors : undefined;
      if (fields && Object.keys(fields).length > 0) setErrors(fields);
      else setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="review-block retention" aria-labelledby="sagsdata">
      <h2 id="sagsdata">Sletning af sagsniveau-data</h2>
      {error && (
        <Alert kind="error">
          <p className="alert-text prewrap">{error}</p>
        </Alert>
      )}
      {result && (
        <Alert kind="success" heading="Sagsniveau-data er slettet">
          <p className="alert-text">
            Slettet: {n(result.removed.sager, 'sag', 'sager')} (sagsnumre, datoer og noter),{' '}
            {n(result.removed.svar, 'svar', 'svar')}, {n(result.removed.fund, 'fund', 'fund')},{' '}
            {n(result.removed.handlinger, 'handling', 'handlinger')}, {n(result.removed.population, 'række', 'rækker')}{' '}
            i sagslisten og {n(result.removed.refleksioner, 'refleksionsspørgsmål', 'refleksionsspørgsmål')} til
            navngivne sagsbehandlere. Resultaterne, udviklingen og ledelsens vurderinger er bevaret.
          </p>
          <p className="alert-text">{BACKUP_NOTE}</p>
        </Alert>
      )}
      {!status ? (
        !error && <p>Henter …</p>
      ) : status.deleted ? (
        !result && (
          <>
            <p>
              Tilsynets sagsniveau-data blev slettet {formatDanishDateTime(status.deleted.at)} af{' '}
              <strong>{status.deleted.by}</strong>. Resultaterne, udviklingen over tid, ledelsens vurderinger og
              rapporten til udvalget er bevaret. Opdelingen på sagsbehandler, team og sagstype findes ikke længere.
            </p>
            <p className="form-hint">{BACKUP_NOTE}</p>
          </>
        )
      ) : (
        <>
          <p>
            Når tilsynet er afsluttet, og sagerne ikke længere skal bruges, kan du slette de oplysninger, der handler om
            de enkelte sager. Det sker kun, når du beder om det, og sletningen kan ikke fortrydes.
          </p>
          <div className="retention-lists">
            <div>
              <h3 className="h5">Det slettes</h3>
              <ul>
                <li>
                  Sagsnumre, sagsbehandlere, datoer og sagslisten ({n(status.counts.population, 'række', 'rækker')})
                </li>
                <li>
                  Svar, begrundelser og noter ({n(status.counts.svar, 'svar', 'svar')}), fund (
                  {n(status.counts.fund, 'punkt', 'punkter')}) og handlinger (
                  {n(status.counts.handlinger, 'handling', 'handlinger')})
                </li>
                <li>Samtalernes deltagere og refleksioner, og refleksionsspørgsmål til navngivne sagsbehandlere</li>
                <li>Sagsnumre og før/efter-værdier i ændringsloggen</li>
              </ul>
            </div>
            <div>
              <h3 className="h5">Det bevares</h3>
              <ul>
                <li>Tilsynets titel, periode, formål og fokus</li>
                <li>Resultaterne pr. spørgsmål, afsnit og kategori, og udviklingen over tid</li>
                <li>Ledelsens vurderinger, sammenfatningen og markeringen som baseline</li>
                <li>Stikprøvens antal (grupper opdelt på sagsbehandler får numre i stedet for navne)</li>
                <li>Ændringsloggen: hvem og hvornår</li>
              </ul>
            </div>
          </div>
          <p className="form-hint">
            Tekster, du har skrevet til tilsynet (fx vurderinger og sammenfatning), renses for tilsynets sagsnumre og
            sagsbehandlernes navne. {BACKUP_NOTE}
          </p>
          {status.counts.aabneHandlinger > 0 && (
            <Alert kind="warning">
              <p className="alert-text">
                {n(status.counts.aabneHandlinger, 'handling er', 'handlinger er')} endnu ikke udført. De slettes også og
                forsvinder fra opfølgningen.
              </p>
            </Alert>
          )}
          {open ? (
            <div className="close-form">
              <TextField id="slet-navn" label="Dit navn" value={navn} onChange={setNavn} error={errors.navn} />
              <TextField
                id="slet-bekraeft"
                label="Skriv tilsynets titel for at bekræfte"
                hint={`Titlen er: ${tilsyn.titel}`}
                wide
                value={bekraeft}
                onChange={setBekraeft}
                error={errors.bekraeft}
              />
              <div className="button-row">
                <button type="button" className="button button-primary" onClick={submit} disabled={busy}>
                  {busy ? 'Sletter …' : 'Slet sagsniveau-data endeligt'}
                </button>
                <button type="button" className="link-button" onClick={() => setOpen(false)}>
                  Annullér
                </button>
              </div>
            </div>
          ) : (
            <button type="button" className="button button-secondary" onClick={() => setOpen(true)}>
              Slet sagsniveau-data …
            </button>
          )}
        </>
      )}
      <DueForDeletion currentId={tilsyn.id} />
    </section>
  );
}

const MONTH_CHOICES: [string, string][] = [
  ['6', '6 måneder'],
  ['12', '1 år'],
  ['24', '2 år'],
  ['36', '3 år'],
  ['60', '5 år'],
];

/** The afsluttede tilsyn that still hold case-level data and whose period ended more than the chosen time ago. */
export function DueForDeletion({ currentId }: { currentId?: number }) {
  const [months, setMonths] = useState('24');
  const [due, setDue] = useState<RetentionCandidate[]>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    setError(undefined);
    api.call('tilsyn.sletbare', { olderThanMonths: Number(months) }).then(setDue, (err) => setError(messageOf(err)));
  }, [months]);

  return (
    <details className="retention-due">
      <summary>Hvilke afsluttede tilsyn har stadig sagsniveau-data?</summary>
      <Select
        id="slet-maaneder"
        label="Perioden sluttede for mere end"
        value={months}
        options={MONTH_CHOICES}
        onChange={setMonths}
      />
      {error && (
        <Alert kind="error">
          <p className="alert-text">{error}</p>
        </Alert>
      )}
      {due &&
        (due.length === 0 ? (
          <p>Ingen afsluttede tilsyn med sagsniveau-data er så gamle.</p>
        ) : (
          <table className="table table--compact data-table">
            <thead>
              <tr>
                <th scope="col">Tilsyn</th>
                <th scope="col">Periode</th>
                <th scope="col">Afsluttet</th>
                <th scope="col" className="num">
                  Måneder siden
                </th>
              </tr>
            </thead>
            <tbody>
              {due.map((d) => (
                <tr key={d.tilsynId}>
                  <td>
                    {d.tilsynId === currentId ? (
                      <strong>{d.titel} (dette tilsyn)</strong>
                    ) : (
                      <a href={routeHref({ name: 'gennemgang', id: d.tilsynId })}>{d.titel}</a>
                    )}
                  </td>
                  <td>{formatDanishPeriod(d.periodeFra, d.periodeTil)}</td>
                  <td>{d.afsluttetDato ? formatDanishDate(d.afsluttetDato) : '–'}</td>
                  <td className="num">{d.maanederSiden}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </details>
  );
}
