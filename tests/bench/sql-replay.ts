// The baseline "the same SQL done plainly" (issue #18): the statements an API call ran, recorded once with their
// parameters, then run again through plain better-sqlite3 with nothing around them (no mapping, no computing).
import Database from 'better-sqlite3';

interface Call {
  source: string;
  method: 'run' | 'get' | 'all' | 'iterate';
  args: unknown[];
}

const METHODS = ['run', 'get', 'all', 'iterate'] as const;

/** Runs `fn` and returns every statement it ran on any connection, in order, with its parameters. */
export async function recordSql(fn: () => Promise<unknown>): Promise<Call[]> {
  const probe = new Database(':memory:');
  const proto = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<string, unknown>;
  probe.close();
  const originals = METHODS.map((m) => [m, proto[m]] as const);
  const calls: Call[] = [];
  for (const [method, original] of originals) {
    proto[method] = function (this: { source: string }, ...args: unknown[]) {
      calls.push({ source: this.source, method, args });
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    };
  }
  try {
    await fn();
  } finally {
    for (const [method, original] of originals) proto[method] = original;
  }
  return calls;
}

/** The recorded statements, prepared once on `sqlite`, as one function that runs them all and reads every row. */
export function replayOf(sqlite: Database.Database, calls: readonly Call[]): () => void {
  const prepared = calls.map((c) => ({ statement: sqlite.prepare(c.source), ...c }));
  return () => {
    for (const { statement, method, args } of prepared) {
      if (method === 'iterate') for (const _ of statement.iterate(...args));
      else statement[method](...args);
    }
  };
}
