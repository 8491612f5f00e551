// Backup copies of the database file ("sikkerhedskopier", issue #7 "Nothing lost"):
// - taken with SQLite's online backup API while the app keeps working, each verified before older ones are pruned;
// - kept beside the database in `<dir>/<name>-sikkerhedskopier/`, one self-contained file per copy, named so that
//   the names sort by time and carry the reason: `tilsyn-2026-11-25T21-40-05-123Z-auto.db`;
// - restored by staging: a marker file names the copy, and the next openDatabase puts it in place (the current
//   file is set aside first), so a file is never replaced under an open connection.
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { BACKUP_KINDS, type BackupInfo, type BackupKind, type RestoreResult } from '../shared/domain/backup';
import { planRetention, type RetentionOptions } from '../shared/domain/backup-retention';
import { formatDanishDateTime } from '../shared/domain/dates';
// A cycle with ./open (which applies staged restores): only used inside functions, never at load time.
import { APPLICATION_ID, LATEST_SCHEMA_VERSION, restrictToOwner, type TilsynDatabase } from './open';

export const DEFAULT_BACKUP_INTERVAL_MS = 15 * 60 * 1000;
/** Pages copied per step of the online backup; between steps the event loop (and the app's writes) run. */
export const DEFAULT_PAGES_PER_STEP = 256;

const ALL_PAGES = 0x7fffffff;

export type BackupErrorCode = 'NOT_FOUND' | 'INVALID' | 'FAILED';

/** A backup or restore that could not be done; the message is Danish and meant for the user. */
export class BackupError extends Error {
  readonly code: BackupErrorCode;
  constructor(code: BackupErrorCode, message: string) {
    super(message);
    this.name = 'BackupError';
    this.code = code;
  }
}

// ---------- names and places ----------

const stem = (dbPath: string) => basename(dbPath, extname(dbPath)) || basename(dbPath);

/** The folder of a database's backup copies: `<dir>/<name>-sikkerhedskopier`. */
export function backupFolder(dbPath: string): string {
  const path = resolve(dbPath);
  return join(dirname(path), `${stem(path)}-sikkerhedskopier`);
}

/** The marker file that asks the next start to restore a backup copy. */
export function restoreMarkerPath(dbPath: string): string {
  return `${resolve(dbPath)}.gendan.json`;
}

const STAMP = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/;
const stampOf = (moment: Date) => moment.toISOString().replace(/[:.]/g, '-');
const NAME = new RegExp(`-(\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}-\\d{3}Z)-(${BACKUP_KINDS.join('|')})\\.db$`);

/** `tilsyn-2026-11-25T21-40-05-123Z-auto.db` for tilsyn.db: sorts by time (UTC) and tells why it was taken. */
export function backupFileName(dbPath: string, createdAt: Date, kind: BackupKind): string {
  return `${stem(resolve(dbPath))}-${stampOf(createdAt)}-${kind}.db`;
}

/** The time and kind a backup file name carries; undefined for any other file. */
export function parseBackupFileName(fileName: string): { createdAt: string; kind: BackupKind } | undefined {
  const match = NAME.exec(fileName);
  const stamp = match && STAMP.exec(match[1] ?? '');
  if (!match || !stamp) return undefined;
  const createdAt = `${stamp[1]}T${stamp[2]}:${stamp[3]}:${stamp[4]}.${stamp[5]}Z`;
  if (Number.isNaN(Date.parse(createdAt))) return undefined;
  return { createdAt, kind: match[2] as BackupKind };
}

/** openDatabase's own copy before a schema upgrade, beside the file: `tilsyn.db.foer-opgradering-v3.sqlite`. */
const isPreMigrationCopy = (dbPath: string, fileName: string) =>
  fileName.startsWith(`${basename(dbPath)}.foer-opgradering-v`) && /\.foer-opgradering-v\d+\.sqlite$/.test(fileName);

