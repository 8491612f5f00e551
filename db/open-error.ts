import type { BackupInfo } from '../shared/domain/backup';

export type DatabaseOpenErrorCode =
  | 'SCHEMA_TOO_NEW'
  | 'NOT_A_DATABASE'
  | 'NOT_TILSYN'
  | 'CANNOT_OPEN'
  /** The file is Tilsyn's but fails `PRAGMA quick_check`, is cut short, or is empty with copies beside it. */
  | 'DAMAGED'
  /** A staged restore (db/backup/) could not be done; nothing was changed. */
  | 'RESTORE_FAILED'
  /** Another running copy of Tilsyn has the file open (db/lock.ts). */
  | 'LOCKED'
  /** The file, its folder or the whole drive can only be read. */
  | 'READ_ONLY'
  /** A folder, device, named pipe or socket: never opened. */
  | 'NOT_A_FILE'
  /** The file is gone, but copies with work in them lie beside it: not made a new, empty database. */
  | 'MISSING'
  /** An existing file of 0 bytes without backup copies: not made a database behind the leader's back. */
  | 'EMPTY'
  /** The last run ended without closing and the file's -wal is gone: acknowledged work may be missing. */
  | 'WAL_MISSING'
  /** The last run ended without closing and another file has taken the path since: its -wal was set aside. */
  | 'WAL_NOT_THIS_FILE';

/** Why a database file could not be opened; the message is Danish and meant for the user. */
export class DatabaseOpenError extends Error {
  readonly code: DatabaseOpenErrorCode;
  /** For DAMAGED (and NOT_A_DATABASE, WAL_MISSING): the newest backup copy that passes a check, if there is one. */
  readonly newestGoodBackup?: BackupInfo;
  constructor(code: DatabaseOpenErrorCode, message: string, newestGoodBackup?: BackupInfo) {
    super(message);
    this.name = 'DatabaseOpenError';
    this.code = code;
    this.newestGoodBackup = newestGoodBackup;
  }
}

/** A write refused because the file takes no more changes this run (a restore waits for the next start). */
export class WritesHeldError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WritesHeldError';
  }
}
