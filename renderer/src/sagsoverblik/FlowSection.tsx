import { useState } from 'react';
import { formatDanishDate } from '../../../shared/domain/dates';
import { formatCount } from '../../../shared/domain/format';
import {
  COUNTING_LABELS,
  DIMENSION_LABELS,
  DIMENSIONS,
  type Dimension,
  type FlowGroup,
  type ListInfo,
} from '../../../shared/domain/sagsoverblik';
import { api } from '../api';
import { Alert } from '../components/Alert';
import { Select } from '../components/Select';
import { useLoad } from '../hooks/useLoad';

/** Between two of the enhed's lists, matched by sagsnummer: what came, what went, what moved, per group. */
export function FlowSection({ lists }: { lists: ListInfo[] }) {
  const options = [...lists]
    .reverse()
    .map((l): [string, string] => [
      String(l.id),
      `${formatDanishDate(l.dato)} · ${l.kildeFil} · ${formatCount(l.sager)} sager`,
    ]);
  const [fra, setFra] = useState(String(lists[lists.length - 2]?.id ?? ''));
  const [til, setTil] = useState(String(lists[lists.length - 1]?.id ?? ''));
  const [dimension, setDimension] = useState<Dimension>('sagsbehandler');
  const { data, error } = useLoad(
    () => api.call('sagsoverblik.sammenlign', { fraId: Number(fra), tilId: Number(til) }),
    [fra, til],
  );
  const word = data ? COUNTING_LABELS[data.counting] : 'sager';
  return (
    <section className="card flow-section" aria-labelledby="bevaegelser-titel">
      <h2 className="h4" id="bevaegelser-titel">
        Bevægelser mellem to lister
      </h2>
      <div className="overview-settings-fields">
        <Select id="flow-fra" label="Fra listen" value={fra} options={options} onChange={setFra} />
        <Select id="flow-til" label="Til listen" value={til} options={options} onChange={setTil} />
        <Select
          id="flow-pr"
          label="Pr."
          value={dimension}
          options={DIMENSIONS.map((d) => [d, DIMENSION_LABELS[d]])}
          onChange={(v) => setDimension(v as Dimension)}
        />
      </div>
      {error && (
        <Alert kind="error">
          <p className="alert-text">{error}</p>
        </Alert>
      )}
      {data && (
        <>
          <dl className="flow-totals">
            <div>
              <dt>{formatDanishDate(data.fra.dato)}</dt>
              <dd>{formatCount(data.totals.start)}</dd>
            </div>
            <div>
              <dt>Tilgang</dt>
              <dd>
                {data.totals.tilgang > 0 ? `+${formatCount(data.totals.tilgang)}` : '0'}
                {data.totals.kommetIgen > 0 && <small> heraf {formatCount(data.totals.kommetIgen)} kommet igen</small>}
              </dd>
            </div>
            <div>
              <dt>Afgang</dt>
              <dd>{data.totals.afgang > 0 ? `−${formatCount(data.totals.afgang)}` : '0'}</dd>
            </div>
            <div>
              <dt>{formatDanishDate(data.til.dato)}</dt>
              <dd>{formatCount(data.totals.slut)}</dd>
            </div>
            <div>
              <dt>Skiftet sagsbehandler</dt>
              <dd>{formatCount(data.totals.skiftetSagsbehandler)}</dd>
            </div>
            <div>
              <dt>Skiftet team</dt>
              <dd>{formatCount(data.totals.skiftetTeam)}</dd>
            </div>
          </dl>
          <p className="form-hint">
            Talt i {word}, matchet på sagsnummer{data.counting === 'personer' ? ' og personens id' : ''}.
            {data.counting === 'personer' &&
              ' En person med sager hos to sagsbehandlere (eller i to teams) tæller hos begge, så grupperne kan give mere end i alt.'}
            {data.countingFellBack && ' En af listerne har ingen kolonne med personens id, så der tælles sager.'}
            {data.duplicates.start + data.duplicates.slut > 0 &&
              ` ${formatCount(data.duplicates.start + data.duplicates.slut)} sagsnumre stod to gange i en liste og er talt én gang.`}
          </p>
          {data.groups ? (
            <GroupTable rows={data.groups[dimension]} dimension={dimension} />
          ) : (
            <p className="muted">Sagerne i en af listerne er slettet; kun tallene i alt er gemt.</p>
          )}
        </>
      )}
    </section>
  );
}

function GroupTable({ rows, dimension }: { rows: FlowGroup[]; dimension: Dimension }) {
  const none = { sagsbehandler: 'Uden sagsbehandler', team: 'Uden team', sagstype: 'Uden sagstype' }[dimension];
  return (
    <div className="table-scroll">
      <table className="table table--compact data-table">
        <thead>
          <tr>
            <th scope="col">{DIMENSION_LABELS[dimension]}</th>
            <th scope="col" className="num">
              Før
            </th>
            <th scope="col" className="num">
              Tilgang
            </th>
            <th scope="col" className="num">
              Afgang
            </th>
            <th scope="col" className="num">
              Flyttet ind
            </th>
            <th scope="col" className="num">
              Flyttet ud
            </th>
            <th scope="col" className="num">
              Efter
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.navn || '-'}>
              <th scope="row">{r.navn || <em>{none}</em>}</th>
              <td className="num">{formatCount(r.start)}</td>
              <td className="num">{formatCount(r.tilgang)}</td>
              <td className="num">{formatCount(r.afgang)}</td>
              <td className="num">{formatCount(r.flyttetInd)}</td>
              <td className="num">{formatCount(r.flyttetUd)}</td>
              <td className="num">{formatCount(r.slut)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
