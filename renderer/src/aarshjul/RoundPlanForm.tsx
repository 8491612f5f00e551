import { type FormEvent, useState } from 'react';
import {
  FREQUENCIES,
  type Frequency,
  ROUND_KIND_LABELS,
  ROUND_KINDS,
  type RoundKind,
  type SampleRule,
} from '../../../shared/domain/aarshjul';
import { flattenTree, type Unit, unitTree } from '../../../shared/domain/enhed';
import { REVIEW_FORM_LABELS, REVIEW_FORMS, type ReviewForm } from '../../../shared/domain/tilsyn';
import { Alert } from '../components/Alert';
import { Select } from '../components/Select';
import { TextField } from '../components/TextField';
import { TemplateChoice } from '../tilsyn/TemplateChoice';
import type { useAarshjulData } from './useAarshjulData';

type Data = ReturnType<typeof useAarshjulData>;
const WHEN = ['periode', ...FREQUENCIES] as const;
const WHEN_LABELS: Record<(typeof WHEN)[number], string> = {
  periode: 'Én runde i en periode',
  maaned: 'En runde hver måned i året',
  kvartal: 'En runde hvert kvartal i året',
};

/** Plans one round, or a series each month or quarter of the year, for an enhed. */
export function RoundPlanForm({ year, units, data }: { year: number; units: Unit[]; data: Data }) {
  const [enhedId, setEnhedId] = useState('');
  const [art, setArt] = useState<RoundKind>('loebende');
  const [titel, setTitel] = useState('');
  const [versionId, setVersionId] = useState<number>();
  const [afsnit, setAfsnit] = useState<string[] | null>(null);
  const [form, setForm] = useState<ReviewForm>('ledelseskontrol');
  const [regel, setRegel] = useState<SampleRule>('antal');
  const [antal, setAntal] = useState('15');
  const [ansvarlig, setAnsvarlig] = useState('');
  const [when, setWhen] = useState<(typeof WHEN)[number]>('periode');
  const [fra, setFra] = useState('');
  const [til, setTil] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string }>();
  const places = flattenTree(unitTree(units));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const common = {
      enhedId: Number(enhedId) || 0,
      art,
      titel,
      skabelonVersionId: versionId ?? 0,
      afsnit,
      form,
      stikproeve: { regel, antal: Number(antal) },
      ansvarlig,
    };
    const result =
      when === 'periode'
        ? await data.create({ ...common, fra, til })
        : await data.createSeries({ ...common, aar: year, hyppighed: when as Frequency });
    if (result.ok) {
      setErrors({});
      setMessage({
        kind: 'success',
        text: when === 'periode' ? 'Runden er lagt i årshjulet.' : 'Runderne er lagt i årshjulet.',
      });
      return;
    }
    setErrors(result.fieldErrors);
    setMessage({ kind: 'error', text: result.message });
  }

  return (
    <form className="card round-plan" onSubmit={submit} noValidate>
      <h2 className="h4">Planlæg runder</h2>
      {message && (
        <Alert kind={message.kind}>
          <p className="alert-text">{message.text}</p>
        </Alert>
      )}
      <div className="round-plan-fields">
        <Select
          id="plan-enhed"
          label="Enhed"
          value={enhedId}
          options={[['', 'Vælg enhed'], ...places.map((p): [string, string] => [String(p.id), p.path])]}
          onChange={setEnhedId}
          error={errors.enhedId}
        />
        <Select
          id="plan-art"
          label="Slags runde"
          value={art}
          options={ROUND_KINDS.map((k) => [k, ROUND_KIND_LABELS[k]])}
          onChange={(v) => setArt(v as RoundKind)}
        />
        <Select
          id="plan-form"
          label="Tilsynsform"
          value={form}
          options={REVIEW_FORMS.map((f) => [f, REVIEW_FORM_LABELS[f]])}
          onChange={(v) => setForm(v as ReviewForm)}
        />
      </div>
      <TextField
        id="plan-titel"
        label="Titel"
        value={titel}
        onChange={setTitel}
        error={errors.titel}
        maxLength={150}
        wide
      />
      <TemplateChoice
        versionId={versionId}
        afsnit={afsnit}
        errors={errors}
        onChange={(v, a) => {
          setVersionId(v);
          setAfsnit(a);
        }}
      />
      <div className="round-plan-fields">
        <Select
          id="plan-regel"
          label="Stikprøve"
          value={regel}
          options={[
            ['antal', 'Et antal sager'],
            ['pr_sagsbehandler', 'Et antal sager pr. sagsbehandler'],
          ]}
          onChange={(v) => setRegel(v as SampleRule)}
        />
        <TextField
          id="plan-antal"
          label="Antal"
          value={antal}
          onChange={setAntal}
          error={errors['stikproeve.antal']}
          maxLength={3}
        />
        <TextField
          id="plan-ansvarlig"
          label="Ansvarlig"
          value={ansvarlig}
          onChange={setAnsvarlig}
          error={errors.ansvarlig}
          maxLength={200}
        />
      </div>
      <Select
        id="plan-hvornaar"
        label="Hvornår"
        value={when}
        options={WHEN.map((w) => [w, WHEN_LABELS[w]])}
        onChange={(v) => setWhen(v as (typeof WHEN)[number])}
      />
      {when === 'periode' ? (
        <div className="round-plan-fields">
          <TextField id="plan-fra" label="Fra" type="date" value={fra} onChange={setFra} error={errors.fra} />
          <TextField id="plan-til" label="Til" type="date" value={til} onChange={setTil} error={errors.til} />
        </div>
      ) : (
        <p className="form-hint">
          Runderne får titlen efterfulgt af måneden eller kvartalet, fx »{titel || 'Tilsyn'} – marts {year}«.
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button button-primary">
          {when === 'periode' ? 'Læg runden i årshjulet' : `Læg runderne for ${year} i årshjulet`}
        </button>
      </div>
    </form>
  );
}
