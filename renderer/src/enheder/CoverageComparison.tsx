import { type AreaCoverage, type CoverageFigure, figureInWords } from '../../../shared/domain/coverage-figures';
import { QUARTERS, QuarterHeads } from './QuarterHeads';

const COLUMNS = [...QUARTERS, 'Året'];

/** One period's coverage: caseworkers reached of those on the lists, and the sagstyper under it. */
function Cell({ figure }: { figure: CoverageFigure | null | undefined }) {
  const words = figureInWords(figure ?? null);
  return (
    <td>
      {words}
      {words !== '–' && figure && figure.sagstyper > 0 && (
        <div className="muted">
          sagstyper {figure.sagstyperDaekket} af {figure.sagstyper}
        </div>
      )}
    </td>
  );
}

/**
 * The enheder's coverage in the year (issue #15): how many of the caseworkers on each enhed's sagslister had a sag
 * reviewed, per quarter and for the year, counted where the sager are: here, or in the leader's own file for an enhed
 * whose rounds came in a resultatpakke. Counts only, no names.
 */
export function CoverageComparison({ coverage, year }: { coverage: AreaCoverage; year: number }) {
  const { rows, area } = coverage;
  return (
    <section className="comparison" aria-labelledby="sammenlign-daekning">
      <h2 id="sammenlign-daekning">Dækning {year}</h2>
      {rows.length === 0 ? (
        <p className="empty-state">
          Ingen af enhederne har færdiggennemgåede sager i {year}, hverken her eller i de indlæste resultatpakker.
        </p>
      ) : (
        <>
          <p className="form-hint">
            Sagsbehandlere med mindst én færdiggennemgået sag af dem på enhedens sagslister, talt i det kvartal, runden
            slutter i. Året tælles for sig: en sagsbehandler gennemgået i to kvartaler tæller én gang. For en enhed,
            hvis runder er indlæst fra en resultatpakke, er dækningen talt i lederens egen fil. Hele området tæller hver
            sagsbehandler én gang, hvor sagerne er her; tal fra lederes filer lægges til enhed for enhed, så en
            sagsbehandler på sagslisterne i to enheder dér tæller to gange.
          </p>
          <div className="table-scroll">
            <table className="table table--compact data-table comparison-table">
              <thead>
                <tr>
                  <th scope="col">Enhed</th>
                  <QuarterHeads />
                  <th scope="col">Året</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.enhedId}>
                    <th scope="row">
                      {r.enhed}
                      {r.fraPakke && <div className="muted">talt i lederens fil</div>}
                    </th>
                    {r.cells.map((f, i) => (
                      <Cell key={COLUMNS[i]} figure={f} />
                    ))}
                  </tr>
                ))}
                {rows.length > 1 && (
                  <tr className="comparison-overall">
                    <th scope="row">Hele området</th>
                    {area.map((f, i) => (
                      <Cell key={COLUMNS[i]} figure={f} />
                    ))}
                  </tr>
                )}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