interface Located {
  info: BackupInfo;
  path: string;
}

function filesIn(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}

function locateAll(dbPath: string): Located[] {
  const path = resolve(dbPath);
  const found: Located[] = [];
  const add = (file: string, fileName: string, kind: BackupKind, createdAt?: string) => {
    try {
      const stat = statSync(file);
      if (!stat.isFile()) return;
      found.push({
        path: file,
        info: { fileName, createdAt: createdAt ?? stat.mtime.toISOString(), sizeBytes: stat.size, kind },
      });
    } catch {
      // Deleted meanwhile.
    }
  };
  const folder = backupFolder(path);
  for (const fileName of filesIn(folder)) {
    const parsed = parseBackupFileName(fileName);
    if (parsed) add(join(folder, fileName), fileName, parsed.kind, parsed.createdAt);
  }
  for (const fileName of filesIn(dirname(path))) {
    if (isPreMigrationCopy(path, fileName)) add(join(dirname(path), fileName), fileName, 'migrering');
  }
  return found.sort(
    (a, b) => b.info.createdAt.localeCompare(a.info.createdAt) || b.info.fileName.localeCompare(a.info.fileName),
  );
}

/** The database's backup copies, newest first: its backup folder, and the copies taken before schema upgrades. */
export function listBackups(dbPath: string): BackupInfo[] {
  return locateAll(dbPath).map((l) => l.info);
}

/**
 * A backup copy by the name list gives, and its path; undefined for any other name. Only names in the
 * listing are accepted, so '../tilsyn.db' or an absolute path can never reach a file outside the backups.
 */
export function findBackup(dbPath: string, fileName: string): Located | undefined {
  if (fileName !== basename(fileName) || fileName.includes('/') || fileName.includes('\\')) return undefined;
  return locateAll(dbPath).find((l) => l.info.fileName === fileName);
}

// ---------- checking a copy ----------

export type BackupCheck = { ok: true; schemaVersion: number } | { ok: false; reason: string };

/**
 * Opens a file read-only and checks that it is an intact Tilsyn database this version can open:
 * our application_id, a schema version no newer than the app's, and `PRAGMA quick_check`
 * (or the slower, complete `integrity_check` with full: true) answering 'ok'. The reason is Danish.
 */
export function verifyBackupFile(file: string, options: { full?: boolean } = {}): BackupCheck {
  let probe: Database.Database | undefined;
  try {
    probe = new Database(file, { readonly: true, fileMustExist: true });
    if (probe.pragma('application_id', { simple: true }) !== APPLICATION_ID) {
      return { ok: false, reason: 'filen er ikke en Tilsyn-database' };
    }
    const schemaVersion = probe.pragma('user_version', { simple: true }) as number;
    if (schemaVersion > LATEST_SCHEMA_VERSION) {
      return { ok: false, reason: `den er lavet af en nyere version af Tilsyn (skemaversion ${schemaVersion})` };
    }
    const rows = probe.pragma(options.full ? 'integrity_check(5)' : 'quick_check(5)') as Record<string, string>[];
    const answers = rows.map((row) => Object.values(row)[0]);
    if (answers.length !== 1 || answers[0] !== 'ok') return { ok: false, reason: 'den er beskadiget' };
    return { ok: true, schemaVersion };
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') return { ok: false, reason: 'den er beskadiget' };
    if (code === 'SQLITE_CANTOPEN') return { ok: false, reason: 'filen kan ikke åbnes' };
    return { ok: false, reason: `filen kan ikke læses (${code || 'ukendt fejl'})` };
  } finally {
    probe?.close();
  }
}

/** The newest backup copy that passes verifyBackupFile; works without opening the database itself. */
export function newestGoodBackup(dbPath: string): BackupInfo | undefined {
  for (const { info, path } of locateAll(dbPath)) {
    if (verifyBackupFile(path).ok) return info;
  }
  return undefined;
}

