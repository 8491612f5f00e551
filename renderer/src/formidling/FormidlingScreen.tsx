import { useEffect, useState } from 'react';
import type { CommitteeFormat } from '../../../shared/domain/reports';
import { type TilsynSummary, textsLocked } from '../../../shared/domain/tilsyn';
import { Alert } from '../components/Alert';
import { messageOf } from '../errors';
import { routeHref } from '../routes';
import { useApp } from '../store';
import { TilsynLayout } from '../tilsyn/TilsynLayout';
import './formidling.css';
import { isCancelled } from '../tasks';
import { TextsLockNotice } from '../tilsyn/TextsLockNotice';
import { FormatChoice, ReportGapsNotice } from './CommitteeChoices';
import { PublicationCheckPanel } from './PublicationCheckPanel';
import { ReflectionEditor } from './ReflectionEditor';
import { SentReports } from './SentReports';
import { reportCalls, useCaseworkers, usePublicationCheck } from './useFormidlingData';

export function FormidlingScreen({ id }: { id: number }) {
  return (
    <TilsynLayout id={id} step="formidling">
      {(tilsyn, reload) => <Formidling tilsyn={tilsyn} reload={reload} />}
    </TilsynLayout>
  );
}

const CHECK_FIRST = 'Rapporten kan laves, når tjekket ovenfor er gennemgået.';

type Status = { kind: 'busy' | 'done' | 'error'; text: string } | undefined;

function StatusLine({ status }: { status: Status }) {
  if (!status) return null;
  if (status.kind === 'error')
    return (
      <Alert kind="error">
        <p className="alert-text prewrap">{status.text}</p>
      </Alert>
    );
  return (
    <p className={`save-indicator${status.kind === 'done' ? ' saved' : ''}`} aria-live="polite">
      {status.text}
    </p>
  );
}

