import { describe, expect, it } from 'vitest';
import { toApiError } from '../../electron/backend/errors';
import { createApiClient } from '../../shared/api/client';
import { ApiError } from '../../shared/api/errors';

function sqliteError(code: string): Error {
  return Object.assign(new Error(code), { code });
}

describe('errors become Danish messages', () => {
  it('tells the user the disk is full and that nothing was saved', () => {
    const err = toApiError(sqliteError('SQLITE_FULL'));
    expect(err.code).toBe('DISK_FULL');
    expect(err.message).toMatch(/Disken er fuld.*ikke gemt/);
  });
  it('tells the user the file cannot be written', () => {
    expect(toApiError(sqliteError('SQLITE_READONLY')).code).toBe('READ_ONLY');
  });
  it('tells the user another program holds the database', () => {
    expect(toApiError(sqliteError('SQLITE_BUSY')).code).toBe('DB_BUSY');
  });
  it('hides internals of unexpected errors', () => {
    const err = toApiError(new TypeError('Cannot read properties of undefined (reading "x")'));
    expect(err.code).toBe('INTERNAL');
    expect(err.message).not.toMatch(/undefined|TypeError/);
  });
  it('passes ApiErrors through unchanged', () => {
    const original = new ApiError('NOT_FOUND', 'Tilsynet findes ikke.');
    expect(toApiError(original)).toBe(original);
  });
});

describe('the client', () => {
  it('throws the envelope’s error as an ApiError with field errors', async () => {
    const client = createApiClient(async () => ({
      ok: false,
      error: { code: 'VALIDATION', message: 'Skriv en titel', fieldErrors: { titel: 'Skriv en titel' } },
    }));
    await expect(client.call('tilsyn.list')).rejects.toMatchObject({
      code: 'VALIDATION',
      fieldErrors: { titel: 'Skriv en titel' },
    });
  });
  it('turns a broken connection into a Danish message', async () => {
    const client = createApiClient(async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(client.call('tilsyn.list')).rejects.toMatchObject({ code: 'TRANSPORT' });
  });
});
