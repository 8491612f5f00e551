import { type FormEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { fieldErrorsFromZod } from '../../../shared/api/errors';
import { formatDanishDate, formatDanishDateTime } from '../../../shared/domain/dates';
import type { DateField } from '../../../shared/domain/skabelon';
import { manualSagSchema, type PopulationSag, type PopulationSummary } from '../../../shared/domain/stikproeve';
import type { TilsynSummary } from '../../../shared/domain/tilsyn';
import { api } from '../api';
import { Alert } from '../components/Alert';
import { TextField } from '../components/TextField';
import { TilsynLayout } from '../components/TilsynLayout';
import { routeHref } from '../routes';
import { PopulationImport } from '../stikproeve/PopulationImport';
import { messageOf } from '../store';

const SHOWN = 200;

export function SagslisteScreen({ id }: { id: number }) {
  return (
    <TilsynLayout id={id} step="sagsliste">
      {(tilsyn) => <Sagsliste tilsyn={tilsyn} />}
    </TilsynLayout>
  );
}

function Sagsliste({ tilsyn }: { tilsyn: TilsynSummary }) {
  const [summary, setSummary] = useState<PopulationSummary | null>();
  const [sager, setSager] = useState<PopulationSag[]>([]);
  const [dateFields, setDateFields] = useState<DateField[]>([]);
  const [sampleDrawn, setSampleDrawn] = useState(false);
  const [importing, setImporting] = useState(false);
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<number>();
  const [error, setError] = useState<string>();

  const load = useCallback(async () => {
    try {
      const [s, list, version, sample] = await Promise.all([
        api.call('population.get', { tilsynId: tilsyn.id }),
        api.call('population.sager', { tilsynId: tilsyn.id }),
        api.call('skabelon.version', { versionId: tilsyn.skabelonVersionId }),
        api.call('stikproeve.get', { tilsynId: tilsyn.id }),
      ]);
      setSummary(s);
      setSager(list);
      setDateFields((version.content.dateFields ?? []) as DateField[]);
      setSampleDrawn(sample !== null);
    } catch (err) {
      setError(messageOf(err));
    }
  }, [tilsyn.id, tilsyn.skabelonVersionId]);
  useEffect(() => {
    void load();
  }, [load]);

  const filtered = useMemo(() => {
    const q = search.trim().toLocaleLowerCase('da');
    return q
      ? sager.filter((s) =>
          [s.sagsnummer, s.sagstype, s.sagsbehandler, s.team].some((v) => v.toLocaleLowerCase('da').includes(q)),
        )
      : sager;
  }, [sager, search]);
  const labelOf = (key: string) => dateFields.find((f) => f.key === key)?.label ?? key;

  if (error)
    return (
      <Alert kind="error">
        <p className="alert-text">{error}</p>
      </Alert>
    );
  if (summary === undefined) return <p>Henter sagslisten …</p>;

  if (!summary || importing) {
    return (
      <PopulationImport
        tilsynId={tilsyn.id}
        dateFields={dateFields}
        onCancel={summary ? () => setImporting(false) : undefined}
        onImported={() => {
          setImporting(false);
          void load();
        }}
      />
    );
  }

  return (
    <>
      <div className="card population-summary">
        <h2>Sagslisten</h2>
        <dl className="facts">
          <dt>Kilde</dt>
          <dd>{summary.fileName}</dd>
          <dt>Importeret</dt>
          <dd>{formatDanishDateTime(summary.importedAt)}</dd>
          <dt>Sager</dt>
          <dd>{summary.rowCount.toLocaleString('da-DK')}</dd>
          <dt>Fingeraftryk</dt>
          <dd>
            <code title={summary.contentHash}>{summary.contentHash.slice(0, 16)}</code>
            <span className="form-hint">SHA-256 af sagerne; står også i stikprøvens dokumentation.</span>
          </dd>
          {summary.removedColumns.length > 0 && (
            <>
              <dt>Ikke gemt</dt>
              <dd>{summary.removedColumns.map((c) => `»${c}«`).join(', ')} (ligner CPR-numre)</dd>
            </>
          )}
          {summary.maskedCells > 0 && (
            <>
              <dt>Maskeret</dt>
              <dd>{summary.maskedCells} felter med noget, der lignede et CPR-nummer</dd>
            </>
          )}
          {summary.skippedRows.length > 0 && (
            <>
              <dt>Sprunget over</dt>
              <dd>
                <details>
                  <summary>
                    {summary.skippedRows.length === 1 ? '1 række' : `${summary.skippedRows.length} rækker`} med fejl
                  </summary>
                  <ul>
                    {summary.skippedRows.map((r) => (
                      <li key={`${r.fileRow}-${r.message}`}>{r.message}</li>
                    ))}
                  </ul>
                </details>
              </dd>
            </>
          )}
        </dl>
        <div className="button-row form-actions">
          <a className="button button-primary" href={routeHref({ name: 'stikproeve', id: tilsyn.id })}>
            {sampleDrawn ? 'Se stikprøven' : 'Videre til stikprøven'}
          </a>
          {!sampleDrawn && (
            <button type="button" className="button button-secondary" onClick={() => setImporting(true)}>
              Importér en ny sagsliste
            </button>
          )}
        </div>
      </div>

      {!sampleDrawn && <ManualSagForm tilsynId={tilsyn.id} onAdded={() => void load()} />}

      <h2>Sager i populationen</h2>
      <div className="form-group">
        <label className="form-label" htmlFor="sag-search">
          Søg
        </label>
        <input id="sag-search" className="form-input" value={search} onChange={(e) => setSearch(e.target.value)} />
        <span className="form-hint">
          Viser {Math.min(SHOWN, filtered.length)} af {filtered.length.toLocaleString('da-DK')} sager
        </span>
      </div>
      <table className="table table--compact data-table">
        <thead>
          <tr>
            <th scope="col">Række</th>
            <th scope="col">Sagsnummer</th>
            <th scope="col">Sagstype</th>
            <th scope="col">Sagsbehandler</th>
            <th scope="col">Team</th>
            <th scope="col">Datoer</th>
            {!sampleDrawn && (
              <th scope="col">
                <span className="sr-only">Ret</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {filtered.slice(0, SHOWN).map((s) =>
            editing === s.id ? (
              <EditSagRow
                key={s.id}
                sag={s}
                dateFields={dateFields}
                onDone={(saved) => {
                  setEditing(undefined);
                  if (saved) setSager((all) => all.map((x) => (x.id === saved.id ? saved : x)));
                }}
              />
            ) : (
              <tr key={s.id}>
                <td>{s.manual ? 'Manuel' : s.fileRow}</td>
                <td>{s.sagsnummer}</td>
                <td>{s.sagstype}</td>
                <td>{s.sagsbehandler}</td>
                <td>{s.team}</td>
                <td className="small">
                  {Object.entries(s.dates)
                    .map(([k, v]) => `${labelOf(k)}: ${formatDanishDate(v)}`)
                    .join(' · ')}
                </td>
                {!sampleDrawn && (
                  <td>
                    <button type="button" className="link-button" onClick={() => setEditing(s.id)}>
                      Ret<span className="sr-only"> sag {s.sagsnummer}</span>
                    </button>
                  </td>
                )}
              </tr>
            ),
          )}
        </tbody>
      </table>
    </>
  );
}

function ManualSagForm({ tilsynId, onAdded }: { tilsynId: number; onAdded(): void }) {
  const empty = { sagsnummer: '', sagstype: '', sagsbehandler: '', team: '' };
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = manualSagSchema.safeParse(values);
    if (!parsed.success) return setErrors(fieldErrorsFromZod(parsed.error));
    try {
      await api.call('population.addSag', { tilsynId, sag: parsed.data });
      setValues(empty);
      setErrors({});
      setError(undefined);
      onAdded();
    } catch (err) {
      setError(messageOf(err));
    }
  }

  if (!open) {
    return (
      <button type="button" className="button button-tertiary" onClick={() => setOpen(true)}>
        + Tilføj en sag manuelt
      </button>
    );
  }
  return (
    <form className="card inline-form" onSubmit={submit} noValidate>
      <h2 className="h3">Tilføj en sag manuelt</h2>
      {error && (
        <Alert kind="error">
          <p className="alert-text">{error}</p>
        </Alert>
      )}
      <div className="form-row">
        {(['sagsnummer', 'sagstype', 'sagsbehandler', 'team'] as const).map((field) => (
          <TextField
            key={field}
            id={`manual-${field}`}
            label={
              { sagsnummer: 'Sagsnummer', sagstype: 'Sagstype', sagsbehandler: 'Sagsbehandler', team: 'Team' }[field]
            }
            optional={field !== 'sagsnummer'}
            value={values[field]}
            onChange={(v) => setValues({ ...values, [field]: v })}
            error={errors[field]}
          />
        ))}
      </div>
      <div className="button-row form-actions">
        <button type="submit" className="button button-primary">
          Tilføj sagen
        </button>
        <button type="button" className="button button-tertiary" onClick={() => setOpen(false)}>
          Luk
        </button>
      </div>
    </form>
  );
}

/** Corrects a sag's facts in place, before the draw. */
function EditSagRow({
  sag,
  dateFields,
  onDone,
}: {
  sag: PopulationSag;
  dateFields: DateField[];
  onDone(saved?: PopulationSag): void;
}) {
  const [facts, setFacts] = useState({
    sagstype: sag.sagstype,
    sagsbehandler: sag.sagsbehandler,
    team: sag.team,
    dates: sag.dates,
  });
  const [error, setError] = useState<string>();
  const row = useRef<HTMLTableRowElement>(null);
  useEffect(() => {
    row.current?.querySelector('input')?.focus();
  }, []);
  const save = async () => {
    try {
      onDone(await api.call('population.updateSag', { id: sag.id, facts }));
    } catch (err) {
      setError(messageOf(err));
    }
  };
  const input = (field: 'sagstype' | 'sagsbehandler' | 'team', label: string) => (
    <td>
      <input
        className="form-input"
        aria-label={`${label} for sag ${sag.sagsnummer}`}
        value={facts[field]}
        onChange={(e) => setFacts({ ...facts, [field]: e.target.value })}
      />
    </td>
  );
  return (
    <tr className="editing-row" ref={row}>
      <td>{sag.manual ? 'Manuel' : sag.fileRow}</td>
      <td>{sag.sagsnummer}</td>
      {input('sagstype', 'Sagstype')}
      {input('sagsbehandler', 'Sagsbehandler')}
      {input('team', 'Team')}
      <td>
        {dateFields.map((f) => (
          <label key={f.key} className="date-edit">
            <span className="small">{f.label}</span>
            <input
              type="date"
              className="form-input"
              value={facts.dates[f.key] ?? ''}
              onChange={(e) => {
                const { [f.key]: _, ...rest } = facts.dates;
                setFacts({ ...facts, dates: e.target.value ? { ...rest, [f.key]: e.target.value } : rest });
              }}
            />
          </label>
        ))}
        {error && <span className="form-error-message">{error}</span>}
      </td>
      <td>
        <button type="button" className="link-button" onClick={save}>
          Gem<span className="sr-only"> sag {sag.sagsnummer}</span>
        </button>{' '}
        <button type="button" className="link-button" onClick={() => onDone()}>
          Annullér<span className="sr-only"> rettelse af sag {sag.sagsnummer}</span>
        </button>
      </td>
    </tr>
  );
}
