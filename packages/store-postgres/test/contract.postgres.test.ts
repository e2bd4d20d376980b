import { storeContract } from '@tidings/core/testing';
import { postgresStore } from '../src/index.js';
import { postgresBackdoor } from './backdoor.js';
import { databaseUrl, freshSchema } from './database.js';

storeContract('postgres', async () => {
  const { schema, drop } = await freshSchema();
  const store = postgresStore({ connectionString: databaseUrl, schema });
  return { store, backdoor: postgresBackdoor(store.db), cleanup: drop };
});
