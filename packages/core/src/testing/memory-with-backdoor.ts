import type { Store } from '../ports/store.js';
import { memoryBackdoor } from '../store/memory/memory-backdoor.js';
import { storeOverTables } from '../store/memory/memory-store.js';
import { createTables } from '../store/memory/memory-tables.js';
import type { StoreBackdoor } from './store-backdoor.js';

/** A memory store together with direct reads of its rows, for tests that check what was really stored. */
export function memoryStoreWithBackdoor(): { store: Store; backdoor: StoreBackdoor } {
  const tables = createTables();
  return { store: storeOverTables(tables), backdoor: memoryBackdoor(tables) };
}
