import { afterAll, beforeAll } from 'vitest';
import { type PostgresStore, postgresStore } from '../src/index.js';
import { databaseUrl, freshSchema } from './database.js';

/**
 * A store on a schema of its own for the enclosing `describe`, made before its tests and dropped after them.
 * Call it in the `describe` body; the function it returns gives the store inside the tests.
 */
export function storeOnFreshSchema(): () => PostgresStore {
  let store: PostgresStore | undefined;
  let drop: () => Promise<void> = async () => {};
  beforeAll(async () => {
    const fresh = await freshSchema();
    drop = fresh.drop;
    store = postgresStore({ connectionString: databaseUrl, schema: fresh.schema });
    await store.init();
  });
  afterAll(async () => {
    await store?.close();
    await drop();
  });
  return () => {
    if (!store) throw new Error('the store is made in beforeAll: use it inside a test');
    return store;
  };
}
