// Backup copies of the database file ("sikkerhedskopier", issue #7 "Nothing lost"):
// - taken with SQLite's online backup API while the app keeps working, each verified before older ones are pruned
//   (./take, on a schedule by ./scheduler);
// - kept beside the database in `<dir>/<name>-sikkerhedskopier/`, one self-contained file per copy, named so that
//   the names sort by time and carry the reason: `tilsyn-2026-11-25T21-40-05-123Z-auto.db` (./files, ./verify);
// - restored by staging: a marker file names the copy, and the next openDatabase puts it in place (the current
//   file is set aside first), so a file is never replaced under an open connection (./restore, ./apply-restore).
export { type AppliedRestore, applyStagedRestore } from './apply-restore';
export {
  BackupError,
  type BackupErrorCode,
  backupFileName,
  backupFolder,
  findBackup,
  type Located,
  listBackups,
  parseBackupFileName,
  restoreMarkerPath,
} from './files';
export { takeRescueCopy } from './publish';
export { checkRestorable, requestRestore, type StagedRestore, stageRestore } from './restore';
export {
  type BackupScheduler,
  type BackupSchedulerOptions,
  DEFAULT_BACKUP_INTERVAL_MS,
  startBackupScheduler,
} from './scheduler';
export { DEFAULT_PAGES_PER_STEP, pruneBackups, type TakeBackupOptions, takeBackup, takeBackupSync } from './take';
export { type BackupCheck, goodCopyAdvice, newestGoodBackup, verifyBackupFile } from './verify';
