import { nanoid } from 'nanoid';
import { dayIn } from '../../clock/day-in.js';
import type { ConsentDailyCount, ConsentRepository } from '../../ports/store.js';
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
    async dailyCounts(workspaceId, range) {
      const dayOf = dayIn(range.timeZone);
      const counts = new Map<string, ConsentDailyCount>();
      const add = (day: string, action: ConsentDailyCount['action'], channel: string | null) => {
        const k = `${day}\u0000${action}\u0000${channel ?? ''}`;
        const row = counts.get(k);
        if (row) row.count++;
        else counts.set(k, { day, action, channel, count: 1 });
      };
      for (const e of t.ledger) {
        if (e.workspaceId !== workspaceId || e.at < range.from || e.at >= range.to) continue;
        const day = dayOf(e.at);
        add(day, e.action, null);
        for (const channel of new Set(e.channels)) add(day, e.action, channel);
      }
      return [...counts.values()];
    },
  };
}
