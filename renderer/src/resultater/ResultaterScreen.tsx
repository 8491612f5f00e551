import { measureBarsSvg } from '../../../shared/charts';
import { formatShare } from '../../../shared/domain/format';
import { publicOverall } from '../../../shared/domain/results';
import { type TilsynSummary, textsLocked } from '../../../shared/domain/tilsyn';
import { Alert } from '../components/Alert';
import { Choice } from '../components/Choice';
import { svgDataUrl } from '../files';
import { routeHref } from '../routes';
import { TextsLockNotice } from '../tilsyn/TextsLockNotice';
import { TilsynLayout } from '../tilsyn/TilsynLayout';
import { Breakdowns } from './Breakdowns';
import { KeyLinks } from './KeyLinks';
import { MeasureSection } from './MeasureSection';
import { ResultCard } from './ResultCard';
import './resultater.css';
import { SummaryEditor } from './SummaryEditor';
import { TrendSection } from './TrendSection';
import { useResultaterData } from './useResultaterData';

export function ResultaterScreen({ id }: { id: number }) {
  return (
    <TilsynLayout id={id} step="resultater">
      {(tilsyn) => <Results tilsyn={tilsyn} />}
    </TilsynLayout>
  );
}

/** The tilsyn's results per measure against the måltal, their development, and ledelsens vurdering and plan. */
function Results({ tilsyn }: { tilsyn: TilsynSummary }) {
  const { view, error, reload, setBaseline, saveAssessment, saveSummary, saveGoal } = useResultaterData(tilsyn.id);
  // A round that came in a resultatpakke is read here; its texts and marks are written where it came from.
  const imported = tilsyn.indlaest;
  const locked = textsLocked(tilsyn) || imported;

  if (error)
    return (
      <Alert kind="error">
        <p className="alert-text">{error}</p>
      </Alert>
    );
  if (!view) return <p>Beregner resultaterne …</p>;
  const { results } = view;
  if (results.sager === 0)
    return (
      <Alert kind="info" heading="Ingen resultater endnu">
        <p className="alert-text">
          Resultaterne beregnes af gennemgangens svar.{' '}
          <a href={routeHref({ name: 'gennemgang', id: tilsyn.id })}>Gå til gennemgangen</a>.
        </p>
      </Alert>
    );

  // Questions that never applied (rules, or only "ikke relevant" answers) say nothing about quality: left out.
  const measured = results.measures.filter((m) => m.applicable > 0);
  const shown = results.measures.filter((m) => m.applicable > 0 || m.counts.ubesvaret > 0);
  const hidden = results.measures.length - shown.length;
  const sections = [...new Set(shown.map((m) => m.sectionKey))];
  const publicHeadline = publicOverall(results, view.settings.minCell);

  return (
    <div className="results">
      {imported ? null : <TextsLockNotice tilsyn={tilsyn} what="vurderinger, planer og sammenfatning" />}
      {results.faerdige < results.sager && (
        <Alert kind="warning">
          <p className="alert-text">
            {results.sager - results.faerdige} af {results.sager} sager er ikke færdiggennemgået. Resultaterne kan ændre
            sig, til alle sager er færdige.
          </p>
        </Alert>
      )}
      <div className="result-cards">
        <ResultCard label="Alle spørgsmål" share={results.overall} />
        {results.categories
          .filter((c) => c.applicable > 0)
          .map((c) => (
            <ResultCard key={c.key} label={c.label} share={c} />
          ))}
      </div>
      <p className="muted">
        Andel opfyldt af de sager, hvor spørgsmålet var relevant. »Delvist« tæller som ikke opfyldt; »Ikke relevant«
        tæller ikke med. {results.sager} sager i stikprøven.
      </p>
      {publicHeadline.hidden > 0 && publicHeadline.share !== results.overall.share && (
        <p className="muted" data-testid="public-headline">
          I rapporten til udvalget er {publicHeadline.hidden} krav, der var{' '}
          {publicHeadline.hidden === 1 ? 'relevant' : 'relevante'} i færre end {view.settings.minCell} sager, vist uden
          tal og ikke med i andelen; dér er den {formatShare(publicHeadline.share)}.
        </p>
      )}
      <Choice
        type="checkbox"
        id="baseline"
        checked={view.baseline}
        onChange={setBaseline}
        disabled={imported}
        hint={
          imported
            ? 'Sat i den fil, runden kom fra.'
            : 'Senere runder med samme skabelon sammenlignes med denne måling.'
        }
      >
        Dette tilsyn er en baseline-måling
      </Choice>

      <h2>Resultater mod måltal</h2>
      <figure className="chart">
        <img
          src={svgDataUrl(
            measureBarsSvg(
              measured.map((m) => ({
                label: `${m.number} ${m.text}`,
                share: m.share,
                target: m.target,
                n: m.applicable,
              })),
              { width: 900 },
            ),
          )}
          alt={`Andel opfyldt for ${measured.length} spørgsmål med måltal. Tallene står i tabellen nedenfor.`}
        />
      </figure>

      {sections.map((key) => (
        <MeasureSection
          key={key}
          sectionKey={key}
          measures={shown.filter((m) => m.sectionKey === key)}
          section={results.sections.find((s) => s.key === key)}
          locked={locked}
          assessable={!imported}
          assessments={view.assessments}
          onSaveAssessment={saveAssessment}
          goals={view.goals}
          onSaveGoal={saveGoal}
          trends={view.trends}
        />
      ))}

      {hidden > 0 && (
        <p className="muted">
          {hidden === 1 ? 'Ét spørgsmål' : `${hidden} spørgsmål`} var ikke relevant i nogen af sagerne og vises ikke.
        </p>
      )}

      <TrendSection results={results} trends={view.trends} />
      <KeyLinks tilsynId={tilsyn.id} onChanged={() => void reload()} />

      {imported ? null : (
        <>
          <SummaryEditor stored={view.sammenfatning} disabled={locked} onSave={saveSummary} />
          <Breakdowns results={results} />
        </>
      )}
    </div>
  );
}
