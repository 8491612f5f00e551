import { ROUND_STATE_LABELS, type YearRound } from '../../../shared/domain/aarshjul';
import { daysInMonth, formatDanishPeriod, MONTH_SHORT } from '../../../shared/domain/dates';

/** The month (1-12) a date falls in within the year, clamped to it. */
function monthIn(iso: string, year: number): number {
  const y = Number(iso.slice(0, 4));
  if (y < year) return 1;
  if (y > year) return 12;
  return Number(iso.slice(5, 7));
}

/** Rows for the bars: a round goes in the first row whose last bar ends before its first month. */
function lanes(rounds: readonly YearRound[], year: number): Map<number, number> {
  const ends: number[] = [];
  const out = new Map<number, number>();
  for (const r of [...rounds].sort((a, b) => a.fra.localeCompare(b.fra))) {
    const start = monthIn(r.fra, year);
    let lane = ends.findIndex((end) => end < start);
    if (lane === -1) lane = ends.push(0) - 1;
    ends[lane] = monthIn(r.til, year);
    out.set(r.id, lane + 1);
  }
  return out;
}

/**
 * The year as twelve columns and a row per enhed: each round a bar over its months, coloured by where it stands,
 * and today's month marked.
 */
export function YearGrid(props: {
  year: number;
  rounds: YearRound[];
  today: string;
  selected: number | null;
  onSelect(id: number): void;
}) {
  const { year, rounds, today } = props;
  const units = [...new Map(rounds.map((r) => [r.enhedId, r.enhed])).entries()].sort((a, b) =>
    a[1].localeCompare(b[1], 'da'),
  );
  const thisMonth = Number(today.slice(0, 4)) === year ? Number(today.slice(5, 7)) : null;
  // Today's place as a thin line across each enhed's lane, to the day.
  const at = thisMonth
    ? ((thisMonth - 1 + (Number(today.slice(8, 10)) - 1) / daysInMonth(year, thisMonth)) / 12) * 100
    : null;
  const nowLine =
    at === null
      ? undefined
      : {
          backgroundImage: `linear-gradient(to right, transparent calc(${at}% - 1px), #b51d09 calc(${at}% - 1px), #b51d09 calc(${at}% + 1px), transparent calc(${at}% + 1px))`,
        };
  return (
    <section className="year-grid" aria-label={`Årshjul ${year}`}>
      <div className="year-row year-head" aria-hidden="true">
        <span className="year-unit">Enhed</span>
        {MONTH_SHORT.map((m, i) => (
          <span key={m} className={`year-month${thisMonth === i + 1 ? ' year-now' : ''}`}>
            {m}
          </span>
        ))}
      </div>
      {units.map(([id, name]) => {
        const own = rounds.filter((r) => r.enhedId === id);
        const laneOf = lanes(own, year);
        return (
          <div className="year-row" key={id}>
            <h3 className="year-unit">{name}</h3>
            <div className="year-lane" style={nowLine}>
              {own.map((r) => (
                <button
                  type="button"
                  key={r.id}
                  className={`year-round state-${r.state}${r.uplanlagt ? ' unplanned' : ''}${props.selected === r.id ? ' selected' : ''}`}
                  style={{
                    gridColumn: `${monthIn(r.fra, year)} / ${monthIn(r.til, year) + 1}`,
                    gridRow: laneOf.get(r.id),
                  }}
                  aria-pressed={props.selected === r.id}
                  title={`${r.titel}: ${formatDanishPeriod(r.fra, r.til)}, ${ROUND_STATE_LABELS[r.state].toLowerCase()}`}
                  onClick={() => props.onSelect(r.id)}
                >
                  <span className="year-round-title">{r.titel}</span>
                  <span className="year-round-state">{ROUND_STATE_LABELS[r.state]}</span>
                  <span className="sr-only">, {formatDanishPeriod(r.fra, r.til)}</span>
                </button>
              ))}
            </div>
          </div>
        );
      })}
    </section>
  );
}
