import { PGlite } from '@electric-sql/pglite';
import { storeContract } from '@tidings/core/testing';
import { postgresStore } from '../src/index.js';
import { postgresBackdoor } from './backdoor.js';

storeContract('pglite', async () => {
  const pglite = new PGlite();
  const store = postgresStore({ pglite });
  return { store, backdoor: postgresBackdoor(store.db), cleanup: () => pglite.close() };
});