// ---------- taking a copy ----------

const queues = new WeakMap<Database.Database, Promise<unknown>>();

/** One backup at a time per connection: a manual copy waits for a running automatic one. */
function enqueue<T>(db: TilsynDatabase, job: () => Promise<T>): Promise<T> {
  const previous = queues.get(db.sqlite) ?? Promise.resolve();
  const next = previous.then(job, job);
  queues.set(
    db.sqlite,
    next.catch(() => undefined),
  );
  return next;
}

/** A file name for a new copy that is not taken yet (two copies in the same millisecond get the next one). */
function newBackupPath(dbPath: string, now: Date, kind: BackupKind): { fileName: string; path: string } {
  const folder = backupFolder(dbPath);
  mkdirSync(folder, { recursive: true });
  restrictToOwner(folder, 0o700);
  for (let ms = now.getTime(); ; ms++) {
    const fileName = backupFileName(dbPath, new Date(ms), kind);
    const path = join(folder, fileName);
    if (!existsSync(path) && !existsSync(`${path}.tmp`)) return { fileName, path };
  }
}

function fsyncPath(path: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    fsyncSync(fd);
  } catch {
    // Directories cannot be synced on Windows; the rename is still atomic.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function removeWithSidecars(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
}

/** Verifies a freshly written copy and gives it its final name; a copy that fails is deleted, never kept. */
function publishCopy(tmp: string, target: string, kind: BackupKind, createdAt: Date): BackupInfo {
  const check = verifyBackupFile(tmp);
  if (!check.ok) {
    removeWithSidecars(tmp);
    throw new BackupError(
      'FAILED',
      `Sikkerhedskopien kunne ikke bekræftes (${check.reason}). De tidligere sikkerhedskopier er bevaret.`,
    );
  }
  fsyncPath(tmp);
  restrictToOwner(tmp, 0o600);
  renameSync(tmp, target);
  fsyncPath(dirname(target));
  return { fileName: basename(target), createdAt: createdAt.toISOString(), sizeBytes: statSync(target).size, kind };
}

export interface TakeBackupOptions {
  now?: () => Date;
  pagesPerStep?: number;
  retention?: RetentionOptions;
  /** Copies the pruning after this copy must leave alone (besides the new one and a staged restore's). */
  protect?: string[];
}

/**
 * Takes a copy with SQLite's online backup API: page by page, with the event loop (and the app's own writes,
 * which SQLite copies along) running between steps. The copy is verified before it gets its name, and only then
 * are older copies pruned by the retention rules.
 */
export function takeBackup(db: TilsynDatabase, kind: BackupKind, options: TakeBackupOptions = {}): Promise<BackupInfo> {
  return enqueue(db, async () => {
    const createdAt = options.now?.() ?? new Date();
    const { path: target } = newBackupPath(db.path, createdAt, kind);
    const tmp = `${target}.tmp`;
    const pages = options.pagesPerStep ?? DEFAULT_PAGES_PER_STEP;
    // Writes through another connection restart the copy; after a few restarts the rest is copied in one step,
    // so a busy second writer cannot keep the copy from ever finishing.
    let restarts = 0;
    let remaining = Number.POSITIVE_INFINITY;
    const progress = ({ remainingPages }: { remainingPages: number }) => {
      if (remainingPages > remaining) restarts++;
      remaining = remainingPages;
      return restarts >= 3 ? ALL_PAGES : pages;
    };
    try {
      await db.sqlite.backup(tmp, { progress });
      // The copy carries the source's WAL mode; a copy is one self-contained file, so it gets a rollback journal.
      const copy = new Database(tmp, { fileMustExist: true });
      try {
        copy.pragma('journal_mode = DELETE');
      } finally {
        copy.close();
      }
    } catch (err) {
      removeWithSidecars(tmp);
      throw err;
    }
    const info = publishCopy(tmp, target, kind, createdAt);
    pruneBackups(db.path, createdAt, {
      protect: [info.fileName, ...(options.protect ?? [])],
      retention: options.retention,
    });
    return info;
  });
}

