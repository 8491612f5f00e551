import { type FormEvent, useEffect, useState } from 'react';
import { fieldErrorsFromZod } from '../../../shared/api/errors';
import {
  REVIEW_FORM_DESCRIPTIONS,
  REVIEW_FORM_LABELS,
  REVIEW_FORMS,
  type ReviewForm,
  tilsynInputSchema,
} from '../../../shared/domain/tilsyn';
import { Alert } from '../components/Alert';
import { ErrorSummary } from '../components/ErrorSummary';
import { PageTitle } from '../components/PageTitle';
import { TextField } from '../components/TextField';
import { routeHref } from '../routes';
import { useApp } from '../store';
import { TemplateChoice } from './TemplateChoice';
import { UnitField } from './UnitField';
import './tilsyn.css';
import { useTilsynFormData } from './useTilsynData';

interface FormValues {
  titel: string;
  periodeFra: string;
  periodeTil: string;
  enhed: string;
  /** The enhed the tilsyn has; dropped as soon as the name is changed, so the typed name decides. */
  enhedId: number | null;
  form: ReviewForm | '';
  formaal: string;
  fokus: string;
  skabelonVersionId: number | undefined;
  afsnit: string[] | null;
}

const EMPTY: FormValues = {
  titel: '',
  periodeFra: '',
  periodeTil: '',
  enhed: '',
  enhedId: null,
  form: '',
  formaal: '',
  fokus: '',
  skabelonVersionId: undefined,
  afsnit: null,
};
const FIELD_ORDER: (keyof FormValues)[] = [
  'titel',
  'periodeFra',
  'periodeTil',
  'enhed',
  'form',
  'skabelonVersionId',
  'afsnit',
  'formaal',
  'fokus',
];
const fieldId = (name: keyof FormValues) => (name === 'form' ? `tilsyn-form-${REVIEW_FORMS[0]}` : `tilsyn-${name}`);

