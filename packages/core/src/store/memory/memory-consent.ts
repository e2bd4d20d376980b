import { nanoid } from 'nanoid';
import type { ConsentRepository } from '../../ports/store.js';
import { copyEntry } from './copy.js';
import type { MemoryTables } from './memory-tables.js';

export function memoryConsent(t: MemoryTables): ConsentRepository {
  return {
    async append(entry) {
      const row = copyEntry({ ...entry, id: nanoid() });
      t.ledger.push(row);
      return copyEntry(row);
    },
    async listByContact(workspaceId, contactId) {
      return t.ledger
        .filter((e) => e.workspaceId === workspaceId && e.contactId === contactId)
        .map(copyEntry);
    },
  };
}