/**
 * The same as takeBackup, but synchronous, with `VACUUM INTO`: for closing, when nothing else runs and
 * the caller cannot wait. It holds the event loop for the whole copy.
 */
export function takeBackupSync(db: TilsynDatabase, kind: BackupKind, options: TakeBackupOptions = {}): BackupInfo {
  const createdAt = options.now?.() ?? new Date();
  const { path: target } = newBackupPath(db.path, createdAt, kind);
  const tmp = `${target}.tmp`;
  try {
    db.sqlite.prepare('VACUUM INTO ?').run(tmp);
  } catch (err) {
    removeWithSidecars(tmp);
    throw err;
  }
  const info = publishCopy(tmp, target, kind, createdAt);
  pruneBackups(db.path, createdAt, {
    protect: [info.fileName, ...(options.protect ?? [])],
    retention: options.retention,
  });
  return info;
}

/**
 * Deletes the copies the retention rules let go (see shared/domain/backup-retention.ts); `protect` names copies
 * that stay whatever the rules say (the one just made). The copies a staged restore names are never deleted.
 * Returns what was deleted.
 */
export function pruneBackups(
  dbPath: string,
  now: Date,
  options: { protect?: string[]; retention?: RetentionOptions } = {},
): BackupInfo[] {
  const located = locateAll(dbPath);
  const byInfo = new Map(located.map((l) => [l.info, l.path]));
  const marker = readMarker(dbPath);
  const protect = [...(options.protect ?? []), marker?.fileName, marker?.safetyCopy];
  const deleted: BackupInfo[] = [];
  for (const info of planRetention([...byInfo.keys()], now, options.retention).delete) {
    const path = byInfo.get(info);
    if (!path || protect.includes(info.fileName)) continue;
    removeWithSidecars(path);
    deleted.push(info);
  }
  return deleted;
}

/** Half-written copies left by a crash or a kill (a finished copy never ends in .tmp). */
function removeStaleTemporaryFiles(dbPath: string, now: Date): void {
  const folder = backupFolder(dbPath);
  for (const fileName of filesIn(folder)) {
    if (!/\.tmp(-journal|-wal|-shm)?$/.test(fileName)) continue;
    try {
      const file = join(folder, fileName);
      if (now.getTime() - statSync(file).mtimeMs > 60 * 60 * 1000) rmSync(file, { force: true });
    } catch {
      // Gone already.
    }
  }
}

// ---------- the automatic schedule ----------

export interface BackupSchedulerOptions {
  /** How often to look for changes; default 15 minutes. */
  intervalMs?: number;
  /** A copy right away (default true). */
  backupAtStart?: boolean;
  /** Where failed automatic copies are reported; default console.error. */
  onError?: (err: unknown) => void;
  now?: () => Date;
  pagesPerStep?: number;
  retention?: RetentionOptions;
}

export interface BackupScheduler {
  /** What the timer does: a copy if the database changed since the last one. */
  tick(): Promise<BackupInfo | undefined>;
  /** Stops the timer, waits for a running copy, and takes a last one if anything changed since. */
  stop(): Promise<void>;
  readonly stopped: boolean;
  /** The newest copy this scheduler took. */
  readonly last: BackupInfo | undefined;
}

const schedulers = new WeakMap<Database.Database, BackupScheduler>();

/**
 * Automatic copies ('auto'): one at start, then at most every `intervalMs` but only when something was written
 * (`total_changes()` of the connection moved), and a last one when the database is closed. The timer is unref'd,
 * so it never keeps the process alive. `db.close()` is wrapped: it stops the timer and, if anything changed since
 * the last copy, takes that last copy synchronously before closing. One scheduler per database.
 */
