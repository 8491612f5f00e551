import { type ChangeEvent, type DragEvent, useRef, useState } from 'react';
import { ApiError } from '../../../shared/api/errors';
import { todayIso } from '../../../shared/domain/dates';
import { formatCount } from '../../../shared/domain/format';
import type { ColumnMapping as Mapping } from '../../../shared/domain/population';
import type { FilePreview, ImportCheck } from '../../../shared/domain/sample';
import { Alert } from '../components/Alert';
import { Choice } from '../components/Choice';
import { HiddenFileInput } from '../components/HiddenFileInput';
import { TextField } from '../components/TextField';
import { useAction } from '../hooks/useAction';
import { ColumnMapping } from './ColumnMapping';
import { ImportCheckResult } from './ImportCheckResult';
import type { useSagslisteData } from './useSagslisteData';

type Loaded = { file: { name: string; data: string }; preview: FilePreview; mapping: Mapping };
type Step = { kind: 'choose' } | ({ kind: 'map' } & Loaded) | ({ kind: 'check'; check: ImportCheck } & Loaded);

const DELIMITERS: Record<string, string> = { ';': 'semikolon', ',': 'komma', '\t': 'tabulator', '|': 'lodret streg' };

type ImportSteps = Pick<ReturnType<typeof useSagslisteData>, 'dateFields' | 'previewFile' | 'checkFile'> & {
  importFile(args: FileArgs, skip: boolean, listeDato?: string): Promise<unknown>;
};
type FileArgs = Parameters<ReturnType<typeof useSagslisteData>['checkFile']>[0];

/**
 * Choose a file, map its columns, see what is wrong, import all or nothing. With `askListDate` the leader confirms
 * the day the list was taken (guessed from the file), so it also counts in the sagsoverblik (issue #19).
 */