/** The reports: the committee PDF, the caseworkers' feedback notes and the team note, and the Excel export. */
function Formidling({ tilsyn, reload }: { tilsyn: TilsynSummary; reload(): void }) {
  const caseworkers = useCaseworkers(tilsyn.id);
  const reports = reportCalls(tilsyn.id);
  const [committee, setCommittee] = useState<Status>();
  const [notes, setNotes] = useState<Status>();
  const [excel, setExcel] = useState<Status>();
  const [bundle, setBundle] = useState<Status>();
  const [folder, setFolder] = useState('');
  const [format, setFormat] = useState<CommitteeFormat>('kort');
  const sent = textsLocked(tilsyn);
  const databasePath = useApp((s) => s.info?.databasePath ?? '');
  const desktop = useApp((s) => s.info?.mode === 'electron');
  const committeeCheck = usePublicationCheck(tilsyn.id, 'udvalg');
  const teamCheck = usePublicationCheck(tilsyn.id, 'team');
  const committeeLeft = committeeCheck.check?.unresolved ?? 0;
  const teamLeft = teamCheck.check?.unresolved ?? 0;

  useEffect(() => {
    // Suggest the folder the database lives in: the leader's own place for tilsyn files.
    if (!folder && databasePath) setFolder(databasePath.replace(/[\\/][^\\/]*$/, ''));
  }, [databasePath, folder]);

  async function run(set: (s: Status) => void, busy: string, task: () => Promise<string>) {
    set({ kind: 'busy', text: busy });
    try {
      set({ kind: 'done', text: await task() });
    } catch (err) {
      // Work the leader stopped is said in the progress panel.
      set(isCancelled(err) ? undefined : { kind: 'error', text: messageOf(err) });
    }
  }

  const folderRow = (
    <div className="form-row aligned-row folder-row">
      <div className="form-group">
        <label className="form-label" htmlFor="notat-mappe">
          Eller gem dem alle i en mappe på computeren
        </label>
        <input
          id="notat-mappe"
          className="form-input input-wide"
          value={folder}
          onChange={(e) => setFolder(e.target.value)}
        />
      </div>
      <button
        type="button"
        className="button button-secondary"
        disabled={teamLeft > 0}
        onClick={() => run(setNotes, 'Gemmer notaterne …', () => reports.feedbackNotesToFolder(folder))}
      >
        Gem i mappen
      </button>
    </div>
  );

  return (
    <div className="formidling">
      <section className="review-block" aria-labelledby="udvalg">
        <h2 id="udvalg">Rapport til udvalg og forvaltningsledelse</h2>
        <p>
          Resultaterne mod måltal, metoden, udviklingen siden tidligere runder og ledelsens vurdering og plan. Rapporten
          bygges af samlede tal, og spørgsmål med meget få sager vises ikke. Dine egne tekster tjekkes, før rapporten
          laves, så den kan lægges på en åben dagsorden.
        </p>
        <p className="muted">
          Skriv sammenfatning, vurderinger og planer under{' '}
          <a href={routeHref({ name: 'resultater', id: tilsyn.id })}>5. Resultater</a>; kommunens navn og logo under{' '}
          <a href={routeHref({ name: 'indstillinger' })}>Indstillinger</a>.
        </p>
        {!sent && (
          <>
            <ReportGapsNotice tilsynId={tilsyn.id} />
            <FormatChoice value={format} onChange={setFormat} />
          </>
        )}
        <PublicationCheckPanel tilsynId={tilsyn.id} dokument="udvalg" state={committeeCheck} frozen={sent} />
        {!sent && (
          <>
            <button
              type="button"
              className="button button-primary"
              disabled={committeeLeft > 0}
              aria-describedby={committeeLeft > 0 ? 'udvalg-venter' : undefined}
              onClick={() => run(setCommittee, 'Laver rapporten …', () => reports.committeeReport(format))}
            >
              Hent rapport til udvalget (PDF)
            </button>
            {committeeLeft > 0 && (
              <p id="udvalg-venter" className="muted">
                {CHECK_FIRST}
              </p>
            )}
          </>
        )}
        <StatusLine status={committee} />
        <SentReports
          tilsyn={tilsyn}
          blockedBy={committeeLeft > 0 ? CHECK_FIRST : undefined}
          format={format}
          onSent={() => {
            reload();
            void committeeCheck.reload();
          }}
        />
      </section>

      <section className="review-block" aria-labelledby="feedback">
        <h2 id="feedback">Feedbacknotater til sagsbehandlerne og teamet</h2>
        <p>
          Ét notat til hver sagsbehandler om egne færdiggennemgåede sager: styrker, læringspunkter,
          opmærksomhedspunkter, handlinger og aftaler, og refleksionsspørgsmål til jeres samtale. Et teamnotat med de
          fælles læringspunkter, uden navne. Sager, der ikke er markeret som færdige, kommer ikke med.
        </p>
        {sent && <TextsLockNotice tilsyn={tilsyn} what="refleksionsspørgsmålene" />}
        <ReflectionEditor tilsynId={tilsyn.id} caseworkers={caseworkers} disabled={sent} />
        <p className="muted">
          Teamnotatet kan deles ud over teamet, så dets tekster tjekkes som rapporten til udvalget. Notaterne til den
          enkelte sagsbehandler er til sagsbehandleren selv og tjekkes ikke.
        </p>
        <PublicationCheckPanel tilsynId={tilsyn.id} dokument="team" state={teamCheck} />
        <div className="button-row">
          <button
            type="button"
            className="button button-primary"
            disabled={teamLeft > 0}
            aria-describedby={teamLeft > 0 ? 'notater-venter' : undefined}
            onClick={() => run(setNotes, 'Laver notaterne …', reports.feedbackNotes)}
          >
            Hent alle notater (PDF'er i én zip-fil)
          </button>
          {desktop && (
            <button
              type="button"
              className="button button-secondary"
              disabled={teamLeft > 0}
              onClick={() =>
                run(setNotes, 'Gemmer notaterne …', async () => {
                  const chosen = await reports.chooseFolder();
                  return chosen ? reports.feedbackNotesToFolder(chosen) : 'Ingen mappe valgt; notaterne er ikke gemt.';
                })
              }
            >
              Gem dem alle i en mappe …
            </button>
          )}
        </div>
        {teamLeft > 0 && (
          <p id="notater-venter" className="muted">
            Notaterne kan hentes eller gemmes, når tjekket af teamnotatet ovenfor er gennemgået.
          </p>
        )}
        {desktop ? (
          <details className="advanced">
            <summary>Avanceret: skriv mappens sti</summary>
            {folderRow}
          </details>
        ) : (
          folderRow
        )}
        <StatusLine status={notes} />
      </section>

      <section className="review-block" aria-labelledby="excel">
        <h2 id="excel">Excel</h2>
        <p>
          Alle svar, én række pr. sag og spørgsmål, med noter, begrundelser og datoer, og ark med resultater,
          fordelinger, handlinger og læring. Regnearket indeholder sagsnumre og navne: det er til ledelsens eget brug.
        </p>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => run(setExcel, 'Laver regnearket …', reports.excel)}
        >
          Eksportér svar til Excel
        </button>
        <StatusLine status={excel} />
      </section>

      <section className="review-block" aria-labelledby="pakke">
        <h2 id="pakke">Resultater til afdelingen</h2>
        <p>
          Rundens resultater som én fil (.tilsyn), som afdelingen indlæser i sin egen Tilsyn: kun samlede tal pr. krav
          og skabelonen, ingen sagsnumre, navne eller noter.
          {tilsyn.status !== 'afsluttet' && ' Den kan laves, når tilsynet er afsluttet.'}
        </p>
        <button
          type="button"
          className="button button-secondary"
          disabled={tilsyn.status !== 'afsluttet'}
          onClick={() => run(setBundle, 'Laver pakken …', reports.resultsBundle)}
        >
          Hent resultatpakke
        </button>
        <StatusLine status={bundle} />
      </section>
    </div>
  );
}