export function startBackupScheduler(db: TilsynDatabase, options: BackupSchedulerOptions = {}): BackupScheduler {
  const existing = schedulers.get(db.sqlite);
  if (existing && !existing.stopped) return existing;

  const onError = options.onError ?? ((err: unknown) => console.error('Automatisk sikkerhedskopi mislykkedes:', err));
  const now = options.now ?? (() => new Date());
  const takeOptions: TakeBackupOptions = { now, pagesPerStep: options.pagesPerStep, retention: options.retention };
  const totalChanges = db.sqlite.prepare('SELECT total_changes()').pluck();
  const changes = () => totalChanges.get() as number;

  /** total_changes() when the newest copy was started: later writes make the next tick copy again. */
  let copiedAt: number | undefined;
  let running: Promise<BackupInfo | undefined> | undefined;
  let stopped = false;
  let last: BackupInfo | undefined;
  const baseline = changes();

  const run = () => {
    const before = changes();
    running = takeBackup(db, 'auto', takeOptions)
      .then(
        (info) => {
          copiedAt = before;
          last = info;
          return info;
        },
        (err: unknown) => {
          // A copy cut short by closing the database is not an error.
          if (db.sqlite.open) onError(err);
          return undefined;
        },
      )
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  const changedSinceCopy = () => changes() !== (copiedAt ?? baseline);

  const timer = setInterval(() => void scheduler.tick(), options.intervalMs ?? DEFAULT_BACKUP_INTERVAL_MS);
  timer.unref();

  const halt = () => {
    stopped = true;
    clearInterval(timer);
  };

  const scheduler: BackupScheduler = {
    get stopped() {
      return stopped;
    },
    get last() {
      return last;
    },
    async tick() {
      if (stopped) return undefined;
      if (!db.sqlite.open) {
        halt();
        return undefined;
      }
      if (running || (copiedAt !== undefined && !changedSinceCopy())) return undefined;
      return run();
    },
    async stop() {
      if (stopped) return;
      halt();
      await running;
      if (db.sqlite.open && changedSinceCopy()) {
        const before = changes();
        try {
          last = await takeBackup(db, 'auto', takeOptions);
          copiedAt = before;
        } catch (err) {
          if (db.sqlite.open) onError(err);
        }
      }
    },
  };

  const close = db.close;
  db.close = () => {
    if (!stopped) {
      halt();
      if (db.sqlite.open && changedSinceCopy()) {
        try {
          last = takeBackupSync(db, 'auto', takeOptions);
        } catch (err) {
          onError(err);
        }
      }
    }
    close.call(db);
  };

  schedulers.set(db.sqlite, scheduler);
  removeStaleTemporaryFiles(db.path, now());
  if (options.backupAtStart ?? true) void run();
  else copiedAt = baseline;
  return scheduler;
}

// ---------- restoring ----------

interface RestoreMarker {
  fileName: string;
  /** The copy of the current database taken when the restore was asked for. */
  safetyCopy?: string;
  stagedAt: string;
}

/** Checks that a copy can be restored (one of this database's, intact, ours, not too new); returns it. */
export function checkRestorable(dbPath: string, fileName: string): Located {
  const found = findBackup(dbPath, fileName);
  if (!found) {
    throw new BackupError('NOT_FOUND', 'Sikkerhedskopien findes ikke (den kan være slettet). Vælg en anden kopi.');
  }
  const check = verifyBackupFile(found.path, { full: true });
  if (!check.ok) {
    throw new BackupError(
      'INVALID',
      `Sikkerhedskopien fra ${formatDanishDateTime(found.info.createdAt)} kan ikke gendannes: ${check.reason}. ` +
        'Intet er ændret. Vælg en anden kopi.',
    );
  }
  return found;
}

function readMarker(dbPath: string): Partial<RestoreMarker> | undefined {
  try {
    const marker = JSON.parse(readFileSync(restoreMarkerPath(dbPath), 'utf8')) as unknown;
    return marker && typeof marker === 'object' ? (marker as Partial<RestoreMarker>) : {};
  } catch {
    return undefined;
  }
}

function writeMarker(dbPath: string, marker: RestoreMarker): string {
  const path = restoreMarkerPath(dbPath);
  const tmp = `${path}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(marker, null, 2)}\n`);
  fsyncPath(tmp);
  renameSync(tmp, path);
  fsyncPath(dirname(path));
  return path;
}