export function PopulationImport(props: {
  data: ImportSteps;
  onImported(): void;
  onCancel?: () => void;
  /** 'required' for the overview's own import; 'optional' for a tilsyn's list, which may be a part of the caseload. */
  askListDate?: 'required' | 'optional';
  title?: string;
  intro?: string;
}) {
  const { data } = props;
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const { error, setError, busy, run } = useAction();
  const [skip, setSkip] = useState(false);
  const [listeDato, setListeDato] = useState('');
  const [inOverview, setInOverview] = useState(true);
  const askDate = props.askListDate === 'required' || (props.askListDate === 'optional' && inOverview);
  const input = useRef<HTMLInputElement>(null);

  const [dragging, setDragging] = useState(false);

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0];
    event.target.value = '';
    if (chosen) await read(chosen);
  }

  /** A file dropped on the card is read as one chosen with »Vælg fil«. */
  async function drop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    const [dropped, ...more] = [...event.dataTransfer.files];
    if (!dropped) return;
    if (more.length > 0) {
      setError('Træk én fil ad gangen: sagslisten er én fil fra fagsystemet.');
      return;
    }
    await read(dropped);
  }

  async function read(chosen: File) {
    await run(async () => {
      const { file, preview } = await data.previewFile(chosen);
      setListeDato(preview.listeDato?.dato ?? todayIso());
      setStep({ kind: 'map', file, preview, mapping: preview.mapping });
    });
  }

  /**
   * Checks or imports the file the preview read, named by what it answered (issue #18: 200,000 rows are not sent
   * three times); sent again only when the backend no longer holds it (another file read since, a restart).
   */
  async function withFile<T>(s: Loaded, call: (args: FileArgs) => Promise<T>): Promise<T> {
    const args = { fileName: s.file.name, headerRow: s.preview.headerRow, mapping: s.mapping };
    try {
      return await call({ ...args, fil: s.preview.fil });
    } catch (err) {
      if (!(err instanceof ApiError) || err.code !== 'NOT_FOUND') throw err;
      return call({ ...args, dataBase64: s.file.data });
    }
  }
  const cancel = () => (props.onCancel ? props.onCancel() : setStep({ kind: 'choose' }));

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: dropping a file is a pointer shortcut; »Vælg fil« is the control.
    <div
      className={`card import-card${dragging ? ' drop-target' : ''}`}
      onDragOver={(e) => {
        if (step.kind !== 'choose' || busy) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => void (step.kind === 'choose' && !busy ? drop(e) : undefined)}
    >
      <h2>{props.title ?? 'Importér sagslisten'}</h2>
      {error && (
        <Alert kind="error" heading="Filen kan ikke bruges endnu" onClose={() => setError(undefined)}>
          <p className="alert-text prewrap">{error}</p>
        </Alert>
      )}

      {step.kind === 'choose' && (
        <>
          <p className="lead-width">
            {props.intro ??
              'Vælg udtrækket fra fagsystemet (fx DUBU, Nexus, SB-SYS eller Fasit) som CSV- eller Excel-fil (.xlsx).'}{' '}
            Tilsyn finder selv tegnsæt, skilletegn og overskriftsrækken. Kolonner med CPR-numre bliver ikke gemt. Du kan
            også trække filen herhen.
          </p>
          <HiddenFileInput ref={input} id="population-file" accept=".csv,.txt,.tsv,.xlsx" onChange={choose} />
          <div className="button-row">
            <button
              type="button"
              className="button button-primary"
              disabled={busy}
              onClick={() => input.current?.click()}
            >
              {busy ? 'Læser filen …' : 'Vælg fil'}
            </button>
            {props.onCancel && (
              <button type="button" className="button button-tertiary" disabled={busy} onClick={props.onCancel}>
                Annullér
              </button>
            )}
          </div>
        </>
      )}

      {step.kind !== 'choose' && (
        <p className="muted">
          <strong>{step.file.name}</strong> · {formatCount(step.preview.dataRowCount)} rækker ·{' '}
          {step.preview.format === 'xlsx'
            ? 'Excel'
            : `CSV, ${step.preview.encoding}, ${DELIMITERS[step.preview.delimiter ?? ''] ?? 'ukendt skilletegn'}`}{' '}
          ·{' '}
          {step.preview.headerRow >= 0
            ? `overskrifter i række ${step.preview.headerRow + 1}`
            : 'ingen overskriftsrække fundet'}
          {step.preview.mappingRemembered &&
            ' · kolonnerne er sat som sidst, du importerede en fil med samme opbygning'}
        </p>
      )}

      {step.kind === 'map' && (
        <>
          <ColumnMapping
            preview={step.preview}
            mapping={step.mapping}
            dateFields={data.dateFields}
            onMapping={(mapping) => setStep({ ...step, mapping })}
          />
          <div className="button-row form-actions">
            <button
              type="button"
              className="button button-primary"
              disabled={busy}
              onClick={() =>
                run(async () => {
                  const check = await withFile(step, data.checkFile);
                  setSkip(false);
                  setStep({ ...step, kind: 'check', check });
                })
              }
            >
              {busy ? 'Kontrollerer …' : 'Kontrollér rækkerne'}
            </button>
            {/* While the file is checked or stored, »Afbryd« in the progress panel stops it; not this. */}
            <button type="button" className="button button-tertiary" disabled={busy} onClick={cancel}>
              Annullér
            </button>
          </div>
        </>
      )}

      {step.kind === 'check' && (
        <>
          <ImportCheckResult check={step.check} skip={skip} onSkip={setSkip} />
          {props.askListDate === 'optional' && (
            <Choice
              type="checkbox"
              id="liste-i-overblik"
              checked={inOverview}
              onChange={setInOverview}
              hint="Kun hvis listen rummer alle enhedens sager den dag, ikke et udsnit (fx kun sager med en afgørelse i perioden)."
            >
              Brug også listen i enhedens sagsoverblik
            </Choice>
          )}
          {askDate && (
            <TextField
              id="liste-dato"
              type="date"
              label="Sagslistens dato"
              hint={
                step.preview.listeDato
                  ? `Den dag, listen blev trukket fra fagsystemet. Fundet i ${step.preview.listeDato.kilde}; ret den, hvis den ikke passer.`
                  : 'Den dag, listen blev trukket fra fagsystemet. Sat til i dag; ret den, hvis listen er trukket en anden dag.'
              }
              value={listeDato}
              max={todayIso()}
              onChange={setListeDato}
            />
          )}
          <div className="button-row form-actions">
            <button
              type="button"
              className="button button-primary"
              disabled={busy || step.check.validRows === 0 || (step.check.issueCount > 0 && !skip)}
              onClick={() =>
                run(async () => {
                  await withFile(step, (args) => data.importFile(args, skip, askDate ? listeDato : undefined));
                  props.onImported();
                })
              }
            >
              Importér {formatCount(step.check.validRows)} sager
            </button>
            <button
              type="button"
              className="button button-secondary"
              disabled={busy}
              onClick={() => setStep({ ...step, kind: 'map' })}
            >
              Tilbage til kolonnerne
            </button>
            {/* While the file is checked or stored, »Afbryd« in the progress panel stops it; not this. */}
            <button type="button" className="button button-tertiary" disabled={busy} onClick={cancel}>
              Annullér
            </button>
          </div>
        </>
      )}
    </div>
  );
}
