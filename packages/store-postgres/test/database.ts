import { nanoid } from 'nanoid';
import pg from 'pg';

/** The server the tests run against; CI's is on 127.0.0.1:5432, database `test`. */
export const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * A fresh schema for one test run, and a function that drops it. Fails (never skips) when the server is not
 * reachable: a store test that silently does not run proves nothing.
 */
export async function freshSchema(url = databaseUrl): Promise<{ schema: string; drop: () => Promise<void> }> {
  const schema = `tidings_test_${nanoid(8)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '_')}`;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (cause) {
    throw new Error(
      `PostgreSQL is not reachable at ${url} (set DATABASE_URL, or start it: pg_ctlcluster 15 main start).`,
      { cause },
    );
  }
  await client.query(`CREATE SCHEMA ${schema}`);
  await client.end();
  return {
    schema,
    async drop() {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}
