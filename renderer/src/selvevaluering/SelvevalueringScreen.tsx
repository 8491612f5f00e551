import { useEffect, useState } from 'react';
import { formatDanishPeriod } from '../../../shared/domain/dates';
import type { ReviewRole } from '../../../shared/domain/review';
import type { PakkeRole, SelfEvaluationView, SelfSag } from '../../../shared/domain/selvevaluering';
import { api } from '../api';
import { Alert } from '../components/Alert';
import { PageTitle } from '../components/PageTitle';
import { SavedTextArea } from '../components/SavedTextArea';
import { messageOf } from '../errors';
import { downloadGeneratedFile } from '../files';
import { QuestionSections } from '../gennemgang/QuestionSections';
import '../gennemgang/gennemgang.css';
import { useSavedText } from '../hooks/useSavedText';
import './selvevaluering.css';

/** The caseworker's answers look as her own do in the leader's file; a second reviewer's as a reviewer's. */
const ROLE_SHOWN: Record<PakkeRole, ReviewRole | undefined> = { sagsbehandler: 'sagsbehandler', anden: undefined };

/** What the screen says to each: the caseworker about her own sager, the second reviewer about a round's. */
const WORDS: Record<PakkeRole, { title: string; sager: string; lead: (n: number) => string }> = {
  sagsbehandler: {
    title: 'Din selvevaluering',
    sager: 'Dine sager',
    lead: (n) =>
      `Vurdér selv dine ${n} sager med skabelonens spørgsmål, før din leder gennemgår dem. Dine svar gemmes, i det øjeblik du giver dem. Når du er færdig, henter du svarfilen og sender den til din leder.`,
  },
  anden: {
    title: 'Anden gennemgang',
    sager: 'Sagerne',
    lead: (n) =>
      `Gennemgå de ${n} sager med skabelonens spørgsmål, som om du var den første. Du ser ikke den første gennemgangs svar, og den ser ikke dine, før I sammenlignes. Dine svar gemmes, i det øjeblik du giver dem. Når du er færdig, henter du svarfilen og sender den til lederen, der bad om gennemgangen.`,
  },
};

/**
 * A pakke answered in one's own Tilsyn: the caseworker's selvevaluering (issue #15), or a second reviewer's blind
 * review (issue #16). Only the pakke's sager and the template's questions, each answer saved as it is given, the
 * caseworker's reflections per sag, and the svarpakke to send back.
 */
export function SelvevalueringScreen({ id }: { id: number }) {
  const [view, setView] = useState<SelfEvaluationView>();
  const [error, setError] = useState<string>();
  const [saveError, setSaveError] = useState<string>();
  const [chosen, setChosen] = useState<number>();
  const [sent, setSent] = useState<string>();

  useEffect(() => {
    api.call('selvevaluering.get', { id }).then(setView, (err) => setError(messageOf(err)));
  }, [id]);

  if (error)
    return (
      <section>
        <PageTitle>Pakken kunne ikke vises</PageTitle>
        <Alert kind="error">
          <p className="alert-text">{error}</p>
        </Alert>
      </section>
    );
  if (!view) return <p aria-live="polite">Henter sagerne …</p>;
  const words = WORDS[view.rolle];
  const sag = view.sager.find((s) => s.noegle === chosen) ?? view.sager[0];
  const replace = (next: SelfSag) =>
    setView((v) => v && { ...v, sager: v.sager.map((s) => (s.noegle === next.noegle ? next : s)) });
  const done = view.sager.filter((s) => s.progress.missing.length === 0).length;

  async function hentSvar() {
    setSaveError(undefined);
    try {
      const file = await api.call('selvevaluering.svarfil', { id });
      downloadGeneratedFile(file);
      setSent(`${file.fileName} er hentet. Send den til din leder, fx med sikker mail.`);
    } catch (err) {
      setSaveError(messageOf(err));
    }
  }

  return (
    <section className="self-evaluation">
      <div className="page-heading">
        <div>
          <PageTitle>{words.title}</PageTitle>
          <p className="heading-meta">
            {view.sagsbehandler} · {formatDanishPeriod(view.periodeFra, view.periodeTil)}
            {view.fra ? ` · fra ${view.fra}` : ''}
          </p>
        </div>
      </div>
      <p className="font-lead">{words.lead(view.sager.length)}</p>
      {view.rolle === 'sagsbehandler' && (
        <p className="muted">
          Frister beregnes af sagens datoer i din leders fil. Mangler en dato, kan du give din egen vurdering ved at
          tilsidesætte beregningen.
        </p>
      )}
      {saveError && (
        <Alert kind="error">
          <p className="alert-text">{saveError}</p>
        </Alert>
      )}
      <div className="review-layout">
        <nav className="review-panel self-sager" aria-label={words.sager}>
          <h2 className="h4">{words.sager}</h2>
          <p className="muted">
            {done} af {view.sager.length} besvaret
          </p>
          <ul className="self-sag-list nobullet-list">
            {view.sager.map((s) => (
              <li key={s.noegle}>
                <button
                  type="button"
                  className="link-button"
                  aria-current={s.noegle === sag?.noegle ? 'true' : undefined}
                  onClick={() => setChosen(s.noegle)}
                >
                  Sag {s.sagsnummer}
                </button>
                <span className="muted">
                  {' '}
                  {s.progress.answered} af {s.progress.applicable}
                </span>
              </li>
            ))}
          </ul>
          <button type="button" className="button button-primary" onClick={() => void hentSvar()}>
            Hent svarfil til lederen
          </button>
          {sent && (
            <Alert kind="success">
              <p className="alert-text">{sent}</p>
            </Alert>
          )}
        </nav>
        {sag && (
          <SelfSagForm
            key={sag.noegle}
            id={id}
            view={view}
            sag={sag}
            onSaved={replace}
            onError={(err) => setSaveError(messageOf(err))}
          />
        )}
      </div>
    </section>
  );
}

function SelfSagForm(props: {
  id: number;
  view: SelfEvaluationView;
  sag: SelfSag;
  onSaved(sag: SelfSag): void;
  onError(err: unknown): void;
}) {
  const { id, view, sag } = props;
  const reflections = useSavedText(sag.refleksioner, (tekst) => {
    api
      .call('selvevaluering.refleksion', { id, noegle: sag.noegle, tekst })
      .then(() => props.onSaved({ ...sag, refleksioner: tekst }), props.onError);
  });
  return (
    <div className="review-main">
      <h2 className="h3">
        Sag {sag.sagsnummer}
        {sag.sagstype ? <span className="muted"> · {sag.sagstype}</span> : null}
      </h2>
      <QuestionSections
        content={view.content}
        sectionKeys={view.sectionKeys}
        sagstype={sag.sagstype}
        answers={sag.answers}
        dates={sag.dates}
        disabled={false}
        role={ROLE_SHOWN[view.rolle]}
        onSave={(key, change) =>
          void api
            .call('selvevaluering.svar', { id, noegle: sag.noegle, key, ...change })
            .then(props.onSaved, props.onError)
        }
      />
      {view.rolle === 'sagsbehandler' && (
        <section className="review-block" aria-labelledby="refleksioner">
          <h3 id="refleksioner">Dine refleksioner om sagen</h3>
          <label className="form-hint" htmlFor="selv-refleksioner">
            Hvad ser du selv i sagen? Hvad ville du gøre anderledes? Skriv ikke CPR-numre eller barnets navn.
          </label>
          <SavedTextArea id="selv-refleksioner" field={reflections} rows={5} />
        </section>
      )}
    </div>
  );
}
