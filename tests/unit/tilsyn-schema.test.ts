import { describe, expect, it } from 'vitest';
import { fieldErrorsFromZod } from '../../shared/api/errors';
import { tilsynInputSchema } from '../../shared/domain/tilsyn';
import { validTilsynInput } from '../support/temp';

function errorsOf(input: unknown): Record<string, string> {
  const result = tilsynInputSchema.safeParse(input);
  return result.success ? {} : fieldErrorsFromZod(result.error);
}

describe('tilsyn input', () => {
  it('accepts a complete tilsyn and trims text', () => {
    const parsed = tilsynInputSchema.parse({ ...validTilsynInput, titel: '  Q1  ' });
    expect(parsed.titel).toBe('Q1');
  });

  it('lets fokus be left out', () => {
    const { fokus: _, ...rest } = validTilsynInput;
    expect(tilsynInputSchema.parse(rest).fokus).toBe('');
  });

  it('names every missing field in Danish', () => {
    expect(errorsOf({})).toEqual({
      titel: 'Skriv en titel',
      periodeFra: 'Vælg periodens startdato',
      periodeTil: 'Vælg periodens slutdato',
      enhed: 'Skriv enhed eller team',
      form: 'Vælg hvordan sagerne gennemgås',
      formaal: 'Beskriv formålet med tilsynet',
      skabelonVersionId: 'Vælg en skabelon',
    });
  });

  it('treats blank text as missing', () => {
    expect(errorsOf({ ...validTilsynInput, titel: '   ', formaal: '\n' })).toEqual({
      titel: 'Skriv en titel',
      formaal: 'Beskriv formålet med tilsynet',
    });
  });

  it('refuses a date that does not exist', () => {
    expect(errorsOf({ ...validTilsynInput, periodeFra: '2025-02-29' })).toEqual({
      periodeFra: 'Datoen findes ikke i kalenderen',
    });
  });

  it('refuses a date in another format', () => {
    expect(errorsOf({ ...validTilsynInput, periodeTil: '31-03-2026' })).toEqual({
      periodeTil: 'Skriv datoen som dd.mm.åååå',
    });
  });

  it('refuses a period that ends before it starts', () => {
    expect(errorsOf({ ...validTilsynInput, periodeFra: '2026-04-01', periodeTil: '2026-03-31' })).toEqual({
      periodeTil: 'Slutdatoen skal ligge på eller efter startdatoen',
    });
  });

  it('reports the period order together with the other errors', () => {
    expect(errorsOf({ periodeFra: '2026-04-01', periodeTil: '2026-03-31' })).toMatchObject({
      titel: 'Skriv en titel',
      periodeTil: 'Slutdatoen skal ligge på eller efter startdatoen',
    });
  });

  it('answers input that is not an object at all', () => {
    for (const input of [undefined, null, 42, 'tekst', []]) {
      expect(tilsynInputSchema.safeParse(input).success).toBe(false);
    }
  });

  it('accepts a one-day period', () => {
    expect(errorsOf({ ...validTilsynInput, periodeFra: '2026-03-31', periodeTil: '2026-03-31' })).toEqual({});
  });

  it('refuses an unknown review form', () => {
    expect(errorsOf({ ...validTilsynInput, form: 'audit' })).toEqual({ form: 'Vælg hvordan sagerne gennemgås' });
  });

  it('refuses a title over 200 characters', () => {
    expect(errorsOf({ ...validTilsynInput, titel: 'x'.repeat(201) }).titel).toBe('Titlen må højst være 200 tegn');
  });

  it('refuses fields it does not know, so nothing unexpected is stored', () => {
    expect(tilsynInputSchema.safeParse({ ...validTilsynInput, cpr: '010190-1234' }).success).toBe(false);
  });
});

describe('zod’s own messages', () => {
  it('are Danish too', () => {
    const result = tilsynInputSchema.safeParse({ ...validTilsynInput, ukendt: 1 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('Ukendt nøgle: "ukendt"');
  });
});
