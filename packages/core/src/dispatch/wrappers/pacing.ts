import type { Store } from '../../ports/store.js';
import type { PacingLimits } from '../pacing-limits.js';
import type { SendWrapper } from '../send-step.js';

/**
 * Invariant 3: reserves a time slot per sender (rate) and per recipient (gap) through the store, so the limits
 * hold across processes. Bulk deliveries take a slot only when it is free now; a priority message may hold a
 * future slot until its time.

 */
/** Why pacing defers a delivery; seeing it on a delivery again means it already waited its turn. */
const waitingForSlot = 'waiting for a slot';

export function pacing(store: Store, limitsOf: (transport: string) => PacingLimits): SendWrapper {
  return {
    name: 'pacing',
    wrap: (next) => async (job) => {
      const { delivery } = job;
      const limits = limitsOf(job.transport.name);
      // Rounded up to whole microseconds: 9 × (1000 / 9) in floating point is just under a second, and a tenth
      // send would fit in it.
      const intervalMs = Math.ceil(1_000_000 / limits.perSenderPerSecond) / 1000;

      // A held slot is good only when it is used on time: one held through a pause would otherwise burst out.
      const held =
        delivery.slotAt !== null && delivery.slotAt <= job.now && job.now - delivery.slotAt <= intervalMs;
      if (held) return next(job);

      const slot = await store.pacing.reserve(job.contact.workspaceId, {
        senderKey: `${job.transport.name}:${job.sender.id}`,
        senderIntervalMs: intervalMs,

        recipientKey: `${job.transport.name}:${job.contact.id}`,
        recipientGapMs: limits.perRecipientGapMs,
        now: job.now,
        // Bulk traffic takes a slot only when it is free now and is sent at once, so the limit holds on actual send
        // times even when timers fire late; it never books ahead, so a reply gets the very next slot. A reply
        // (rare) may book ahead and hold its slot.
        horizonMs: delivery.lane === 'priority' ? Number.POSITIVE_INFINITY : 0,
        waited: delivery.lastError === waitingForSlot,
      });
      if (!slot.reserved) return { kind: 'defer', notBefore: slot.at, slotAt: null, reason: waitingForSlot };
      if (slot.at > job.now)
        return { kind: 'defer', notBefore: slot.at, slotAt: slot.at, reason: 'sender rate' };
      return next(job);
    },
  };
}
