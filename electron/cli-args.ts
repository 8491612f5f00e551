export const DEFAULT_PORT = 4870;

export interface StartArgs {
  port: number;
  /** undefined: the default file in the user-data folder. */
  dbPath?: string;
  help: boolean;
  /** A backup copy (file name from the backup folder) to restore before the database is opened. */
  gendan?: string;
}

export const USAGE = `Brug: npm start -- [--db <sti til databasefil>] [--port <port>] [--gendan <fil>]
  --db      Databasefilen, der skal åbnes eller oprettes (standard: tilsyn.db i brugerens programdata-mappe)
  --port    Port for browsertilstand på 127.0.0.1 (standard: ${DEFAULT_PORT}; 0 vælger en ledig port)
  --gendan  Gendan en sikkerhedskopi (filnavn fra mappen <navn>-sikkerhedskopier) og åbn databasen`;

/** Parses the options shared by the desktop app and browser mode; throws with a Danish message. */
export function parseStartArgs(argv: readonly string[]): StartArgs {
  const args: StartArgs = { port: DEFAULT_PORT, help: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = splitFlag(argv[i] ?? '');
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new Error(`${flag} mangler en værdi.\n${USAGE}`);
      return v;
    };
    switch (flag) {
      case '--db':
        args.dbPath = value();
        break;
      case '--port': {
        const raw = value();
        const port = Number(raw);
        if (!/^\d+$/.test(raw) || port > 65535) throw new Error(`Ugyldig port: ${raw}. Brug et tal fra 0 til 65535.`);
        args.port = port;
        break;
      }
      case '--gendan':
        args.gendan = value();
        break;
      case '--help':
      case '-h':
        args.help = true;
        break;
      default:
        // Electron and Chromium add switches of their own; only our own flags are checked.
        break;
    }
  }
  return args;
}

function splitFlag(arg: string): [string, string | undefined] {
  const eq = arg.indexOf('=');
  return arg.startsWith('--') && eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
}
