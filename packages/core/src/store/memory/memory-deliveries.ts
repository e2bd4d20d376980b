import type { Delivery, DeliveryRetry, NewDelivery } from '../../model/delivery.js';
import type { Message } from '../../model/message.js';
import type { DeliveryFinish, DeliveryRepository } from '../../ports/outbox-store.js';
import { insertMessage } from './memory-messages.js';
import { type OutboxTables, queuesOf, type StoredDelivery, schedule } from './memory-outbox-tables.js';
import { key, type MemoryTables } from './memory-tables.js';

/** Spelled out rather than spread: every claim copies each delivery it hands out. */
const copy = (d: Delivery): Delivery => ({
  id: d.id,
  workspaceId: d.workspaceId,
  broadcastId: d.broadcastId,
  messageId: d.messageId,
  contactId: d.contactId,
  transport: d.transport,
  senderId: d.senderId,
  address: d.address,
  lane: d.lane,
  purpose: d.purpose,
  inReplyTo: d.inReplyTo,
  attempts: d.attempts,
  notBefore: d.notBefore,
  slotAt: d.slotAt,
  useTemplate: d.useTemplate,
  leaseOwner: d.leaseOwner,
  leaseUntil: d.leaseUntil,
  lastError: d.lastError,
  createdAt: d.createdAt,
});

/** Why a delivery must wait: its broadcast or its sender is paused. The key parks it until resumed. */
function holdOf(o: OutboxTables, d: Delivery): string | null | 'drop' {
  if (d.broadcastId) {
    const status = o.broadcasts.get(d.broadcastId)?.status;
    if (status === 'cancelled') return 'drop';
    if (status === 'paused') return key('b', d.workspaceId, d.broadcastId);
  }
  if (o.senderStates.size > 0 && o.senderStates.has(key(d.workspaceId, d.transport, d.senderId))) {
    return key('s', d.workspaceId, d.transport, d.senderId);
  }
  return null;
}

/** Puts parked deliveries back in the queue (a broadcast or sender resumed). */
export function unpark(o: OutboxTables, holdKey: string): void {
  const ids = o.parked.get(holdKey);
  if (!ids) return;
  o.parked.delete(holdKey);
  for (const id of ids) {
    const stored = o.deliveries.get(id);
    if (stored) schedule(o, stored);
  }
}

/** The last broadcast's counter key: a broadcast's deliveries come in long runs, and each key is a new string. */
let lastCounter = { workspaceId: '', broadcastId: '', key: '' };
function counterKey(workspaceId: string, broadcastId: string): string {
  if (lastCounter.broadcastId !== broadcastId || lastCounter.workspaceId !== workspaceId)
    lastCounter = { workspaceId, broadcastId, key: key(workspaceId, broadcastId) };
  return lastCounter.key;
}

function countDown(o: OutboxTables, d: Delivery) {
  if (!d.broadcastId) return;
  const k = counterKey(d.workspaceId, d.broadcastId);
  o.queuedByBroadcast.set(k, (o.queuedByBroadcast.get(k) ?? 1) - 1);
}

export const nextDeliveryId = (o: OutboxTables): string => `d${++o.deliveryCounter}`;

/** Adds a delivery to the outbox and its queue. Synchronous, so a fan-out of a million awaits nothing per row. */
export function enqueueDelivery(o: OutboxTables, delivery: NewDelivery): Delivery {
  // Spelled out rather than spread: this runs once per recipient of every broadcast.
  const row: Delivery = {
    id: nextDeliveryId(o),
    workspaceId: delivery.workspaceId,
    broadcastId: delivery.broadcastId,
    messageId: delivery.messageId,
    contactId: delivery.contactId,
    transport: delivery.transport,
    senderId: delivery.senderId,
    address: delivery.address,
    lane: delivery.lane,
    purpose: delivery.purpose,
    inReplyTo: delivery.inReplyTo,
    attempts: delivery.attempts,
    notBefore: delivery.notBefore,
    slotAt: delivery.slotAt,
    useTemplate: delivery.useTemplate,
    leaseOwner: null,
    leaseUntil: null,
    lastError: delivery.lastError,
    createdAt: delivery.createdAt,
  };
  return enqueueRow(o, row);
}

/** Adds a row built for the outbox (unleased, its id from `nextDeliveryId`); the caller keeps no reference to it. */
export function enqueueRow(o: OutboxTables, row: Delivery): Delivery {
  const stored = { row, version: 0 };
  o.deliveries.set(row.id, stored);
  if (row.broadcastId) {
    const k = counterKey(row.workspaceId, row.broadcastId);
    o.queuedByBroadcast.set(k, (o.queuedByBroadcast.get(k) ?? 0) + 1);
  }
  schedule(o, stored);
  return row;
}

