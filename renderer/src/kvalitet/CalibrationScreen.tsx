import { useEffect, useState } from 'react';
import { agreementInWords } from '../../../shared/domain/agreement';
import type { CalibrationView, PracticeSag } from '../../../shared/domain/calibration';
import { formatDanishDateTime } from '../../../shared/domain/dates';
import { samePerson } from '../../../shared/domain/second-review';
import type { TemplateSummary } from '../../../shared/domain/template';
import { api } from '../api';
import { Alert } from '../components/Alert';
import { PageTitle } from '../components/PageTitle';
import { Select } from '../components/Select';
import { TextField } from '../components/TextField';
import { messageOf } from '../errors';
import { QuestionSections } from '../gennemgang/QuestionSections';
import { routeHref } from '../routes';
import '../gennemgang/gennemgang.css';
import './kvalitet.css';

/**
 * Kalibrering (issue #16): practice sager kept with a template version; each leader answers one under her name and
 * then sees, question by question, how the others read it.
 */
export function CalibrationScreen({ id }: { id: number | null }) {
  return id === null ? <PracticeSagList /> : <PracticeSagReview id={id} />;
}

function PracticeSagList() {
  const [sager, setSager] = useState<PracticeSag[]>();
  const [templates, setTemplates] = useState<TemplateSummary[]>([]);
  const [error, setError] = useState<string>();
  const [form, setForm] = useState({ versionId: '', titel: '', beskrivelse: '', sagstype: '', navn: '' });
  useEffect(() => {
    api.call('kalibrering.list', {}).then(setSager, (e) => setError(messageOf(e)));
    api.call('skabelon.list', {}).then(setTemplates, (e) => setError(messageOf(e)));
  }, []);
  const versions = templates.flatMap((t) =>
    t.versions
      .filter((v) => v.status === 'publiceret')
      .map((v): [string, string] => [String(v.id), `${t.name}, version ${v.nummer}`]),
  );
  async function create() {
    setError(undefined);
    try {
      const made = await api.call('kalibrering.opret', {
        skabelonVersionId: Number(form.versionId || versions[0]?.[0]),
        titel: form.titel,
        beskrivelse: form.beskrivelse,
        sagstype: form.sagstype,
        datoer: {},
        navn: form.navn,
      });
      window.location.hash = routeHref({ name: 'kalibrering', id: made.sag.id });
    } catch (err) {
      setError(messageOf(err));
    }
  }
  const set = (k: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [k]: v }));
  return (
    <section>
      <PageTitle>Kalibrering</PageTitle>
      <p className="font-lead">
        Flere ledere gennemgår den samme opdigtede øvelsessag med skabelonen og ser bagefter, spørgsmål for spørgsmål,
        om de læser den ens. Øvelsessagen må ikke handle om et rigtigt barn eller en rigtig borger.
      </p>
      {error && (
        <Alert kind="error">
          <p className="alert-text">{error}</p>
        </Alert>
      )}
      {sager && sager.length > 0 && (
        <ul className="nobullet-list practice-list">
          {sager.map((s) => (
            <li key={s.id}>
              <a href={routeHref({ name: 'kalibrering', id: s.id })}>{s.titel}</a>{' '}
              <span className="muted">
                {s.skabelon} · {s.bedoemmere} {s.bedoemmere === 1 ? 'leder' : 'ledere'} har svaret
                {s.gentagerId ? ' · gentaget for en ny version' : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
      <section className="card practice-new" aria-labelledby="ny-oevelse">
        <h2 className="h4" id="ny-oevelse">
          Ny øvelsessag
        </h2>
        <Select
          id="oevelse-version"
          label="Skabelon"
          value={form.versionId || versions[0]?.[0] || ''}
          options={versions}
          onChange={set('versionId')}
        />
        <TextField id="oevelse-titel" label="Titel" value={form.titel} onChange={set('titel')} />
        <TextField
          id="oevelse-beskrivelse"
          label="Sagen, som bedømmerne skal læse den"
          hint="Opdigtede oplysninger: forløb, datoer, hvad der står i journalen. Ingen rigtige navne eller CPR-numre."
          rows={8}
          value={form.beskrivelse}
          onChange={set('beskrivelse')}
        />
        <TextField id="oevelse-sagstype" label="Sagstype" optional value={form.sagstype} onChange={set('sagstype')} />
        <TextField id="oevelse-navn" label="Dit navn" value={form.navn} onChange={set('navn')} />
        <div className="button-row">
          <button type="button" className="button button-secondary" onClick={() => void create()}>
            Opret øvelsessagen
          </button>
        </div>
      </section>
    </section>
  );
}

function PracticeSagReview({ id }: { id: number }) {
  const [view, setView] = useState<CalibrationView>();
  const [navn, setNavn] = useState('');
  const [started, setStarted] = useState(false);
  const [error, setError] = useState<string>();
  useEffect(() => {
    api.call('kalibrering.get', { id }).then(setView, (e) => setError(messageOf(e)));
  }, [id]);
  if (error && !view)
    return (
      <Alert kind="error">
        <p className="alert-text">{error}</p>
      </Alert>
    );
  if (!view) return <p aria-live="polite">Henter øvelsessagen …</p>;
  const mine = view.answers.find((a) => samePerson(a.bedoemmer, navn))?.answers ?? {};
  return (
    <section className="calibration">
      <nav className="breadcrumbs" aria-label="Brødkrummesti">
        <a href={routeHref({ name: 'kalibrering', id: null })}>Kalibrering</a> <span aria-hidden="true">›</span>{' '}
        <span>{view.sag.titel}</span>
      </nav>
      <PageTitle>{view.sag.titel}</PageTitle>
      <p className="heading-meta">
        {view.sag.skabelon} · oprettet {formatDanishDateTime(view.sag.oprettet)} af {view.sag.oprettetAf}
      </p>
      <div className="card">
        <h2 className="h4">Sagen</h2>
        <p className="prewrap">{view.sag.beskrivelse}</p>
      </div>
      {error && (
        <Alert kind="error">
          <p className="alert-text">{error}</p>
        </Alert>
      )}
      {!started ? (
        <div className="card calibration-start">
          <TextField id="kalibrering-navn" label="Dit navn" value={navn} onChange={setNavn} />
          <div className="button-row">
            <button
              type="button"
              className="button button-primary"
              disabled={!navn.trim()}
              onClick={() => setStarted(true)}
            >
              Gennemgå øvelsessagen
            </button>
          </div>
        </div>
      ) : (
        <div className="review-main">
          <p className="muted">Du svarer som {navn}. Dine svar gemmes, i det øjeblik du giver dem.</p>
          <QuestionSections
            content={view.content}
            sectionKeys={null}
            sagstype={view.sag.sagstype}
            answers={mine}
            dates={view.sag.datoer}
            disabled={false}
            onSave={(key, change) =>
              void api
                .call('kalibrering.svar', { id, bedoemmer: navn, key, ...change })
                .then(setView, (e) => setError(messageOf(e)))
            }
          />
        </div>
      )}
      <CalibrationComparison view={view} />
      <RepeatForVersion view={view} navn={navn} onError={setError} />
    </section>
  );
}

/** The practice sag again for a newer version of its template, so the leaders can calibrate on what changed. */
function RepeatForVersion(props: { view: CalibrationView; navn: string; onError(message: string): void }) {
  const [templates, setTemplates] = useState<TemplateSummary[]>([]);
  useEffect(() => {
    api.call('skabelon.list', {}).then(setTemplates, () => setTemplates([]));
  }, []);
  const current = props.view.sag.skabelonVersionId;
  const family = templates.find((t) => t.versions.some((v) => v.id === current));
  const nummer = family?.versions.find((v) => v.id === current)?.nummer ?? 0;
  const newer = family?.versions.filter((v) => v.status === 'publiceret' && v.nummer > nummer) ?? [];
  if (newer.length === 0) return null;
  async function repeat(versionId: number) {
    try {
      const made = await api.call('kalibrering.gentag', {
        id: props.view.sag.id,
        skabelonVersionId: versionId,
        navn: props.navn,
      });
      window.location.hash = routeHref({ name: 'kalibrering', id: made.sag.id });
    } catch (err) {
      props.onError(messageOf(err));
    }
  }
  return (
    <div className="button-row">
      {newer.map((v) => (
        <button key={v.id} type="button" className="button button-secondary" onClick={() => void repeat(v.id)}>
          Gentag øvelsessagen med version {v.nummer}
        </button>
      ))}
    </div>
  );
}

/** Question by question, each leader's answer; and all their judgements added up. */
function CalibrationComparison({ view }: { view: CalibrationView }) {
  if (view.answers.length < 2) return <p className="muted">Sammenligningen vises, når mindst to ledere har svaret.</p>;
  return (
    <section className="review-block" aria-labelledby="sammenligning">
      <h2 id="sammenligning">Sådan læste I sagen</h2>
      <p>
        <strong>Enighed:</strong> {agreementInWords(view.overall)} (alle par af ledere, alle spørgsmål).
      </p>
      <div className="table-scroll">
        <table className="table table--compact data-table">
          <thead>
            <tr>
              <th scope="col">Spørgsmål</th>
              {view.answers.map((a) => (
                <th scope="col" key={a.bedoemmer}>
                  {a.bedoemmer}
                </th>
              ))}
              <th scope="col">Enige?</th>
            </tr>
          </thead>
          <tbody>
            {view.questions.map((q) => (
              <tr key={q.key} className={q.enige === false ? 'below-target' : undefined}>
                <th scope="row">
                  {q.number} {q.text}
                </th>
                {view.answers.map((a) => (
                  <td key={a.bedoemmer}>{q.answers.find((x) => x.bedoemmer === a.bedoemmer)?.label ?? '–'}</td>
                ))}
                <td>{q.enige === null ? '–' : q.enige ? 'Ja' : 'Nej'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
