import { useState } from 'react';
import { formatDanishDateTime } from '../../../shared/domain/dates';
import { formatCountOf } from '../../../shared/domain/format';
import { isLocked, type TilsynSummary } from '../../../shared/domain/tilsyn';
import { Alert } from '../components/Alert';
import { TextField } from '../components/TextField';
import { useFormAction } from '../hooks/useAction';
import { DueForDeletion } from './DueForDeletion';
import { useRetentionData } from './useGennemgangData';

const BACKUP_NOTE =
  'Sikkerhedskopier, der er taget før sletningen, indeholder stadig sagsniveau-data, indtil de udløber: ' +
  'de automatiske kopier, når de er over 30 dage gamle og der er taget 10 nyere, kopien fra før en opdatering af ' +
  'Tilsyn efter 90 dage. Kopier, du selv har taget, og kopier fra før en gendannelse slettes ikke af sig selv: ' +
  'slet dem i mappen med sikkerhedskopier, når de ikke længere skal bruges.';

const n = formatCountOf;

/**
 * Retention (issue #7): delete an afsluttet tilsyn's case-level data on the leader's command. The results, the
 * development across rounds and the committee report stay; the deletion is logged with her name.
 */
export function RetentionPanel({ tilsyn, onChanged }: { tilsyn: TilsynSummary; onChanged(): void }) {
  const { status, result, error: loadError, deleteCaseData } = useRetentionData(tilsyn.id);
  const [open, setOpen] = useState(false);
  const [navn, setNavn] = useState('');
  const [bekraeft, setBekraeft] = useState('');
  const { errors, error: submitError, busy, run } = useFormAction();
  const error = submitError ?? loadError;

  if (!isLocked(tilsyn)) return null;

  const submit = async () => {
    if (!(await run(() => deleteCaseData(navn, bekraeft)))) return;
    setOpen(false);
    onChanged();
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
