import { nanoid } from 'nanoid';
import type { Broadcast } from '../../model/broadcast.js';
import type { BroadcastRepository } from '../../ports/broadcast-store.js';
import type { DeliveryRepository } from '../../ports/outbox-store.js';
import { audienceMatcher } from './memory-audience.js';
import { enqueueRow, nextDeliveryId, unpark } from './memory-deliveries.js';
import { key, type MemoryTables } from './memory-tables.js';

const copy = (b: Broadcast): Broadcast => structuredClone(b);

export function memoryBroadcasts(t: MemoryTables, deliveries: DeliveryRepository): BroadcastRepository {
  const o = t.outbox;
  const mine = (workspaceId: string, id: string) => {
    const row = o.broadcasts.get(id);
    return row && row.workspaceId === workspaceId ? row : null;
  };
  const set = (row: Broadcast) => {
    o.broadcasts.set(row.id, row);
    return copy(row);
  };

  return {
    async create(broadcast) {
      return set({ ...structuredClone(broadcast), id: nanoid() });
    },
    async get(workspaceId, id) {
      const row = mine(workspaceId, id);
      return row ? copy(row) : null;
    },
    async update(workspaceId, id, patch, at) {
      const row = mine(workspaceId, id);
      return row ? set({ ...row, ...structuredClone(patch), updatedAt: at }) : null;
    },
    async transition(workspaceId, id, from, to, at) {
      const row = mine(workspaceId, id);
      if (!row || !from.includes(row.status)) return null;
      const next = set({ ...row, status: to, updatedAt: at });
      if (row.status === 'paused') unpark(o, key('b', workspaceId, id));
      return next;
    },
    async list(workspaceId, query) {
      const rows = [...o.broadcasts.values()]
        .filter((b) => b.workspaceId === workspaceId && (!query.status || b.status === query.status))
        .sort((a, b) => b.createdAt - a.createdAt);
      const start = query.cursor ? rows.findIndex((b) => b.id === query.cursor) + 1 : 0;
      const items = rows.slice(start, start + query.limit).map(copy);
      return { items, nextCursor: start + query.limit < rows.length ? (items.at(-1)?.id ?? null) : null };
    },
    async claimFanOut(workspaceId, now, leaseMs) {
      const claimed: Broadcast[] = [];
      for (const row of o.broadcasts.values()) {
        if (row.workspaceId !== workspaceId) continue;
        const due = row.status === 'scheduled' && row.scheduledAt !== null && row.scheduledAt <= now;
        const unfinished =
          row.status === 'sending' && !row.fanout.done && (row.fanout.leaseUntil ?? 0) <= now;
        if (!due && !unfinished) continue;
        const next: Broadcast = {
          ...row,
          status: 'sending',
          startedAt: row.startedAt ?? now,
          updatedAt: now,
          fanout: { ...row.fanout, leaseUntil: now + leaseMs },
        };
        claimed.push(set(next));
      }
      return claimed;
    },
    async fanOut(workspaceId, broadcastId, options) {
      const row = mine(workspaceId, broadcastId);
      if (row?.status !== 'sending') return null;
      if (row.fanout.done) return { inserted: 0, nextCursor: null };
      const matches = audienceMatcher(t, workspaceId, row.audience, row.startedAt ?? options.now);
      let position = row.fanout.cursor ? Number(row.fanout.cursor) : 0;
      const end = Math.min(t.contactOrder.length, position + options.limit);
      let inserted = 0;
      for (; position < end; position++) {
        const contact = t.contacts.get(t.contactOrder[position]!);
        if (!contact || contact.workspaceId !== workspaceId) continue;
        if (
          contact.state !== 'confirmed' ||
          contact.blockedAt !== null ||
          contact.createdAt > (row.startedAt ?? options.now)
        )
          continue;
        if (!matches(contact)) continue;

        // Built as the outbox keeps it: one object per recipient, not a request and then its row.
        enqueueRow(o, {
          id: nextDeliveryId(o),
          workspaceId,
          broadcastId,
          messageId: null,
          contactId: contact.id,
          transport: contact.transport,
          senderId: contact.senderId,
          address: contact.address,
          lane: 'bulk',
          purpose: 'broadcast',
          inReplyTo: null,
          attempts: 0,
          notBefore: options.now + (row.spreadMs > 0 ? Math.floor(Math.random() * row.spreadMs) : 0),
          slotAt: null,
          useTemplate: false,
          leaseOwner: null,
          leaseUntil: null,
          lastError: null,
          createdAt: options.now,
        });
        inserted++;
      }
      const nextCursor = position < t.contactOrder.length ? String(position) : null;
      set({
        ...row,
        updatedAt: options.now,
        fanout: {
          cursor: nextCursor,
          done: nextCursor === null,
          total: row.fanout.total + inserted,
          leaseUntil: nextCursor === null ? null : options.now + options.leaseMs,
        },
      });
      return { inserted, nextCursor };
    },
    async nextFanOutAt(workspaceId) {
      let next: number | null = null;
      for (const row of o.broadcasts.values()) {
        if (row.workspaceId !== workspaceId) continue;
        let at: number | null = null;
        if (row.status === 'scheduled') at = row.scheduledAt;
        if (row.status === 'sending' && !row.fanout.done) at = row.fanout.leaseUntil ?? 0;
        if (at !== null && (next === null || at < next)) next = at;
      }
      return next;
    },
    async completeIfDone(workspaceId, broadcastId, at) {
      const row = mine(workspaceId, broadcastId);
      if (row?.status !== 'sending' || !row.fanout.done) return false;
      if ((await deliveries.countQueued(workspaceId, broadcastId)) > 0) return false;
      set({ ...row, status: 'completed', completedAt: at, updatedAt: at });
      return true;
    },
    async audience(workspaceId, audience, query) {
      const matches = audienceMatcher(t, workspaceId, audience);
      const items = [];
      let position = query.cursor ? Number(query.cursor) : 0;
      for (; position < t.contactOrder.length && items.length < query.limit; position++) {
        const contact = t.contacts.get(t.contactOrder[position]!);
        if (contact && contact.workspaceId === workspaceId && matches(contact)) items.push({ ...contact });
      }
      return { items, nextCursor: position < t.contactOrder.length ? String(position) : null };
    },
  };
}
