import type { SubscriptionRepository } from '../../ports/store.js';
import { key, type MemoryTables } from './memory-tables.js';

export function memorySubscriptions(t: MemoryTables): SubscriptionRepository {
  return {
    async add(workspaceId, contactId, channelIds, at) {
      const k = key(workspaceId, contactId);
      let subs = t.subscriptions.get(k);
      if (!subs) {
        subs = new Map();
        t.subscriptions.set(k, subs);
      }
      const added: string[] = [];
      for (const channelId of new Set(channelIds)) {
        if (subs.has(channelId) || !t.channels.has(channelId)) continue;
        subs.set(channelId, { workspaceId, contactId, channelId, createdAt: at });
        added.push(channelId);
      }
      return added;
    },
    async remove(workspaceId, contactId, channelIds) {
      const subs = t.subscriptions.get(key(workspaceId, contactId));
      if (!subs) return [];
      const removed: string[] = [];
      for (const channelId of channelIds ?? [...subs.keys()]) {
        if (subs.delete(channelId)) removed.push(channelId);
      }
      return removed;
    },
    async listByContact(workspaceId, contactId) {
      const subs = t.subscriptions.get(key(workspaceId, contactId));
      return subs ? [...subs.values()].map((s) => ({ ...s })) : [];
    },
    async listByContacts(workspaceId, contactIds) {
      const out = [];
      for (const contactId of new Set(contactIds)) {
        const subs = t.subscriptions.get(key(workspaceId, contactId));
        if (subs) for (const s of subs.values()) out.push({ ...s });
      }
      return out;
    },
  };
}
