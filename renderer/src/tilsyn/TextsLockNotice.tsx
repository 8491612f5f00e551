import { formatDanishDate } from '../../../shared/domain/dates';
import type { TilsynSummary } from '../../../shared/domain/tilsyn';
import { Alert } from '../components/Alert';
import { routeHref } from '../routes';

/**
 * Why the report's texts cannot be changed now (they went to the udvalg), or, after afslutning and before sending,
 * that they still can: the lock is never silent (issue #12). `what` names the texts on this screen.
 */
export function TextsLockNotice({ tilsyn, what }: { tilsyn: TilsynSummary; what: string }) {
  const gennemgang = <a href={routeHref({ name: 'gennemgang', id: tilsyn.id })}>4. Gennemgang</a>;
  if (tilsyn.sendt)
    return (
      <Alert kind="info">
        <p className="alert-text">
          Rapporten blev sendt til udvalget den <strong>{formatDanishDate(tilsyn.sendt.dato)}</strong> af{' '}
          {tilsyn.sendt.hvem}, så {what} er låst og svarer til det, udvalget fik. Skal noget rettes, genåbnes tilsynet
          under {gennemgang}, og en rettet rapport sendes; den sendte gemmes.
        </p>
      </Alert>
    );
  if (tilsyn.status === 'afsluttet')
    return (
      <p className="muted">
        Tilsynet er afsluttet, og gennemgangen af sagerne er låst. {capitalised(what)} kan stadig skrives, indtil
        rapporten markeres som sendt under <a href={routeHref({ name: 'formidling', id: tilsyn.id })}>6. Formidling</a>.
      </p>
    );
  return null;
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