/** Create a tilsyn, or edit one (editId). Validated with the same schema the backend uses. */
export function TilsynFormScreen({ editId }: { editId?: number }) {
  const navigate = useApp((s) => s.navigate);
  const { existing, loadError, save } = useTilsynFormData(editId);
  const [values, setValues] = useState<FormValues>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saveError, setSaveError] = useState<string>();
  const [attempt, setAttempt] = useState(0);
  const [saving, setSaving] = useState(false);
  const [loaded, setLoaded] = useState(editId === undefined);
  const [locked, setLocked] = useState(false);

  useEffect(() => {
    if (!existing) return;
    setValues({
      titel: existing.titel,
      periodeFra: existing.periodeFra,
      periodeTil: existing.periodeTil,
      enhed: existing.enhed,
      enhedId: existing.enhedId,
      form: existing.form,
      formaal: existing.formaal,
      fokus: existing.fokus,
      skabelonVersionId: existing.skabelonVersionId,
      afsnit: existing.afsnit,
    });
    setLocked(existing.status !== 'planlaegning');
    setLoaded(true);
  }, [existing]);
  const formError = saveError ?? loadError;

  const set = (name: Exclude<keyof FormValues, 'skabelonVersionId' | 'afsnit' | 'enhedId'>) => (value: string) => {
    setValues((v) => ({ ...v, [name]: value, ...(name === 'enhed' ? { enhedId: null } : {}) }));
    // An error goes away as soon as the field is changed; it is checked again on save.
    if (errors[name]) setErrors(({ [name]: _, ...rest }) => rest);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaveError(undefined);
    const parsed = tilsynInputSchema.safeParse(values);
    if (!parsed.success) {
      setErrors(fieldErrorsFromZod(parsed.error));
      setAttempt((a) => a + 1);
      return;
    }
    setSaving(true);
    const result = await save(parsed.data);
    setSaving(false);
    if (!result.ok) {
      setErrors(result.fieldErrors);
      setSaveError(Object.keys(result.fieldErrors).length ? undefined : result.message);
      setAttempt((a) => a + 1);
      return;
    }
    navigate(
      { name: 'tilsyn', id: result.tilsyn.id },
      {
        kind: 'success',
        text: editId === undefined ? `Tilsynet »${result.tilsyn.titel}« er oprettet.` : 'Ændringerne er gemt.',
      },
    );
  }

  const summary = FIELD_ORDER.filter((name) => errors[name]).map((name) => ({
    fieldId: fieldId(name),
    message: errors[name] ?? '',
  }));
  const heading = editId === undefined ? 'Opret tilsyn' : 'Redigér tilsyn';
  const cancelHref = editId === undefined ? routeHref({ name: 'list' }) : routeHref({ name: 'tilsyn', id: editId });

  return (
    <section className="form-page">
      <nav className="breadcrumbs" aria-label="Brødkrummesti">
        <a href="#/">Tilsyn</a> <span aria-hidden="true">›</span> <span>{heading}</span>
      </nav>
      <PageTitle>{heading}</PageTitle>
      <p className="font-lead">
        Gør formålet klart fra start: hvad skal tilsynet belyse, og er der et særligt fokus eller tema?
      </p>
      <ErrorSummary errors={summary} attempt={attempt} />
      {formError && (
        <Alert kind="error" heading="Tilsynet blev ikke gemt">
          <p className="alert-text">{formError}</p>
        </Alert>
      )}
      {loaded && (
        <form noValidate onSubmit={submit}>
          <TextField
            id="tilsyn-titel"
            label="Titel"
            hint="Fx »Ledelsestilsyn 1. kvartal 2026 – børn og unge«"
            value={values.titel}
            onChange={set('titel')}
            error={errors.titel}
            maxLength={200}
            wide
          />

          <fieldset className="period-fieldset">
            <legend className="form-label">Periode</legend>
            <span className="form-hint">Den periode tilsynet dækker, fx et kvartal.</span>
            <div className="period-row">
              <TextField
                id="tilsyn-periodeFra"
                label="Fra"
                type="date"
                value={values.periodeFra}
                onChange={set('periodeFra')}
                error={errors.periodeFra}
              />
              <TextField
                id="tilsyn-periodeTil"
                label="Til"
                type="date"
                value={values.periodeTil}
                onChange={set('periodeTil')}
                error={errors.periodeTil}
              />
            </div>
          </fieldset>

          <UnitField value={values.enhed} onChange={set('enhed')} error={errors.enhed} />

          <fieldset
            className={`form-group${errors.form ? ' form-error' : ''}`}
            aria-describedby={errors.form ? 'tilsyn-form-error' : undefined}
          >
            <legend className="form-label">Hvordan gennemgås sagerne?</legend>
            {errors.form && (
              <span className="form-error-message" id="tilsyn-form-error">
                <span className="sr-only">Fejl: </span>
                {errors.form}
              </span>
            )}
            <ul className="nobullet-list radio-list">
              {REVIEW_FORMS.map((form) => (
                <li key={form} className="form-group-radio">
                  <input
                    type="radio"
                    className="form-radio"
                    id={`tilsyn-form-${form}`}
                    name="tilsyn-form"
                    value={form}
                    checked={values.form === form}
                    onChange={() => set('form')(form)}
                    aria-describedby={`tilsyn-form-${form}-hint`}
                  />
                  <label htmlFor={`tilsyn-form-${form}`}>{REVIEW_FORM_LABELS[form]}</label>
                  <span className="form-hint radio-hint" id={`tilsyn-form-${form}-hint`}>
                    {REVIEW_FORM_DESCRIPTIONS[form]}
                  </span>
                </li>
              ))}
            </ul>
          </fieldset>

          <TemplateChoice
            locked={locked}
            versionId={values.skabelonVersionId}
            afsnit={values.afsnit}
            errors={errors}
            onChange={(templateVersionId, afsnit) => {
              setValues((v) => ({ ...v, skabelonVersionId: templateVersionId, afsnit }));
              setErrors(({ skabelonVersionId: _, afsnit: __, ...rest }) => rest);
            }}
          />

          <TextField
            id="tilsyn-formaal"
            label="Formål"
            hint="Hvad skal tilsynet belyse? Fx lovmedholdelighed i afgørelser om støtte efter Barnets Lov § 32."
            value={values.formaal}
            onChange={set('formaal')}
            error={errors.formaal}
            rows={4}
            wide
          />

          <TextField
            id="tilsyn-fokus"
            label="Fokus og tema"
            optional
            hint="Særlige fokusområder, fx børnesamtaler, barnets plan eller rettidig opfølgning."
            value={values.fokus}
            onChange={set('fokus')}
            error={errors.fokus}
            rows={3}
            wide
          />

          <div className="button-row form-actions">
            <button type="submit" className="button button-primary" disabled={saving}>
              {saving ? 'Gemmer …' : editId === undefined ? 'Opret tilsyn' : 'Gem ændringer'}
            </button>
            <a className="button button-tertiary" href={cancelHref}>
              Annullér
            </a>
          </div>
        </form>
      )}
    </section>
  );
}
