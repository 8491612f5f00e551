import { formatDanishDate } from '../../../shared/domain/dates';
import { capitalFirst, formatCount, formatDecimal, formatShare } from '../../../shared/domain/format';
import { COUNTING_LABELS, type ListInfo } from '../../../shared/domain/sagsoverblik';
import { api } from '../api';
import { Alert } from '../components/Alert';
import { useLoad } from '../hooks/useLoad';

/**
 * One list's caseload: each caseworker's count against the måltal, named, for the leader's own steering (seed 000:
 * »sagsstyring på medarbejderniveau«); the distribution without names is what may go to management.
 */
export function CaseloadSection({ list }: { list: ListInfo }) {
  const { data, error } = useLoad(() => api.call('sagsoverblik.belastning', { id: list.id }), [list.id]);
  if (error)
    return (
      <Alert kind="error">
        <p className="alert-text">{error}</p>
      </Alert>
    );
  if (!data) return null;
  const { summary } = data;
  const word = COUNTING_LABELS[data.counting];
  const widest = Math.max(1, summary.hoejeste ?? 0, summary.maal ?? 0);
  return (
    <section className="card caseload-section" aria-labelledby="belastning-titel">
      <h2 className="h4" id="belastning-titel">
        {capitalFirst(word)} pr. sagsbehandler, listen fra {formatDanishDate(list.dato)}
      </h2>
      <p>
        {summary.gennemsnit === null
          ? 'Listen har ingen sager med sagsbehandler.'
          : `Gennemsnit ${formatDecimal(summary.gennemsnit)}, median ${formatDecimal(summary.median)}, højeste ${formatCount(summary.hoejeste ?? 0)}.`}{' '}
        {summary.maal !== null && summary.andelOverMaal !== null
          ? `${formatCount(summary.overMaal)} af ${formatCount(summary.fordeling.reduce((s, b) => s + b.antal, 0))} sagsbehandlere (${formatShare(summary.andelOverMaal)}) har flere end måltallet på ${summary.maal}.`
          : summary.maal === null
            ? 'Der er ikke sat et måltal for enheden.'
            : ''}{' '}
        {data.udenSagsbehandler > 0 && `${formatCount(data.udenSagsbehandler)} ${word} står uden sagsbehandler.`}
      </p>
      <div className="caseload-columns">
        <div>
          <h3 className="h5">Sagsbehandlere</h3>
          <p className="form-hint">Med navn: kun til dig som leder, aldrig i en rapport.</p>
          {data.caseworkers.length === 0 ? (
            <p className="muted">
              {list.sagerSlettet
                ? 'Listens sager er slettet; fordelingen uden navne er gemt.'
                : 'Listen har ingen kolonne med sagsbehandleren.'}
            </p>
          ) : (
            <table className="table table--compact data-table caseload-table">
              <thead>
                <tr>
                  <th scope="col">Sagsbehandler</th>
                  <th scope="col" className="num">
                    {capitalFirst(word)}
                  </th>
                  <th scope="col">
                    <span className="sr-only">Mod måltallet</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.caseworkers.map((c) => (
                  <tr key={c.navn} className={c.overMaal ? 'over-target' : undefined}>
                    <th scope="row">{c.navn}</th>
                    <td className="num">
                      {formatCount(c.antal)}
                      {c.overMaal && <span className="sr-only"> (over måltallet)</span>}
                    </td>
                    <td className="load-cell" aria-hidden="true">
                      <span className="load-bar" style={{ width: `${(c.antal / widest) * 100}%` }} />
                      {summary.maal !== null && (
                        <span className="load-target" style={{ left: `${(summary.maal / widest) * 100}%` }} />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
        {summary.gennemsnit !== null && (
          <div>
            <h3 className="h5">Fordeling</h3>
            <p className="form-hint">Uden navne: det, ledelsen ser.</p>
            <table className="table table--compact data-table">
              <thead>
                <tr>
                  <th scope="col">{capitalFirst(word)} pr. sagsbehandler</th>
                  <th scope="col" className="num">
                    Sagsbehandlere
                  </th>
                </tr>
              </thead>
              <tbody>
                {summary.fordeling.map((b) => (
                  <tr key={b.label}>
                    <th scope="row">{b.label}</th>
                    <td className="num">{formatCount(b.antal)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </section>
  );
}
