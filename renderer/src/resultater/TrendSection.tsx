import { useState } from 'react';
import { trendSvg } from '../../../shared/charts';
import { cutText, formatShare } from '../../../shared/domain/format';
import type { ResultsView } from '../../../shared/domain/reports';
import type { TilsynResults, TrendPoint } from '../../../shared/domain/results';
import { svgDataUrl } from '../files';

/** A round's short name for charts: the title, or the quarter of its period. */
function roundLabel(p: TrendPoint): string {
  return cutText(p.titel, 24) === p.titel ? p.titel : `${p.periodeTil.slice(0, 4)} ${cutText(p.titel, 19)}`;
}

/** The development over the rounds of the enhed with the template (and its copies): all together, or one krav. */
export function TrendSection({ results, trends }: { results: TilsynResults; trends: ResultsView['trends'] }) {
  const [trendKey, setTrendKey] = useState('*');
  const trend = trends[trendKey] ?? [];
  const trendMeasure = results.measures.find((m) => m.key === trendKey);
  const withHistory = results.measures.filter((m) => (trends[m.key]?.length ?? 0) >= 2);
  return (
    <>
      <h2>Udvikling</h2>
      {(trends['*']?.length ?? 0) < 2 ? (
        <p className="muted">
          Der er ingen tidligere tilsyn i samme enhed med samme skabelon (eller en kopi af den) endnu. Når næste runde
          er gennemført, vises udviklingen her.
        </p>
      ) : (
        <>
          <div className="form-group">
            <label className="form-label" htmlFor="udvikling-maal">
              Vis udviklingen for
            </label>
            <select
              id="udvikling-maal"
              className="form-select input-wide"
              value={trendKey}
              onChange={(e) => setTrendKey(e.target.value)}
            >
              <option value="*">Alle spørgsmål samlet</option>
              {withHistory.map((m) => (
                <option key={m.key} value={m.key}>
                  {m.number} {m.text}
                </option>
              ))}
            </select>
          </div>
          <figure className="chart">
            <img
              src={svgDataUrl(
                trendSvg(
                  trend.map((p) => ({
                    label: roundLabel(p),
                    share: p.share ?? 0,
                    n: p.sager,
                    baseline: p.baseline,
                  })),
                  { width: 900, height: 320, target: trendMeasure?.target ?? null },
                ),
              )}
              alt={`Udviklingen over ${trend.length} runder: ${trend.map((p) => `${p.titel} ${formatShare(p.share)}`).join(', ')}`}
            />
          </figure>
        </>
      )}
    </>
  );
}
