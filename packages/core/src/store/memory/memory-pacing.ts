import type { PacingRepository, SlotRequest, SlotReservation } from '../../ports/outbox-store.js';
import type { OutboxTables } from './memory-outbox-tables.js';
import { key, type MemoryTables } from './memory-tables.js';

/** One reservation; synchronous, so a batch is atomic (nothing runs between its requests). */
function reserveSlot(o: OutboxTables, workspaceId: string, request: SlotRequest): SlotReservation {
  const recipientKey = key(workspaceId, request.recipientKey);
  const recipientAt = Math.max(request.now, o.recipientNext.get(recipientKey) ?? request.now);
  if (recipientAt > request.now) return { at: recipientAt, reserved: false };
  const senderKey = key(workspaceId, request.senderKey);
  const slot = Math.max(request.now, o.senderNext.get(senderKey) ?? request.now);
  if (slot - request.now > request.horizonMs) {
    // Just missed (the slot frees within one interval): come back exactly then, keeping your place — under
    // timer jitter the soft queue would otherwise send such deliveries to its end and waste slots.
    if (request.waited && slot - request.now <= request.senderIntervalMs)
      return { at: slot, reserved: false };

    // Past the horizon: nothing is booked, but those waiting are told to come back one interval apart, so they
    // are not all claimed and turned away again at every slot.
    const waitKey = key(workspaceId, 'waiting', request.senderKey);
    const at = Math.max(slot - request.horizonMs, o.senderNext.get(waitKey) ?? 0);
    o.senderNext.set(waitKey, at + request.senderIntervalMs);
    return { at, reserved: false };
  }

  o.senderNext.set(senderKey, slot + request.senderIntervalMs);
  o.recipientNext.set(recipientKey, slot + request.recipientGapMs);
  return { at: slot, reserved: true };
}

export function memoryPacing(t: MemoryTables): PacingRepository {
  const o = t.outbox;
  return {
    async reserve(workspaceId, request) {
      return reserveSlot(o, workspaceId, request);
    },
    async reserveMany(workspaceId, requests) {
      return requests.map((request) => reserveSlot(o, workspaceId, request));
    },
    async admitDaily(workspaceId, senderKey, recipientKey, day, cap) {
      const k = key(workspaceId, senderKey, day);
      let seen = o.daily.get(k);
      if (!seen) {
        seen = new Set();
        o.daily.set(k, seen);
      }
      if (seen.has(recipientKey)) return true;
      if (seen.size >= cap) return false;
      seen.add(recipientKey);
      return true;
    },
  };
}
