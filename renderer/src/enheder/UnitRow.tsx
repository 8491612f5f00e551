import { useState } from 'react';
import {
  flattenTree,
  UNIT_LEVEL_LABELS,
  type Unit,
  type UnitNode,
  unitAndBelow,
  unitTree,
} from '../../../shared/domain/enhed';
import { Alert } from '../components/Alert';
import { Select } from '../components/Select';
import { routeHref } from '../routes';
import { UnitForm } from './UnitForm';
import type { useEnhederData } from './useEnhederData';

type Data = ReturnType<typeof useEnhederData>;

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** One enhed in the tree: what it holds, and renaming, moving, confirming, merging or deleting it. */
export function UnitRow({ node, units, data }: { node: UnitNode; units: Unit[]; data: Data }) {
  const [mode, setMode] = useState<'view' | 'edit' | 'merge'>('view');
  const [target, setTarget] = useState('');
  const [message, setMessage] = useState<string>();
  const below = unitAndBelow(units, node.id);
  const others = flattenTree(unitTree(units)).filter((n) => !below.has(n.id));
  const empty = node.tilsyn === 0 && node.children.length === 0;
  // An afdeling's figures are its teams' too: what a leader of the afdeling looks for.
  const subtree = units.filter((u) => below.has(u.id));
  const tilsyn = subtree.reduce((n, u) => n + u.tilsyn, 0);
  const caseworkers = [...new Set(subtree.flatMap((u) => u.sagsbehandlere))].sort((a, b) => a.localeCompare(b, 'da'));
  const types = [...new Set(subtree.flatMap((u) => u.sagstyper))].sort((a, b) => a.localeCompare(b, 'da'));
  const act = async (change: Promise<{ ok: boolean; message?: string }>) => {
    const result = await change;
    setMessage(result.ok ? undefined : result.message);
    if (result.ok) setMode('view');
  };
  const { navn, niveau, foraelderId } = node;

  return (
    <li className="unit-item">
      <div className={`unit-row${node.bekraeftet ? '' : ' unit-unconfirmed'}`}>
        <div className="unit-name">
          <strong>{node.navn}</strong> <span className="unit-level">{UNIT_LEVEL_LABELS[node.niveau]}</span>
          {!node.bekraeftet && <span className="tag-differs">Ikke bekræftet</span>}
          <p className="muted unit-facts">
            {count(tilsyn, 'tilsyn', 'tilsyn')} · {count(caseworkers.length, 'sagsbehandler', 'sagsbehandlere')} ·{' '}
            {count(types.length, 'sagstype', 'sagstyper')}
            {node.children.length > 0 && ' (med underenhederne)'}
          </p>
          {(caseworkers.length > 0 || types.length > 0) && (
            <details className="unit-seen">
              <summary>Set i sagslisterne</summary>
              {caseworkers.length > 0 && <p>Sagsbehandlere: {caseworkers.join(', ')}</p>}
              {types.length > 0 && <p>Sagstyper: {types.join(', ')}</p>}
            </details>
          )}
        </div>
        {mode === 'view' && (
          <div className="unit-actions">
            {node.children.length > 0 && (
              <a
                className="button button-tertiary"
                href={routeHref({ name: 'sammenlign', id: node.id })}
                aria-label={`Sammenlign enhederne under ${node.navn}`}
              >
                Sammenlign
              </a>
            )}
            {!node.bekraeftet && (
              <button
                type="button"
                className="button button-secondary"
                onClick={() => act(data.update(node.id, { navn, niveau, foraelderId }))}
              >
                Bekræft
              </button>
            )}
            <button
              type="button"
              className="button button-tertiary"
              aria-label={`Redigér ${node.navn}`}
              onClick={() => setMode('edit')}
            >
              Redigér
            </button>
            {others.length > 0 && (
              <button
                type="button"
                className="button button-tertiary"
                aria-label={`Flet ${node.navn} med en anden enhed`}
                onClick={() => setMode('merge')}
              >
                Flet med …
              </button>
            )}
            {empty && (
              <button
                type="button"
                className="button button-tertiary"
                aria-label={`Slet ${node.navn}`}
                onClick={() => act(data.remove(node.id))}
              >
                Slet
              </button>
            )}
          </div>
        )}
      </div>
      {message && (
        <Alert kind="error">
          <p className="alert-text">{message}</p>
        </Alert>
      )}
      {mode === 'edit' && (
        <UnitForm
          idPrefix={`enhed-${node.id}`}
          units={units}
          unit={node}
          submitLabel="Gem enheden"
          onSubmit={async (input) => {
            const result = await data.update(node.id, input);
            if (result.ok) setMode('view');
            return result;
          }}
          onCancel={() => setMode('view')}
        />
      )}
      {mode === 'merge' && (
        <div className="unit-form">
          <p>
            »{node.navn}« og den enhed, du vælger, bliver én: tilsyn og underenheder flyttes over, og udvikling og
            baseline følges samlet. Brug det, når to navne dækker samme team.
          </p>
          <Select
            id={`flet-${node.id}`}
            label="Flet med"
            value={target}
            options={[['', 'Vælg enhed'], ...others.map((n): [string, string] => [String(n.id), n.path])]}
            onChange={setTarget}
          />
          <div className="button-row">
            <button
              type="button"
              className="button button-primary"
              disabled={!target}
              onClick={() => act(data.merge(node.id, Number(target)))}
            >
              Flet enhederne
            </button>
            <button type="button" className="button button-tertiary" onClick={() => setMode('view')}>
              Annullér
            </button>
          </div>
        </div>
      )}
      {node.children.length > 0 && (
        <ul className="unit-tree no-max-width">
          {node.children.map((child) => (
            <UnitRow key={child.id} node={child} units={units} data={data} />
          ))}
        </ul>
      )}
    </li>
  );
}
