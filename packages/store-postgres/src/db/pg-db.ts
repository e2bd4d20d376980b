import type pg from 'pg';
import type { Db, Queryable, QueryResult } from './queryable.js';

const wrap = (client: pg.Pool | pg.PoolClient): Queryable => ({
  async query<R>(text: string, params?: readonly unknown[]): Promise<QueryResult<R>> {
    const result = await client.query(text, params as unknown[] | undefined);
    return { rows: result.rows as R[], rowCount: result.rowCount ?? 0 };
  },
  async exec(sql: string) {
    await client.query(sql);
  },
});

/** A node-postgres pool as a `Db`; `ownsPool` says whether closing the store ends the pool. */
export function pgDb(pool: pg.Pool, ownsPool: boolean): Db {
  const direct = wrap(pool);
  return {
    query: direct.query,
    exec: direct.exec,
    async tx(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      if (ownsPool) await pool.end();
    },
  };
}
