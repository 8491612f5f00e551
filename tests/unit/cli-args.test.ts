import { describe, expect, it } from 'vitest';
import { DEFAULT_PORT, parseStartArgs } from '../../electron/cli-args';
import { defaultUserDataDir } from '../../electron/paths';

describe('start options', () => {
  it('defaults to the standard port and database file', () => {
    expect(parseStartArgs([])).toEqual({ port: DEFAULT_PORT, help: false });
  });
  it('takes --db and --port, with or without =', () => {
    expect(parseStartArgs(['--db', '/data/team.db', '--port=0'])).toEqual({
      port: 0,
      dbPath: '/data/team.db',
      help: false,
    });
  });
  it('refuses a port that is not a number, in Danish', () => {
    expect(() => parseStartArgs(['--port', 'abc'])).toThrow('Ugyldig port: abc');
    expect(() => parseStartArgs(['--port', '70000'])).toThrow('Ugyldig port');
  });
  it('takes --gendan with the backup copy to restore', () => {
    expect(parseStartArgs(['--gendan', 'tilsyn-2026-11-25T21-40-05-123Z-auto.db']).gendan).toBe(
      'tilsyn-2026-11-25T21-40-05-123Z-auto.db',
    );
    expect(() => parseStartArgs(['--gendan'])).toThrow('--gendan mangler en værdi');
  });
  it('says which flag lacks a value', () => {
    expect(() => parseStartArgs(['--db'])).toThrow('--db mangler en værdi');
  });
  it('ignores switches that Electron and Chromium add', () => {
    expect(parseStartArgs(['--inspect', '--enable-logging']).port).toBe(DEFAULT_PORT);
  });
});

describe('default database folder', () => {
  it('matches Electron’s userData folder on each platform', () => {
    expect(defaultUserDataDir('linux', {}, '/home/lene')).toBe('/home/lene/.config/Tilsyn');
    expect(defaultUserDataDir('linux', { XDG_CONFIG_HOME: '/x' }, '/home/lene')).toBe('/x/Tilsyn');
    expect(defaultUserDataDir('darwin', {}, '/Users/lene')).toBe('/Users/lene/Library/Application Support/Tilsyn');
    expect(defaultUserDataDir('win32', { APPDATA: 'C:\\Users\\lene\\AppData\\Roaming' }, 'C:\\Users\\lene')).toMatch(
      /AppData.Roaming.Tilsyn$/,
    );
  });
});
