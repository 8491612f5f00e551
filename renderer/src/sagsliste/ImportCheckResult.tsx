import { formatCount } from '../../../shared/domain/format';
import type { ImportCheck } from '../../../shared/domain/sample';
import { Alert } from '../components/Alert';
import { Choice } from '../components/Choice';

/** What the check of every row found: how many sager are ready, and the rows with errors to skip on purpose. */
export function ImportCheckResult(props: { check: ImportCheck; skip: boolean; onSkip(skip: boolean): void }) {
  const { check, skip } = props;
  return (
    <>
      <h3>Kontrol af rækkerne</h3>
      <p>
        <strong>{formatCount(check.validRows)}</strong> sager er klar til import.
        {check.maskedCells > 0 &&
          ` ${check.maskedCells} felter indeholdt noget, der ligner et CPR-nummer; det er erstattet af »[CPR-nummer fjernet]«.`}
      </p>
      {check.warnings.length > 0 && (
        <Alert kind="info" heading="Det kan sagslisten ikke give tilsynet">
          <ul className="alert-text issue-list" data-testid="import-warnings">
            {check.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
          <p className="alert-text">
            Har filen kolonnerne, så vælg dem under »Tilbage til kolonnerne«; ellers kan importen fortsætte.
          </p>
        </Alert>
      )}
      {check.issueCount > 0 && (
        <Alert
          kind="warning"
          heading={`${check.issueCount === 1 ? 'Én række har' : `${check.issueCount} rækker har`} fejl`}
        >
          <ul className="alert-text issue-list" data-testid="import-issues">
            {check.issues.map((issue) => (
              <li key={`${issue.fileRow}-${issue.column}-${issue.message}`}>{issue.message}</li>
            ))}
            {check.issueCount > check.issues.length && <li>… og {check.issueCount - check.issues.length} flere</li>}
          </ul>
          <p className="alert-text">
            Ret fejlene i fagsystemet og vælg filen igen, eller spring rækkerne over med vilje.
          </p>
          <Choice type="checkbox" id="skip-invalid" checked={skip} onChange={props.onSkip}>
            Spring {check.issueCount === 1 ? 'rækken' : `de ${check.issueCount} rækker`} med fejl over (det noteres ved
            importen)
          </Choice>
        </Alert>
      )}
    </>
  );
}
