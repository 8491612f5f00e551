import { flattenTree, matchUnitName, unitTree } from '../../../shared/domain/enhed';
import { api } from '../api';
import { TextField } from '../components/TextField';
import { useLoad } from '../hooks/useLoad';

/**
 * The tilsyn's enhed: typed or picked from the enheder (by path where two share a name), with what the typed text
 * will mean said below it: which enhed, or that a new one is made.
 */
export function UnitField(props: { value: string; onChange(value: string): void; error?: string }) {
  const { data: units } = useLoad(() => api.call('enheder.list', { medSagslister: false }), []);
  const nodes = flattenTree(unitTree(units ?? []));
  const shared = (navn: string) => nodes.filter((n) => n.navn.toLocaleLowerCase('da') === navn.toLocaleLowerCase('da'));
  const choices = nodes.map((n) => (shared(n.navn).length > 1 ? n.path : n.navn));
  const typed = props.value.trim();
  const match = units && typed ? matchUnitName(units, typed) : undefined;
  const pathOf = (id: number) => nodes.find((n) => n.id === id)?.path ?? '';
  const hint = !match
    ? 'Vælg en enhed på listen, eller skriv navnet på en ny (fx »Myndighed børn og unge, team Nord«)'
    : match.kind === 'one'
      ? `Tilsynet hører til ${pathOf(match.unit.id)}`
      : match.kind === 'several'
        ? `Flere enheder hedder »${typed}«: vælg den rigtige på listen`
        : `»${typed}« er en ny enhed: den oprettes øverst, og du kan flytte den under Enheder`;
  return (
    <>
      <TextField
        id="tilsyn-enhed"
        label="Enhed eller team"
        hint={hint}
        value={props.value}
        onChange={props.onChange}
        error={props.error}
        maxLength={200}
        list="tilsyn-enheder"
        wide
      />
      <datalist id="tilsyn-enheder">
        {choices.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
    </>
  );
}
