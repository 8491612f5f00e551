// The hooks that make every write of a connection pass the file guard (./file-guard.ts) first, and tell it after.
import type Database from 'better-sqlite3';
import type { IdentityCheck } from './file-guard';

/**
 * Makes every write through `sqlite` call `guard.check()` first: each writing statement outside a transaction, and
 * each transaction before it begins (one stat per transaction, so a bulk import pays once), and
 * `guard.written()` after it. Reads are left alone, so the leader can still see her work and list the copies.
 */
export function guardWrites(sqlite: Database.Database, guard: Pick<IdentityCheck, 'check' | 'written'>): void {
  let depth = 0;
  let checkedInTransaction = false;
  const beforeWrite = () => {
    if (depth > 0 && checkedInTransaction) return;
    guard.check();
    if (depth > 0) checkedInTransaction = true;
  };
  const afterWrite = () => {
    if (depth === 0) guard.written();
  };

  const prepare = sqlite.prepare.bind(sqlite) as (...args: unknown[]) => Database.Statement;
  sqlite.prepare = ((...args: unknown[]) => {
    const statement = prepare(...args);
    if (statement.readonly) return statement;
    for (const name of ['run', 'get', 'all', 'iterate'] as const) {
      // Called with apply, not bound: a bound function and a spread cost a microsecond a row of a bulk import.
      const original = statement[name] as (...a: unknown[]) => unknown;
      Object.defineProperty(statement, name, {
        value: (...a: unknown[]) => {
          // Inside a transaction that was checked: nothing to do before or after (a bulk import's rows).
          if (depth > 0 && checkedInTransaction) return original.apply(statement, a);
          beforeWrite();
          try {
            return original.apply(statement, a);
          } finally {
            afterWrite();
          }
        },
      });
    }
    return statement;
  }) as typeof sqlite.prepare;

  // better-sqlite3 runs a pragma through its native prepare, past the one above: a checkpoint, and any pragma
  // that sets something (journal_mode = DELETE rewrites the header), writes the file.
  const pragma = sqlite.pragma.bind(sqlite);
  sqlite.pragma = ((source: string, options?: Database.PragmaOptions) => {
    const writes = /=|^\s*(wal_checkpoint|incremental_vacuum|optimize)/i.test(source);
    if (writes) beforeWrite();
    try {
      return pragma(source, options);
    } finally {
      if (writes) afterWrite();
    }
  }) as typeof sqlite.pragma;

  const exec = sqlite.exec.bind(sqlite);
  sqlite.exec = (source: string) => {
    beforeWrite();
    try {
      return exec(source);
    } finally {
      afterWrite();
    }
  };

  const transaction = sqlite.transaction.bind(sqlite);
  sqlite.transaction = ((fn: (...a: unknown[]) => unknown) => {
    const wrapped = transaction(function (this: unknown, ...a: unknown[]) {
      // Checked just before BEGIN (below): a changed file is handled outside the transaction, where the rescue
      // copy and the checkpoint can run.
      if (depth === 0) checkedInTransaction = true;
      depth++;
      try {
        return fn.apply(this, a);
      } finally {
        depth--;
      }
    });
    // The commit (and any checkpoint it makes) happens when the outermost call returns.
    const outer = (...a: unknown[]) => {
      if (depth === 0) guard.check();
      try {
        return wrapped(...a);
      } finally {
        afterWrite();
      }
    };
    return outer;
  }) as unknown as typeof sqlite.transaction;
}
