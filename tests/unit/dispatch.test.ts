import { describe, expect, it, vi } from 'vitest';
import { dispatch, type Handlers } from '../../electron/backend/dispatch';
import { METHOD_NAMES } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import { validTilsynInput } from '../support/temp';

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  const fail = () => {
    throw new Error('not used');
  };
  return { ...(Object.fromEntries(METHOD_NAMES.map((m) => [m, fail])) as unknown as Handlers), ...overrides };
}

describe('dispatch', () => {
  it('refuses names outside the contract, including inherited object keys', async () => {
    for (const name of ['tilsyn.drop', '__proto__', 'constructor', 'toString', 42, undefined]) {
      expect(await dispatch(handlers(), name, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    }
  });

  it('never calls the handler with input that fails the schema', async () => {
    const create = vi.fn();
    const result = await dispatch(handlers({ 'tilsyn.create': create }), 'tilsyn.create', { titel: 7 });
    expect(create).not.toHaveBeenCalled();
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    await dispatch(handlers({ 'tilsyn.list': create }), 'tilsyn.list', { ekstra: 1 });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(create).not.toHaveBeenCalled();
  });

  it('passes the parsed (trimmed) input to the handler', async () => {
    const create = vi.fn((input) => ({ ...input, id: 1 }));
    await dispatch(handlers({ 'tilsyn.create': create }), 'tilsyn.create', { ...validTilsynInput, titel: ' Q1 ' });
    expect(create.mock.calls[0]?.[0].titel).toBe('Q1');
  });

  it('reports unexpected errors for the log and answers in Danish without internals', async () => {
    const onUnexpectedError = vi.fn();
    const result = await dispatch(
      handlers({
        'tilsyn.list': () => {
          throw new RangeError('stack details');
        },
      }),
      'tilsyn.list',
      {},
      { onUnexpectedError },
    );
    expect(result).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'Der opstod en uventet fejl. Ændringen er ikke gemt; prøv igen.' },
    });
    expect(onUnexpectedError).toHaveBeenCalledOnce();
  });

  it('passes an ApiError’s Danish message through, without logging it as unexpected', async () => {
    const onUnexpectedError = vi.fn();
    const result = await dispatch(
      handlers({
        'tilsyn.get': () => {
          throw new ApiError('NOT_FOUND', 'Tilsynet findes ikke.');
        },
      }),
      'tilsyn.get',
      { id: 3 },
      { onUnexpectedError },
    );
    expect(result).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'Tilsynet findes ikke.' } });
    expect(onUnexpectedError).not.toHaveBeenCalled();
  });
});
