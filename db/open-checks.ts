// What openDatabase checks before SQLite touches a path (issue #11): only a regular file or a new name in an existing
// folder, never a device, pipe or socket (opening a FIFO would hang the app); the real file behind a link; a file
// and folder that can be written; and a file that is not empty, cut short, or missing its -wal after a crash.
import {
  accessSync,
  closeSync,
  constants,
  existsSync,
  lstatSync,
  mkdirSync,
  openSync,
  readSync,
  realpathSync,
  renameSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { locateAll } from './backup/files';
import { goodCopyAdvice, workRowsOf } from './backup/verify';
import { APPLICATION_ID, errorCode } from './file-format';
import { identityKey, identityOf } from './file-guard';
import { DatabaseOpenError } from './open-error';

const notAFile = (path: string, what: string) =>
  new DatabaseOpenError(
    'NOT_A_FILE',
    what === 'en mappe'
      ? `${path} er en mappe. Angiv en databasefil, fx ${join(path, 'tilsyn.db')}.`
      : `${path} er ${what}, ikke en databasefil. Den er ikke åbnet. Vælg en databasefil.`,
  );

/**
 * The real path of the database file to open: symlinks and `..` resolved, so the lock and the backup copies are
 * those of the file itself. Refuses a folder, a device, a pipe or a socket (with `lstat`/`stat`, nothing is
 * opened), a link to nothing, and a new name in a folder that does not exist (unless `createFolder`).
 */
export function resolveDatabasePath(filePath: string, createFolder: boolean): string {
  const given = resolve(filePath);
  if (!lstatSync(given, { throwIfNoEntry: false })) {
    const folder = dirname(given);
    if (!existsSync(folder)) {
      if (!createFolder) {
        throw new DatabaseOpenError('CANNOT_OPEN', `Mappen ${folder} findes ikke. Vælg en mappe, der findes.`);
      }
      mkdirSync(folder, { recursive: true, mode: 0o700 });
    }
    if (!lstatSync(realpathSync(folder)).isDirectory()) {
      throw new DatabaseOpenError('CANNOT_OPEN', `${folder} er ikke en mappe. Vælg en mappe, der findes.`);
    }
    return join(realpathSync(folder), basename(given));
  }
  let real: string;
  try {
    real = realpathSync(given);
  } catch {
    throw new DatabaseOpenError('CANNOT_OPEN', `${given} er en genvej til en fil, der ikke findes.`);
  }
  const stat = lstatSync(real);
  if (stat.isDirectory()) throw notAFile(given, 'en mappe');
  if (!stat.isFile()) throw notAFile(given, 'en enhed, en navngivet kanal eller en sokkel');
  return real;
}

/**
 * Refuses a file, folder or drive that can only be read, naming it as such (SQLite would open the file
 * read-only and fail at the first save). `exists`: the file itself is there (else only its folder counts).
 */
export function refuseReadOnly(path: string, exists: boolean): void {
  for (const [target, what] of [
    [path, 'Filen'],
    [dirname(path), 'Mappen'],
  ] as const) {
    if (target === path && !exists) continue;
    try {
      accessSync(target, constants.W_OK);
    } catch (err) {
      const code = errorCode(err);
      const where = code === 'EROFS' ? 'drevet er skrivebeskyttet' : 'du har ikke skriveadgang';
      throw new DatabaseOpenError(
        'READ_ONLY',
        `${what} ${target} kan kun læses (${where}). Tilsyn skal kunne gemme i ${what === 'Filen' ? 'den' : 'mappen'}, ` +
          'så den er ikke åbnet og intet er ændret. Kopiér filen til en mappe, du kan skrive i, eller bed IT om skriveadgang.',
      );
    }
  }
}

export interface FileHeader {
  /** The first 16 bytes say SQLite, and the application id says Tilsyn. */
  tilsyn: boolean;
  /** The header asks for write-ahead logging (bytes 18 and 19 are 2): the file's latest work may be in its -wal. */
  walMode: boolean;
  /** The header's page count is valid and needs more bytes than the file has: the file was cut short. */
  truncated: boolean;
  size: number;
}

/** The SQLite header of a file (its first 100 bytes), read without SQLite, so a refused file is never touched. */
export function readHeader(path: string): FileHeader {
  const header = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  let read: number;
  let size: number;
  try {
    read = readSync(fd, header, 0, 100, 0);
    size = lstatSync(path).size;
  } finally {
    closeSync(fd);
  }
  const sqlite = read === 100 && header.toString('latin1', 0, 16) === 'SQLite format 3\0';
  if (!sqlite) return { tilsyn: false, walMode: false, truncated: false, size };
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  // The page count in the header is only valid when the change counter matches "version-valid-for".
  const pageCountValid = header.readUInt32BE(24) === header.readUInt32BE(92);
  return {
    tilsyn: header.readUInt32BE(68) === APPLICATION_ID,
    walMode: header[18] === 2 && header[19] === 2,
    truncated: pageCountValid && header.readUInt32BE(28) * pageSize > size,
    size,
  };
}

/** The one refusal of a Tilsyn file that fails its checks, naming the newest good copy. */
export function damaged(path: string, why = 'kontrollen af filen fandt fejl'): DatabaseOpenError {
  const advice = goodCopyAdvice(path);
  return new DatabaseOpenError(
    'DAMAGED',
    `Databasefilen ${path} er beskadiget: ${why}. Intet er ændret i filen. ${advice.text}`,
    advice.backup,
  );
}

/**
 * An existing file is never silently made a new database: empty or cut short with backup copies beside it is
 * damaged; empty without copies is refused too (the app itself never leaves an empty file: see createDatabase).
 */
export function refuseEmptyOrCutShort(path: string, header: FileHeader): void {
  if (header.size === 0) {
    if (locateAll(path).length > 0) throw damaged(path, 'filen er tom (0 byte), men der er sikkerhedskopier');
    throw new DatabaseOpenError(
      'EMPTY',
      `Filen ${path} er tom (0 byte) og er ikke en Tilsyn-database. Den er ikke ændret. ` +
        'Vælg et filnavn, der ikke findes, for at lave en ny database.',
    );
  }
  if (header.tilsyn && header.truncated) throw damaged(path, 'filen er kortere, end den selv siger (afkortet)');
}

/**
 * After a crash (a lock left behind), a file in WAL mode must still have its -wal: without it, work that was
 * acknowledged may be missing. Reported once: the left-behind lock is removed with this refusal, so the next
 * start opens the file as it is if the leader chooses that.
 */
export function refuseMissingWal(path: string, header: FileHeader, crashed: boolean): void {
  if (!crashed || !header.walMode || existsSync(`${path}-wal`)) return;
  const advice = goodCopyAdvice(path);
  throw new DatabaseOpenError(
    'WAL_MISSING',
    `Tilsyn blev ikke lukket korrekt sidst, og logfilen ${path}-wal mangler. Arbejde, der blev vist som gemt, ` +
      `kan derfor mangle i databasefilen. ${advice.text} Vil du hellere arbejde videre i filen, som den er, ` +
      'så start Tilsyn igen.',
    advice.backup,
  );
}

/**
 * After a crash, the -wal beside the file belongs to the file the crashed run had open (its device and inode are
 * in the lock it left). When another file has taken its place since (renamed over it, or a copy put there), that
 * -wal would be replayed into the newcomer and mix two databases: it is moved aside and the leader is told, once.
 */
export function refuseForeignWal(path: string, lockedFile: string | undefined): void {
  const wal = `${path}-wal`;
  const now = identityOf(path);
  if (!lockedFile || !now || identityKey(now) === lockedFile || !existsSync(wal)) return;
  const aside = `${wal}.${Date.now()}.tilsyn-forladt`;
  renameSync(wal, aside);
  const advice = goodCopyAdvice(path);
  throw new DatabaseOpenError(
    'WAL_NOT_THIS_FILE',
    `Tilsyn blev ikke lukket korrekt sidst, og databasefilen ${path} er blevet udskiftet siden. Logfilen med det ` +
      `seneste arbejde hører til den gamle fil og er lagt til side som ${aside}, så den ikke blandes ind i denne. ` +
      `${advice.text} Vil du hellere arbejde videre i filen, som den er, så start Tilsyn igen.`,
    advice.backup,
  );
}

/**
 * A file that is gone while copies holding the leader's work lie beside it (deleted or moved by mistake, or gone
 * while the app had it open, whose work is then in a rescue copy) is never silently made a new, empty database.
 */
export function refuseMissingWithCopies(path: string): void {
  if (!locateAll(path).some((copy) => (workRowsOf(copy.path) ?? 1) > 0)) return;
  const advice = goodCopyAdvice(path);
  throw new DatabaseOpenError(
    'MISSING',
    `Databasefilen ${path} findes ikke, men der ligger sikkerhedskopier med arbejde i ved siden af, så Tilsyn laver ` +
      `ikke en ny, tom database i stedet. ${advice.text} Vil du have en ny database, så vælg et andet filnavn.`,
    advice.backup,
  );
}
