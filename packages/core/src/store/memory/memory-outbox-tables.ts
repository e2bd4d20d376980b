import type { Broadcast } from '../../model/broadcast.js';
import type { Delivery } from '../../model/delivery.js';
import type { LinkClick, TrackedLink } from '../../model/link.js';
import type { SenderState } from '../../model/sender-state.js';
import { Heap } from './heap.js';

/** A queue entry; stale when the delivery's version moved on (lazy deletion). */
export interface QueueEntry {
  id: string;
  version: number;
  at: number;
  seq: number;
}

export interface StoredDelivery {
  row: Delivery;
  version: number;
}

const byTime = (a: QueueEntry, b: QueueEntry) => a.at < b.at || (a.at === b.at && a.seq < b.seq);

/** The memory store's broadcasts, outbox, pacing and links. */
export interface OutboxTables {
  broadcasts: Map<string, Broadcast>;
  deliveries: Map<string, StoredDelivery>;
  /** Due order per workspace and lane. */
  ready: Map<string, { priority: Heap<QueueEntry>; bulk: Heap<QueueEntry>; leased: Heap<QueueEntry> }>;
  /** Deliveries held back because their broadcast or sender is paused, by hold key. */
  parked: Map<string, Set<string>>;
  queuedByBroadcast: Map<string, number>;
  senderNext: Map<string, number>;
  recipientNext: Map<string, number>;
  daily: Map<string, Set<string>>;
  senderStates: Map<string, SenderState>;
  links: Map<string, TrackedLink>;
  clicks: LinkClick[];
  /** broadcast id → contact id → the broadcast's message to that contact (broadcast ids are unique everywhere). */
  broadcastMessages: Map<string, Map<string, string>>;
  seq: number;
  deliveryCounter: number;
}

export function createOutboxTables(): OutboxTables {
  return {
    broadcasts: new Map(),
    deliveries: new Map(),
    ready: new Map(),
    parked: new Map(),
    queuedByBroadcast: new Map(),
    senderNext: new Map(),
    recipientNext: new Map(),
    daily: new Map(),
    senderStates: new Map(),
    links: new Map(),
    clicks: [],
    broadcastMessages: new Map(),
    seq: 0,
    deliveryCounter: 0,
  };
}

export function queuesOf(o: OutboxTables, workspaceId: string) {
  let queues = o.ready.get(workspaceId);
  if (!queues) {
    queues = { priority: new Heap(byTime), bulk: new Heap(byTime), leased: new Heap(byTime) };
    o.ready.set(workspaceId, queues);
  }
  return queues;
}

/** (Re)queues a delivery by its due time, invalidating older queue entries. */
export function schedule(o: OutboxTables, stored: StoredDelivery): void {
  stored.version++;
  const queues = queuesOf(o, stored.row.workspaceId);
  const entry = { id: stored.row.id, version: stored.version, at: stored.row.notBefore, seq: o.seq++ };
  (stored.row.lane === 'priority' ? queues.priority : queues.bulk).push(entry);
}
