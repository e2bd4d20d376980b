import type { Db, Queryable } from './queryable.js';

/** A `Db` that is opened on first use (PGlite from a folder loads asynchronously). */
export function lazyDb(open: () => Promise<Db>): Db {
  let opened: Promise<Db> | null = null;
  const db = () => {
    opened ??= open();
    return opened;
  };
  const query: Queryable['query'] = async (text, params) => (await db()).query(text, params);
  return {
    query,
    exec: async (sql) => (await db()).exec(sql),
    tx: async (fn) => (await db()).tx(fn),
    async close() {
      if (opened) await (await opened).close();
    },
  };
}
