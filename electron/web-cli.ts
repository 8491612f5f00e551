// Browser mode entry point: `node dist/electron/web.cjs [--db file] [--port n]`.
import { join } from 'node:path';
import { stageRestore } from '../db/backup';
import { DatabaseOpenError } from '../db/open';
import { parseStartArgs, USAGE } from './cli-args';
import { defaultDatabasePath, defaultUserDataDir, RECENT_FILE_NAME } from './paths';
import { startWebHost } from './web-host';

async function main(): Promise<void> {
  const args = parseStartArgs(process.argv.slice(2));
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const dbPath = args.dbPath ?? defaultDatabasePath();
  if (args.gendan) {
    stageRestore(dbPath, args.gendan);
    console.log(`Sikkerhedskopien ${args.gendan} gendannes nu.`);
  }
  const host = await startWebHost({
    dbPath,
    port: args.port,
    staticDir: join(__dirname, '..', 'renderer'),
    recentFile: join(defaultUserDataDir(), RECENT_FILE_NAME),
    // A file chosen with --db must be in a folder that exists; only the default file's folder is made.
    createFolder: !args.dbPath,
    log: (line) => console.error(line),
  });
  console.log(`Database: ${host.db.path}`);
  console.log(`Tilsyn kører i browsertilstand på ${host.url}`);
  console.log('Åbn adressen i en browser på denne maskine. Stop med Ctrl+C.');

  const stop = () => {
    host.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  const backup = err instanceof DatabaseOpenError ? err.newestGoodBackup : undefined;
  const how = backup ? ` Start Tilsyn med --gendan ${backup.fileName} for at gendanne den.` : '';
  console.error(`Tilsyn kunne ikke starte: ${err instanceof Error ? err.message : String(err)}${how}`);
  process.exit(1);
});