export interface StagedRestore {
  backup: BackupInfo;
  markerPath: string;
  /** Danish, for the user. */
  message: string;
}

/**
 * Asks the next openDatabase to restore a backup copy. Works without opening the database (also when it is
 * damaged): the current file is set aside when the copy is put in place, nothing is deleted.
 * Throws a BackupError (NOT_FOUND, INVALID) with a Danish message; then nothing is changed.
 */
export function stageRestore(
  dbPath: string,
  backupFileName: string,
  options: { safetyCopy?: string; now?: Date } = {},
): StagedRestore {
  return stage(dbPath, checkRestorable(dbPath, backupFileName).info, options);
}

function stage(dbPath: string, info: BackupInfo, options: { safetyCopy?: string; now?: Date }): StagedRestore {
  const markerPath = writeMarker(dbPath, {
    fileName: info.fileName,
    safetyCopy: options.safetyCopy,
    stagedAt: (options.now ?? new Date()).toISOString(),
  });
  const when = formatDanishDateTime(info.createdAt);
  const message = options.safetyCopy
    ? `Sikkerhedskopien fra ${when} gendannes, når Tilsyn startes igen. Den nuværende database er gemt som sikkerhedskopi først.`
    : `Sikkerhedskopien fra ${when} gendannes, når Tilsyn startes igen. Den nuværende databasefil gemmes ved siden af først.`;
  return { backup: info, markerPath, message };
}

/**
 * "Gendan" from the running app: checks the copy, copies the current database aside as 'foer-gendannelse'
 * (online backup API), and stages the restore for the next start.
 */
export async function requestRestore(
  db: TilsynDatabase,
  backupFileName: string,
  options: TakeBackupOptions = {},
): Promise<RestoreResult> {
  const { info } = checkRestorable(db.path, backupFileName);
  // The chosen copy is protected: the pruning after the new copy must not let it go.
  const safety = await takeBackup(db, 'foer-gendannelse', { ...options, protect: [info.fileName] });
  if (!findBackup(db.path, info.fileName)) {
    throw new BackupError('NOT_FOUND', 'Sikkerhedskopien findes ikke (den kan være slettet). Vælg en anden kopi.');
  }
  const staged = stage(db.path, info, { safetyCopy: safety.fileName, now: options.now?.() });
  return { restartRequired: true, message: staged.message };
}

export interface AppliedRestore {
  restored: BackupInfo;
  /** Where the database that was replaced went: a 'foer-gendannelse' copy, or a file beside it if it failed checks. */
  previous?: { backup: BackupInfo } | { path: string };
}

/** Equal files apart from the 100-byte header (change counter, journal mode): the same pages. */
function samePages(a: string, b: string): boolean {
  if (statSync(a).size !== statSync(b).size) return false;
  const fa = openSync(a, 'r');
  const fb = openSync(b, 'r');
  try {
    const size = 1 << 20;
    const ba = Buffer.alloc(size);
    const bb = Buffer.alloc(size);
    for (let position = 0; ; position += size) {
      const na = readSync(fa, ba, 0, size, position);
      const nb = readSync(fb, bb, 0, size, position);
      if (na !== nb) return false;
      if (na === 0) return true;
      const from = position === 0 ? 100 : 0;
      if (from < na && ba.compare(bb, from, na, from, na) !== 0) return false;
    }
  } finally {
    closeSync(fa);
    closeSync(fb);
  }
}