export function memoryDeliveries(t: MemoryTables): DeliveryRepository {
  const o = t.outbox;

  const owned = (workspaceId: string, id: string, owner: string): StoredDelivery | null => {
    const stored = o.deliveries.get(id);
    return stored && stored.row.workspaceId === workspaceId && stored.row.leaseOwner === owner
      ? stored
      : null;
  };

  const remove = (stored: StoredDelivery) => {
    o.deliveries.delete(stored.row.id);
    countDown(o, stored.row);
  };

  const retryOne = (workspaceId: string, id: string, owner: string, retry: DeliveryRetry): boolean => {
    const stored = owned(workspaceId, id, owner);
    if (!stored) return false;
    const row = stored.row;
    row.notBefore = retry.notBefore;
    if (retry.attempts !== undefined) row.attempts = retry.attempts;
    if (retry.slotAt !== undefined) row.slotAt = retry.slotAt;
    if (retry.useTemplate !== undefined) row.useTemplate = retry.useTemplate;
    if (retry.lastError !== undefined) row.lastError = retry.lastError;
    if (retry.senderId !== undefined) row.senderId = retry.senderId;
    row.leaseOwner = null;
    row.leaseUntil = null;
    schedule(o, stored);
    return true;
  };

  const finishOne = (workspaceId: string, id: string, owner: string, outcome: DeliveryFinish): boolean => {
    const stored = owned(workspaceId, id, owner);
    if (!stored) return false;
    const d = stored.row;
    remove(stored);
    if (d.messageId) {
      const message = t.messages.get(d.messageId);
      if (message) {
        const next = {
          ...message,
          status: outcome.status,
          providerMessageId: outcome.providerMessageId,
          error: outcome.error,
        };
        t.messages.set(message.id, next);
        if (outcome.providerMessageId) {
          t.outboundByProviderId.set(key(workspaceId, d.transport, outcome.providerMessageId), message.id);
        }
      }
      return true;
    }
    // Built with its id in place, so the kept row has one shape (no property added after it was made).
    const row: Message = {
      id: `m${++t.messageCounter}`,
      workspaceId,
      contactId: d.contactId,
      transport: d.transport,
      senderId: d.senderId,
      direction: 'out',
      kind: 'message',
      purpose: d.purpose,
      // A broadcast's unpersonalised body is one object shared by all its messages.
      content: outcome.content ?? {},
      providerMessageId: outcome.providerMessageId,
      status: outcome.status,
      error: outcome.error,
      at: outcome.at,
      inReplyTo: d.inReplyTo,
      broadcastId: d.broadcastId,
    };
    insertMessage(t, row, row.id, true);
    return true;
  };

  return {
    async enqueue(delivery) {
      return copy(enqueueDelivery(o, delivery));
    },

    async claim(workspaceId, { owner, limit, now, leaseMs }) {
      const queues = queuesOf(o, workspaceId);
      // Leases that ran out (a crashed worker) make their deliveries claimable again.
      // Entries of deliveries that finished or moved on are dropped as they surface, so the lease queue holds
      // about what is in flight, not every delivery claimed since the lease time began.
      for (let top = queues.leased.peek(); top; top = queues.leased.peek()) {
        const stored = o.deliveries.get(top.id);
        const live = stored !== undefined && stored.version === top.version;
        if (live && top.at > now) break;
        queues.leased.pop();
        if (live) schedule(o, stored);
      }
      const claimed: Delivery[] = [];
      for (const heap of [queues.priority, queues.bulk]) {
        for (let top = heap.peek(); top && top.at <= now && claimed.length < limit; top = heap.peek()) {
          heap.pop();
          const stored = o.deliveries.get(top.id);
          if (!stored || stored.version !== top.version) continue;
          const hold = holdOf(o, stored.row);
          if (hold === 'drop') {
            remove(stored);
            continue;
          }
          if (hold) {
            const parked = o.parked.get(hold) ?? new Set<string>();
            parked.add(stored.row.id);
            o.parked.set(hold, parked);
            continue;
          }
          stored.row.leaseOwner = owner;
          stored.row.leaseUntil = now + leaseMs;
          stored.version++;
          queues.leased.push({
            id: stored.row.id,
            version: stored.version,
            at: stored.row.leaseUntil,
            seq: o.seq++,
          });
          claimed.push(copy(stored.row));
        }
      }
      return claimed;
    },

    async retry(workspaceId, id, owner, retry) {
      return retryOne(workspaceId, id, owner, retry);
    },

    async retryMany(workspaceId, owner, items) {
      return items.map((item) => retryOne(workspaceId, item.id, owner, item.retry));
    },

    async finish(workspaceId, id, owner, outcome) {
      return finishOne(workspaceId, id, owner, outcome);
    },

    async finishMany(workspaceId, owner, items) {
      return items.map((item) => finishOne(workspaceId, item.id, owner, item.outcome));
    },
    async get(workspaceId, id) {
      const stored = o.deliveries.get(id);
      return stored && stored.row.workspaceId === workspaceId ? copy(stored.row) : null;
    },

    async nextDueAt(workspaceId) {
      const queues = queuesOf(o, workspaceId);
      let next: number | null = null;
      for (const heap of [queues.priority, queues.bulk, queues.leased]) {
        // Stale entries (moved on, finished) are dropped as they surface.
        for (let top = heap.peek(); top; top = heap.peek()) {
          const stored = o.deliveries.get(top.id);
          if (stored && stored.version === top.version) {
            next = next === null ? top.at : Math.min(next, top.at);
            break;
          }
          heap.pop();
        }
      }
      return next;
    },

    async countQueued(workspaceId, broadcastId) {
      return o.queuedByBroadcast.get(key(workspaceId, broadcastId)) ?? 0;
    },

    async cancelBroadcast(workspaceId, broadcastId) {
      let dropped = 0;
      for (const stored of [...o.deliveries.values()]) {
        const d = stored.row;
        if (d.workspaceId !== workspaceId || d.broadcastId !== broadcastId || d.leaseOwner !== null) continue;
        remove(stored);
        dropped++;
      }
      o.parked.delete(key('b', workspaceId, broadcastId));
      return dropped;
    },

    async moveSender(workspaceId, transport, from, to) {
      let moved = 0;
      for (const stored of o.deliveries.values()) {
        const d = stored.row;
        if (d.workspaceId !== workspaceId || d.transport !== transport || d.senderId !== from || d.leaseOwner)
          continue;
        d.senderId = to;
        d.slotAt = null;
        schedule(o, stored);
        moved++;
      }
      o.parked.delete(key('s', workspaceId, transport, from));
      return moved;
    },
  };
}
