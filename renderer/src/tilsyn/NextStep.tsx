import { formatDanishDate } from '../../../shared/domain/dates';
import {
  nextStep,
  stepStates,
  TILSYN_STEP_LABELS,
  type TilsynStep,
  type TilsynSummary,
} from '../../../shared/domain/tilsyn';
import { routeHref } from '../routes';

/** What the leader does next in each step, said as she would say it. */
const WHAT: Record<Exclude<TilsynStep, 'tilsyn'>, (t: TilsynSummary) => string> = {
  sagsliste: () => 'Indlæs sagslisten fra fagsystemet (CSV eller Excel): de sager, stikprøven trækkes af.',
  stikproeve: () => 'Træk stikprøven af sagslisten. Hvordan sagerne er valgt, dokumenteres af sig selv.',
  gennemgang: (t) =>
    t.antalFaerdige === 0
      ? `Gennemgå de ${t.antalSager} sager med skabelonens spørgsmål. Hvert svar gemmes, i det øjeblik du giver det.`
      : `Gennemgå resten af sagerne: ${t.antalFaerdige} af ${t.antalSager} er færdige.`,
  resultater: () =>
    'Alle sager er færdige. Læs resultaterne, skriv ledelsens vurdering, og afslut tilsynet under 4. Gennemgang.',
  formidling: () => 'Tilsynet er afsluttet. Lav rapporten til udvalget og notaterne til sagsbehandlerne.',
};

/** On a tilsyn's overview: the next step of the work, with a link to it (issue #17). */
export function NextStep({ tilsyn }: { tilsyn: TilsynSummary }) {
  const next = nextStep(stepStates(tilsyn));
  if (next === 'tilsyn') return null;
  return (
    <section className="card next-step" aria-labelledby="naeste-trin">
      <h2 className="h4" id="naeste-trin">
        {next ? `Næste trin: ${TILSYN_STEP_LABELS[next]}` : 'Alle trin er færdige'}
      </h2>
      {next ? (
        <>
          <p>{WHAT[next](tilsyn)}</p>
          <a className="button button-primary" href={routeHref({ name: next, id: tilsyn.id })}>
            Gå til {TILSYN_STEP_LABELS[next]}
          </a>
        </>
      ) : (
        <p>
          Rapporten blev sendt til udvalget {formatDanishDate(tilsyn.sendt?.dato ?? '')}. Følg op på handlingerne under{' '}
          <a href={routeHref({ name: 'handlinger' })}>Handlinger</a>.
        </p>
      )}
    </section>
  );
}
