import type Database from 'better-sqlite3';

/** Statements kept prepared, by their SQL; the stores prepare where they use them, so a save reuses them. */
const LIMIT = 500;

/**
 * Makes `sqlite.prepare` return the statement already prepared for the same SQL (SQLite compiles a statement once,
 * not at every save). A statement's result modes (pluck, expand, raw) are set by each caller, so a reused reader
 * is given back with them off, as a fresh one would be.
 */
export function cacheStatements(sqlite: Database.Database): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    const cached = cache.get(source);
    if (cached) {
      if (cached.reader) cached.pluck(false).expand(false).raw(false);
      return cached;
    }
    const statement = prepare(source);
    if (cache.size >= LIMIT) cache.delete(cache.keys().next().value ?? '');
    cache.set(source, statement);
    return statement;
  }) as typeof sqlite.prepare;
}
