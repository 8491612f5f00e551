import { useRef, useState } from 'react';
import { ACTION_STATUS_LABELS } from '../../../shared/domain/findings';
import { targetInWords } from '../../../shared/domain/goals';
import type { MeasureAssessment } from '../../../shared/domain/reports';
import type { MeasureResult } from '../../../shared/domain/results';
import { resultInWords } from '../../../shared/domain/results';
import { DateInput } from '../components/DateInput';
import { Field } from '../components/Field';
import { SavedTextArea, SavedTextInput } from '../components/SavedTextArea';
import { useSavedText } from '../hooks/useSavedText';
import { useSaveStatus } from '../hooks/useSaveStatus';
import { routeHref } from '../routes';
import type { AssessmentRecord } from './useResultaterData';

type Fields = Omit<MeasureAssessment, 'key' | 'planStatus'>;
const fieldsOf = (a: MeasureAssessment | undefined): Fields => ({
  vurdering: a?.vurdering ?? '',
  plan: a?.plan ?? '',
  ansvarlig: a?.ansvarlig ?? '',
  frist: a?.frist ?? null,
});

/**
 * Ledelsens vurdering and plan for one measure, for the committee report: saved when typing pauses. The whole
 * record is sent each time, one save after the other, so fields typed quickly after each other are all kept.
 */
export function AssessmentEditor(props: {
  measure: MeasureResult;
  stored: MeasureAssessment | undefined;
  disabled: boolean;
  onSave(record: AssessmentRecord): Promise<unknown>;
}) {
  const { measure } = props;
  // The plan's status is followed up under Handlinger: never sent with the texts.
  const current = useRef<Fields>(fieldsOf(props.stored));
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const { status, saving, settle } = useSaveStatus();

  const save = (patch: Partial<Fields>) => {
    current.current = { ...current.current, ...patch };
    const record = { key: measure.key, ...current.current };
    saving();
    queue.current = queue.current.then(() => settle(props.onSave(record)));
  };
  const assessment = useSavedText(props.stored?.vurdering ?? '', (text) => save({ vurdering: text }));
  const plan = useSavedText(props.stored?.plan ?? '', (text) => save({ plan: text }));
  const ansvarlig = useSavedText(props.stored?.ansvarlig ?? '', (text) => save({ ansvarlig: text }));
  const [frist, setFrist] = useState(props.stored?.frist ?? '');
  const id = `vurdering-${measure.key.replace(/[^a-z0-9_-]/gi, '_')}`;

  return (
    <div className="assessment">
      <p className="assessment-words">
        <strong>{resultInWords(measure)}</strong>
        {measure.target !== null && <> · {targetInWords(measure.target, measure.targetDue).toLowerCase()}</>}
      </p>
      <div className="form-group">
        <label className="form-label" htmlFor={`${id}-vurdering`}>
          Ledelsens vurdering
        </label>
        <span className="form-hint">Hvad forklarer resultatet? Teksten kommer med i rapporten til udvalget.</span>
        <SavedTextArea id={`${id}-vurdering`} field={assessment} disabled={props.disabled} />
      </div>
      <div className="form-group">
        <label className="form-label" htmlFor={`${id}-plan`}>
          Plan
        </label>
        <span className="form-hint">
          Hvad gør vi ved det, hvem gør det, og hvornår? Skriv ikke navne på sagsbehandlere. Planen følges op under{' '}
          <a href={routeHref({ name: 'handlinger' })}>Handlinger</a>
          {props.stored?.plan.trim() ? ` (status: ${ACTION_STATUS_LABELS[props.stored.planStatus].toLowerCase()})` : ''}
          , og næste rapport viser, hvor langt den er.
        </span>
        <SavedTextArea id={`${id}-plan`} field={plan} disabled={props.disabled} />
      </div>
      <div className="form-row">
        <Field id={`${id}-ansvarlig`} label="Ansvarlig (rolle)">
          {() => (
            <SavedTextInput
              id={`${id}-ansvarlig`}
              field={ansvarlig}
              placeholder="Fx teamleder"
              disabled={props.disabled}
            />
          )}
        </Field>
        <Field id={`${id}-frist`} label="Frist">
          {() => (
            <DateInput
              id={`${id}-frist`}
              disabled={props.disabled}
              value={frist}
              onChange={(date) => {
                setFrist(date);
                save({ frist: date || null });
              }}
            />
          )}
        </Field>
      </div>
      {status && (
        <p
          className={`save-indicator${status.startsWith('✓') ? ' saved' : ''}`}
          role={status.startsWith('Ikke') ? 'alert' : undefined}
        >
          {status}
        </p>
      )}
    </div>
  );
}
