import { useMemo, useState } from 'react';
import { formatDanishPeriod } from '../../../shared/domain/dates';
import { formatCount } from '../../../shared/domain/format';
import {
  REVIEW_FORM_LABELS,
  TILSYN_STATUS_LABELS,
  TILSYN_STATUSES,
  type TilsynStatus,
  tilsynMatches,
} from '../../../shared/domain/tilsyn';
import { Alert } from '../components/Alert';
import { Choice } from '../components/Choice';
import { PageButtons } from '../components/PageButtons';
import { PageTitle } from '../components/PageTitle';
import { Select } from '../components/Select';
import { routeHref } from '../routes';
import { SelfEvaluationOpenCard } from '../selvevaluering/SelfEvaluationOpenCard';
import './tilsyn.css';
import { FirstStart } from './FirstStart';
import { FullBundleImportCard } from './FullBundleCards';
import { Progress, StatusBadge } from './TilsynBits';
import { useTilsynListData } from './useTilsynData';

/** Tilsyn shown at a time: a file of 1,000 tilsyn opens as fast as one of ten (issue #17). */
const LIST_PAGE = 100;
/** From this many tilsyn the list can be searched and filtered. */
const FILTER_FROM = 10;

export function TilsynListScreen() {
  const { tilsyn, listState, listError, loadTilsyn, exportState, exportExcel } = useTilsynListData();
  const [chosen, setChosen] = useState<number[]>([]);
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<TilsynStatus | ''>('');
  const [from, setFrom] = useState(0);
  const shown = useMemo(
    () => tilsyn.filter((t) => (status === '' || t.status === status) && tilsynMatches(t, search)),
    [tilsyn, search, status],
  );
  const page = shown.slice(from, from + LIST_PAGE);
  // A new search or status starts at the first page.
  const filterBy = (apply: () => void) => {
    apply();
    setFrom(0);
  };

  return (
    <section>
      <div className="page-heading">
        <div>
          {/* The program's own name is the window's title here. */}
          <PageTitle windowTitle="">Tilsyn</PageTitle>
          <p className="font-lead">
            Her planlægger og gennemfører du ledelsestilsyn: formål, stikprøve, gennemgang af sagerne og formidling af
            resultaterne.
          </p>
        </div>
        <a className="button button-primary" href={routeHref({ name: 'new' })}>
          Opret tilsyn
        </a>
      </div>

      {listState === 'error' && (
        <Alert kind="error" heading="Listen over tilsyn kunne ikke hentes">
          <p className="alert-text">{listError}</p>
          <button type="button" className="button button-secondary" onClick={() => void loadTilsyn()}>
            Prøv igen
          </button>
        </Alert>
      )}
      {listState === 'loading' && <p aria-live="polite">Henter tilsyn …</p>}

      {listState === 'ready' && tilsyn.length === 0 && <FirstStart />}

      {listState === 'ready' && tilsyn.length > FILTER_FROM && (
        <div className="list-filters">
          <div className="form-group">
            <label className="form-label" htmlFor="tilsyn-search">
              Søg
            </label>
            <span className="form-hint" id="tilsyn-search-hint">
              Titel, enhed, skabelon eller et år
            </span>
            <input
              id="tilsyn-search"
              className="form-input"
              aria-describedby="tilsyn-search-hint"
              value={search}
              onChange={(e) => filterBy(() => setSearch(e.target.value))}
            />
          </div>
          <Select
            id="tilsyn-status"
            label="Status"
            value={status}
            options={[['', 'Alle'], ...TILSYN_STATUSES.map((s): [string, string] => [s, TILSYN_STATUS_LABELS[s]])]}
            onChange={(v) => filterBy(() => setStatus(v as TilsynStatus | ''))}
          />
          <p className="form-hint" aria-live="polite">
            {shown.length === 0
              ? 'Ingen tilsyn passer på søgningen'
              : `Viser ${formatCount(from + 1)}–${formatCount(from + page.length)} af ${formatCount(shown.length)} tilsyn${shown.length < tilsyn.length ? ` (af ${formatCount(tilsyn.length)})` : ''}`}
          </p>
        </div>
      )}
      {listState === 'ready' && tilsyn.length > 0 && (
        <div className="export-row">
          <button
            type="button"
            className="button button-secondary"
            disabled={chosen.length === 0}
            onClick={() => exportExcel(chosen)}
          >
            Eksportér {chosen.length > 1 ? `${chosen.length} valgte tilsyn` : 'valgte tilsyn'} til Excel
          </button>
          <span className="muted" aria-live="polite">
            {exportState ?? 'Vælg tilsyn i listen for at samle deres svar i ét regneark.'}
          </span>
        </div>
      )}
      {listState === 'ready' && page.length > 0 && (
        <table className="table table--compact tilsyn-table">
          <caption className="sr-only">Alle tilsyn, nyeste periode først</caption>
          <thead>
            <tr>
              <th scope="col">
                <span className="sr-only">Vælg til Excel</span>
              </th>
              <th scope="col">Titel</th>
              <th scope="col">Periode</th>
              <th scope="col">Enhed/team</th>
              <th scope="col">Form</th>
              <th scope="col">Status</th>
              <th scope="col">Fremdrift</th>
            </tr>
          </thead>
          <tbody>
            {page.map((t) => (
              <tr key={t.id}>
                <td>
                  {/* A round from a resultatpakke has no answers to export. */}
                  {t.status !== 'planlaegning' && !t.indlaest && (
                    <Choice
                      type="checkbox"
                      id={`excel-${t.id}`}
                      checked={chosen.includes(t.id)}
                      onChange={(checked) => setChosen((c) => (checked ? [...c, t.id] : c.filter((id) => id !== t.id)))}
                    >
                      <span className="sr-only">Vælg {t.titel} til Excel</span>
                    </Choice>
                  )}
                </td>
                <td className="long-name">
                  <a href={routeHref({ name: 'tilsyn', id: t.id })}>{t.titel}</a>
                </td>
                <td className="nowrap">{formatDanishPeriod(t.periodeFra, t.periodeTil)}</td>
                <td className="long-name">{t.enhed}</td>
                <td>{REVIEW_FORM_LABELS[t.form]}</td>
                <td>
                  <StatusBadge status={t.status} />
                </td>
                <td>
                  <Progress tilsyn={t} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <PageButtons from={from} found={shown.length} size={LIST_PAGE} onFrom={setFrom} />
      {listState === 'ready' && (
        <div className="list-cards">
          <FullBundleImportCard onImported={() => void loadTilsyn()} />
          <SelfEvaluationOpenCard />
        </div>
      )}
    </section>
  );
}
