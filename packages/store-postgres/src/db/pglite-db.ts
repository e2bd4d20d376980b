import type { Db, Queryable, QueryResult } from './queryable.js';

interface PGliteQueryable {
  query<R>(text: string, params?: unknown[]): Promise<{ rows: R[]; affectedRows?: number }>;
  exec(sql: string): Promise<unknown>;
}

/** The part of `PGlite` this store uses (structural, so the package does not need PGlite's types). */
export interface PGliteLike extends PGliteQueryable {
  transaction<T>(fn: (tx: PGliteQueryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  readonly closed?: boolean;
}

const wrap = (q: PGliteQueryable): Queryable => ({
  async query<R>(text: string, params?: readonly unknown[]): Promise<QueryResult<R>> {
    const result = await q.query<R>(text, params ? [...params] : []);
    return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
  },
  async exec(sql: string) {
    await q.exec(sql);
  },
});

/** An embedded PGlite database as a `Db`. PGlite runs one statement at a time; transactions queue. */
export function pgliteDb(pglite: PGliteLike, ownsDb: boolean): Db {
  const direct = wrap(pglite);
  return {
    query: direct.query,
    exec: direct.exec,
    tx: (fn) => pglite.transaction((tx) => fn(wrap(tx))),
    async close() {
      if (ownsDb && !pglite.closed) await pglite.close();
    },
  };
}