function moveWithSidecars(from: string, to: string): void {
  renameSync(from, to);
  for (const suffix of ['-wal', '-journal']) {
    if (existsSync(`${from}${suffix}`)) renameSync(`${from}${suffix}`, `${to}${suffix}`);
  }
  rmSync(`${from}-shm`, { force: true });
}

/** Moves the current database out of the way, keeping it: a verified copy in the folder, or a file beside it. */
function setCurrentAside(path: string, now: Date, safetyCopy: Located | undefined): AppliedRestore['previous'] {
  // Read-only first (through its -wal): a damaged or foreign file is set aside exactly as it is, with its log files.
  if (verifyBackupFile(path).ok) {
    try {
      // Folds the write-ahead log into the file, so the copy is one self-contained file like every other copy.
      const rw = new Database(path, { fileMustExist: true });
      try {
        rw.pragma('journal_mode = DELETE');
      } finally {
        rw.close();
      }
    } catch {
      // Then it keeps its -wal beside it (moved along below).
    }
    if (safetyCopy && samePages(path, safetyCopy.path)) {
      // Unchanged since the copy taken when the restore was asked for: that copy is the current database.
      removeWithSidecars(path);
      return { backup: safetyCopy.info };
    }
    const { fileName, path: target } = newBackupPath(path, now, 'foer-gendannelse');
    moveWithSidecars(path, target);
    return {
      backup: { fileName, createdAt: now.toISOString(), sizeBytes: statSync(target).size, kind: 'foer-gendannelse' },
    };
  }
  const target = `${path}.sat-til-side-${stampOf(now)}`;
  moveWithSidecars(path, target);
  return { path: target };
}

/**
 * Called by openDatabase before it opens the file: if a restore was staged and the copy is still valid, the
 * current file (and its -wal) is set aside and the copy put in its place; then the marker is deleted.
 * If the copy is no longer valid, nothing is changed, the marker is renamed to `.afvist`, and a BackupError
 * (INVALID) explains it in Danish. Returns undefined when no restore was staged.
 */
export function applyStagedRestore(dbPath: string, now: Date = new Date()): AppliedRestore | undefined {
  const path = resolve(dbPath);
  const markerPath = restoreMarkerPath(path);
  if (!existsSync(markerPath)) return undefined;

  const refuse = (why: string): never => {
    try {
      renameSync(markerPath, `${markerPath}.afvist`);
    } catch {
      // Then it is refused again next time, with the same message.
    }
    throw new BackupError(
      'INVALID',
      `Den bestilte gendannelse af en sikkerhedskopi blev ikke udført: ${why}. Databasen ${path} er ikke ændret. ` +
        'Start Tilsyn igen for at arbejde videre i den, eller vælg en anden sikkerhedskopi.',
    );
  };

  const marker = readMarker(path);
  if (!marker) return refuse(`filen ${markerPath} kan ikke læses`);
  const found = typeof marker.fileName === 'string' ? findBackup(path, marker.fileName) : undefined;
  if (!found) return refuse('sikkerhedskopien findes ikke længere');
  const check = verifyBackupFile(found.path, { full: true });
  if (!check.ok) {
    return refuse(
      `sikkerhedskopien fra ${formatDanishDateTime(found.info.createdAt)} kan ikke bruges: ${check.reason}`,
    );
  }
  const safetyCopy = typeof marker.safetyCopy === 'string' ? findBackup(path, marker.safetyCopy) : undefined;

  const previous = existsSync(path) && statSync(path).size > 0 ? setCurrentAside(path, now, safetyCopy) : undefined;
  // Log files left without their database would be replayed into the restored one.
  for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
  const tmp = `${path}.gendan-tmp`;
  copyFileSync(found.path, tmp);
  fsyncPath(tmp);
  renameSync(tmp, path);
  fsyncPath(dirname(path));
  rmSync(markerPath, { force: true });
  return { restored: found.info, previous };
}
