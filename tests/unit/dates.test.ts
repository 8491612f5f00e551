import { describe, expect, it } from 'vitest';
import { formatDanishDate, formatDanishPeriod, isValidIsoDate } from '../../shared/domain/dates';

describe('isValidIsoDate', () => {
  it.each([
    ['2026-01-31', true],
    ['2024-02-29', true], // leap year
    ['2000-02-29', true], // divisible by 400
    ['2025-02-29', false],
    ['1900-02-29', false], // divisible by 100, not 400
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-01-00', false],
    ['31-01-2026', false],
    ['2026-1-5', false],
    ['', false],
  ])('%s → %s', (value, expected) => {
    expect(isValidIsoDate(value)).toBe(expected);
  });
});

describe('Danish date formatting', () => {
  it('writes dates day first with dots', () => {
    expect(formatDanishDate('2026-03-05')).toBe('05.03.2026');
  });
  it('joins a period with an en dash', () => {
    expect(formatDanishPeriod('2026-01-01', '2026-03-31')).toBe('01.01.2026–31.03.2026');
  });
  it('leaves text that is not a date alone', () => {
    expect(formatDanishDate('ukendt')).toBe('ukendt');
  });
});
