import { formatDanishDate, formatDanishDateTime } from '../../../shared/domain/dates';
import { formatCount } from '../../../shared/domain/format';
import type { ExclusionReason, SampledSag, SampleRecord } from '../../../shared/domain/sample';
import { SAMPLING_METHOD_LABELS, STRATA_FIELD_LABELS } from '../../../shared/domain/sampling';
import { SampledSagTable } from './SampledSagTable';
import { StrataTable } from './StrataTable';

/** The drawn sample: its record (method, population, filters, seed, who and when), the chosen sager and spares. */
export function SampleRecordView(props: {
  record: SampleRecord;
  dateLabels: Record<string, string>;
  onExclude(sag: SampledSag, reason: ExclusionReason, note: string): void;
  onRedraw(): void;
}) {
  const { record } = props;
  const selected = record.sager.filter((s) => s.role === 'udvalgt');
  const spares = record.sager.filter((s) => s.role === 'reserve' && s.status !== 'udgaaet');
  const reviewStarted = record.sager.some((s) => s.status === 'i_gang' || s.status === 'faerdig');
  const { spec } = record;
  const filters = [
    spec.filters.sagstyper.length ? `sagstyper: ${spec.filters.sagstyper.join(', ')}` : '',
    spec.filters.teams.length ? `teams: ${spec.filters.teams.join(', ')}` : '',
    spec.filters.dateKey
      ? `${props.dateLabels[spec.filters.dateKey] ?? spec.filters.dateKey} ${spec.filters.dateFrom ? `fra ${formatDanishDate(spec.filters.dateFrom)}` : ''} ${spec.filters.dateTo ? `til ${formatDanishDate(spec.filters.dateTo)}` : ''}`
      : '',
    spec.avoidRecentlyReviewed ? 'sager gennemgået de seneste 12 måneder er udeladt' : '',
    spec.preferUnreviewed ? 'sagsbehandlere og sagstyper, der ikke er set for nylig, foretrækkes' : '',
  ].filter(Boolean);

  return (
    <>
      <div className="card sample-record">
        <h2>Stikprøvens dokumentation</h2>
        <dl className="facts">
          <dt>Metode</dt>
          <dd>
            {SAMPLING_METHOD_LABELS[record.method]}
            {spec.strataBy && ` efter ${STRATA_FIELD_LABELS[spec.strataBy]}`}
            {record.method === 'stratificeret' &&
              (spec.allocation === 'proportional'
                ? `, ${spec.size} sager fordelt forholdsmæssigt`
                : `, ${spec.perStratum} pr. gruppe`)}
            {record.method !== 'stratificeret' && `, ${spec.size} sager`}, {spec.spares} reserver
            {record.method === 'stratificeret' ? ' pr. gruppe' : ''}
          </dd>
          <dt>Sagsliste</dt>
          <dd>
            {formatCount(record.populationCount)} sager; {formatCount(record.afterFilters)} efter filtre
            <span className="form-hint">
              Fingeraftryk <code title={record.populationHash}>{record.populationHash.slice(0, 16)}</code>
            </span>
          </dd>
          <dt>Filtre</dt>
          <dd>{filters.length ? filters.join('; ') : 'Ingen'}</dd>
          <dt>Startværdi</dt>
          <dd>
            <strong>{record.seed}</strong>
          </dd>
          <dt>Trukket</dt>
          <dd>
            {formatDanishDateTime(record.drawnAt)} af {record.drawnBy}
          </dd>
        </dl>
        {record.warnings.map((w) => (
          <p key={w} className="form-error-message">
            {w}
          </p>
        ))}
        <StrataTable strata={record.strata} />
        {!reviewStarted && (
          <button type="button" className="button button-tertiary" onClick={props.onRedraw}>
            Træk stikprøven igen
          </button>
        )}
      </div>

      <h2>Udvalgte sager ({selected.filter((s) => s.status !== 'udgaaet').length})</h2>
      <SampledSagTable sager={selected} onExclude={props.onExclude} />
      <h2>Reserver ({spares.length})</h2>
      <p className="muted">Udgår en sag, kommer den første reserve fra samme gruppe ind i stedet.</p>
      <SampledSagTable sager={spares} />
    </>
  );
}
