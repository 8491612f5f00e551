import { useState } from 'react';
import { formatDanishDate } from '../../../shared/domain/dates';
import { formatPercent } from '../../../shared/domain/format';
import { type MeasureGoal, projectToTarget, type TargetProjection } from '../../../shared/domain/goals';
import type { ResultsView } from '../../../shared/domain/reports';
import type { MeasureResult, TilsynResults } from '../../../shared/domain/results';
import { lateInWords, wilsonInterval } from '../../../shared/domain/results';
import { AssessmentEditor } from './AssessmentEditor';
import { GoalEditor } from './GoalEditor';
import { shareText } from './shareText';
import type { AssessmentRecord } from './useResultaterData';

/** One afsnit's measures: counts per outcome, the result against the måltal, and ledelsens vurdering per measure. */
export function MeasureSection(props: {
  sectionKey: string;
  measures: MeasureResult[];
  section: TilsynResults['sections'][number] | undefined;
  locked: boolean;
  /** False for a round that came in a resultatpakke: ledelsens vurdering is written where it came from. */
  assessable: boolean;
  assessments: ResultsView['assessments'];
  onSaveAssessment(record: AssessmentRecord): Promise<unknown>;
  goals: ResultsView['goals'];
  onSaveGoal(goal: MeasureGoal): Promise<unknown>;
  /** Each krav's development over the rounds, for where it is heading. */
  trends: ResultsView['trends'];
}) {
  const { sectionKey: key, measures: ms, section } = props;
  return (
    <section className="result-section" aria-labelledby={`resultat-${key}`}>
      <h3 id={`resultat-${key}`}>
        {ms[0]?.number.split('.')[0]}. {section?.label}{' '}
        <span className="muted">{section && section.applicable > 0 ? shareText(section) : ''}</span>
      </h3>
      <table className="table table--compact data-table result-table">
        <thead>
          <tr>
            <th scope="col">Nr.</th>
            <th scope="col">Spørgsmål</th>
            <th scope="col" className="num">
              Opfyldt
            </th>
            <th scope="col" className="num">
              Delvist
            </th>
            <th scope="col" className="num">
              Ikke opfyldt
            </th>
            <th scope="col" className="num">
              Ikke relevant
            </th>
            <th scope="col">Resultat</th>
            <th scope="col" className="num">
              Måltal
            </th>
          </tr>
        </thead>
        <tbody>
          {ms.map((m) => (
            <MeasureRow
              key={m.key}
              measure={m}
              locked={props.locked}
              assessable={props.assessable}
              assessment={props.assessments.find((a) => a.key === m.key)}
              onSaveAssessment={props.onSaveAssessment}
              goal={props.goals.find((g) => g.key === m.key)}
              onSaveGoal={props.onSaveGoal}
              projection={projectToTarget(props.trends[m.key] ?? [], m.target, m.targetDue)}
            />
          ))}
        </tbody>
      </table>
    </section>
  );
}

function MeasureRow(props: {
  measure: MeasureResult;
  locked: boolean;
  assessable: boolean;
  assessment: ResultsView['assessments'][number] | undefined;
  onSaveAssessment(record: AssessmentRecord): Promise<unknown>;
  goal: MeasureGoal | undefined;
  onSaveGoal(goal: MeasureGoal): Promise<unknown>;
  projection: TargetProjection | null;
}) {
  const m = props.measure;
  const { projection } = props;
  const hasAssessment = Boolean(props.assessment?.vurdering || props.assessment?.plan);
  const [open, setOpen] = useState(hasAssessment);
  return (
    <>
      <tr className={m.belowTarget ? 'below-target' : undefined}>
        <td>{m.number}</td>
        <td>
          {m.text}
          {m.late && <div className="muted late-frister">{lateInWords(m.late)}.</div>}
          <div>
            <button
              type="button"
              className={`link-button${m.belowTarget && !hasAssessment ? ' strong' : ''}`}
              aria-expanded={open}
              onClick={() => setOpen(!open)}
            >
              {props.assessable
                ? `${open ? 'Skjul' : hasAssessment ? 'Vis' : 'Skriv'} ledelsens vurdering og plan`
                : `${open ? 'Skjul' : 'Vis'} enhedens måltal`}
              <span className="sr-only"> for spørgsmål {m.number}</span>
            </button>
          </div>
        </td>
        <td className="num">{m.counts.opfyldt}</td>
        <td className="num">{m.counts.delvist}</td>
        <td className="num">{m.counts.ikke_opfyldt}</td>
        <td className="num">{m.counts.udeladt}</td>
        <td className="nowrap">
          {shareText(m)}
          {m.smallN && (
            <span className="tag-small-n" title="Under 10 sager: én sag flytter resultatet meget">
              få sager
            </span>
          )}
          {m.smallN && <IntervalLine met={m.met} n={m.applicable} />}
          {m.counts.ubesvaret > 0 && <div className="muted">{m.counts.ubesvaret} mangler svar</div>}
        </td>
        <td className="num nowrap">
          {m.target === null ? '–' : `${formatPercent(m.target)}`}
          {m.belowTarget && <span className="tag-overdue">Under</span>}
          {m.targetDue && <div className="muted">senest {formatDanishDate(m.targetDue)}</div>}
          {projection && (
            <div
              className={projection.onTrack ? 'projection on-track' : 'projection off-track'}
              title={`Tendensen i de seneste ${projection.rounds} runder, ført frem til ${formatDanishDate(projection.due)}`}
            >
              {projection.onTrack ? 'På vej' : 'Ikke på vej'}: ca. {formatPercent(projection.shown)} til{' '}
              {formatDanishDate(projection.due)}
            </div>
          )}
        </td>
      </tr>
      {open && (
        <tr className="assessment-row">
          <td />
          <td colSpan={7}>
            {props.assessable && (
              <AssessmentEditor
                measure={m}
                stored={props.assessment}
                disabled={props.locked}
                onSave={props.onSaveAssessment}
              />
            )}
            <GoalEditor measureKey={m.key} number={m.number} goal={props.goal} onSave={props.onSaveGoal} />
          </td>
        </tr>
      )}
    </>
  );
}

/** With few sager, where the true share may lie: the 95 % interval, said in words a leader reads. */
function IntervalLine({ met, n }: { met: number; n: number }) {
  const interval = wilsonInterval(met, n);
  if (!interval) return null;
  const pct = (x: number) => Math.round(x * 100);
  return (
    <div className="muted" title="95 %-konfidensinterval (Wilson): med så få sager er tallet usikkert">
      sandsynligvis {pct(interval.low)}–{pct(interval.high)} %
    </div>
  );
}
