import type { Finding } from '../../../shared/domain/findings';
import type { Disagreement, ReviewProgress, ReviewRole } from '../../../shared/domain/review';
import { Choice } from '../components/Choice';
import { anchorId, jumpTo } from './navigation';

interface RoleSwitchProps {
  role: ReviewRole;
  caseworker: string;
  caseworkerProgress: ReviewProgress;
  onChange(role: ReviewRole): void;
}

/** Selvevaluering først: whose answers the screen shows and saves. The role is always in view. */
export function RoleSwitch({ role, caseworker, caseworkerProgress, onChange }: RoleSwitchProps) {
  return (
    <fieldset className={`role-switch role-${role}`}>
      <legend className="h5">Hvem svarer?</legend>
      <Choice
        type="radio"
        id="rolle-sagsbehandler"
        name="rolle"
        checked={role === 'sagsbehandler'}
        onChange={() => onChange('sagsbehandler')}
      >
        Sagsbehandleren ({caseworker || 'selvevaluering'}): {caseworkerProgress.answered} af{' '}
        {caseworkerProgress.applicable} besvaret
      </Choice>
      <Choice type="radio" id="rolle-leder" name="rolle" checked={role === 'leder'} onChange={() => onChange('leder')}>
        Lederen: det er lederens svar, der tæller i resultaterne
      </Choice>
    </fieldset>
  );
}

interface DisagreementsProps {
  items: Disagreement[];
  findings: Finding[];
  numberOf(key: string): string;
  disabled: boolean;
  onMakeLearningPoint(item: Disagreement): void;
}

/** Where the caseworker and the leader judged differently: a learning point in itself. */
export function Disagreements({ items, findings, numberOf, disabled, onMakeLearningPoint }: DisagreementsProps) {
  if (items.length === 0) return null;
  return (
    <section className="review-block disagreements" aria-labelledby="uenigheder">
      <h2 id="uenigheder">
        {items.length === 1 ? 'Én uenighed' : `${items.length} uenigheder`} mellem sagsbehandler og leder
      </h2>
      <p className="form-hint">Tal om dem: forskellen i vurdering er i sig selv et læringspunkt.</p>
      <table className="table table--compact">
        <thead>
          <tr>
            <th scope="col">Spørgsmål</th>
            <th scope="col">Sagsbehandleren</th>
            <th scope="col">Lederen</th>
            <th scope="col">
              <span className="sr-only">Læringspunkt</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((d) => {
            const noted = findings.some((f) => f.kind === 'laeringspunkt' && f.questionKey === d.key);
            return (
              <tr key={d.key}>
                <td>
                  <a
                    href={`#${anchorId(d.key)}`}
                    onClick={(e) => {
                      e.preventDefault();
                      jumpTo(d.key);
                    }}
                  >
                    {numberOf(d.key)} {d.question}
                  </a>
                </td>
                <td>{d.caseworker}</td>
                <td>{d.leader}</td>
                <td>
                  {noted ? (
                    <span className="muted">Noteret som læringspunkt</span>
                  ) : (
                    !disabled && (
                      <button type="button" className="link-button" onClick={() => onMakeLearningPoint(d)}>
                        Gem som læringspunkt<span className="sr-only"> for spørgsmål {numberOf(d.key)}</span>
                      </button>
                    )
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
