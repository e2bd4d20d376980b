import type { Clock } from '../../clock/clock.js';
import type { SlotRequest, SlotReservation } from '../../ports/outbox-store.js';
import type { Store } from '../../ports/store.js';
import { type BatchGate, viaGate } from '../job-batch.js';
import type { PacingLimits } from '../pacing-limits.js';
import type { SendWrapper } from '../send-step.js';
import { slotWaiter } from '../slot-wait.js';

/** Why pacing defers a delivery; seeing it on a delivery again means it already waited its turn. */
const waitingForSlot = 'waiting for a slot';
/**
 * Above 1,000 a second a slot is less than a millisecond: bulk traffic then books the slots of the next few
 * milliseconds for a whole batch at once and waits for them in the process. Timer jitter of a millisecond moves a
 * send by less than one slot's worth of a second; below that rate, bulk books only what is free now.
 */
const nearMs = 10;

interface Booking {
  workspaceId: string;
  request: SlotRequest;
}

/** A batch's reservations in one store call per workspace, in the order the jobs asked. */
function reserveGate(store: Store): BatchGate<Booking, SlotReservation> {
  return {
    name: 'pacing',
    async run(inputs) {
      const workspaceId = inputs[0]!.workspaceId;
      if (inputs.every((i) => i.workspaceId === workspaceId))
        return store.pacing.reserveMany(
          workspaceId,
          inputs.map((i) => i.request),
        );
      const out: SlotReservation[] = [];
      for (const i of inputs) out.push(await store.pacing.reserve(i.workspaceId, i.request));
      return out;
    },
  };
}

/**
 * Invariant 3: reserves a time slot per sender (rate) and per recipient (gap) through the store, so the limits
 * hold across processes. Bulk deliveries take a slot only when it is free now (or, at rates above 1,000 a second,
 * within a few milliseconds); a priority message may hold a future slot until its time.
 */
export function pacing(
  store: Store,
  limitsOf: (transport: string) => PacingLimits,
  clock?: Clock,
): SendWrapper {
  const gate = reserveGate(store);
  const waitFor = clock ? slotWaiter(clock) : null;
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

      const near = waitFor !== null && delivery.lane === 'bulk' && intervalMs < 1 ? nearMs : 0;
      // The time the slot is asked for, not the claim's: a batch reaches this point some milliseconds after its
      // claim (later still behind other batches), and measured from the claim's time a slot free right now would
      // look further ahead than bulk traffic may book, and the delivery would be put off for nothing.
      const now = clock ? Math.max(job.now, clock.now()) : job.now;
      const slot = await viaGate(job.batch, gate, {
        workspaceId: job.contact.workspaceId,
        request: {
          senderKey: `${job.transport.name}:${job.sender.id}`,
          senderIntervalMs: intervalMs,
          recipientKey: `${job.transport.name}:${job.contact.id}`,
          recipientGapMs: limits.perRecipientGapMs,
          now,
          // Bulk traffic takes a slot only when it is free now and is sent at once, so the limit holds on actual
          // send times even when timers fire late; it never books ahead, so a reply gets the very next slot. A
          // reply (rare) may book ahead and hold its slot.
          horizonMs: delivery.lane === 'priority' ? Number.POSITIVE_INFINITY : near,
          waited: delivery.lastError === waitingForSlot,
        },
      });
      if (!slot.reserved) return { kind: 'defer', notBefore: slot.at, slotAt: null, reason: waitingForSlot };
      if (slot.at > now && near > 0 && waitFor) {
        await (job.batch ? job.batch.sleep(waitFor(slot.at)) : waitFor(slot.at));
        return next({ ...job, now: Math.max(now, clock!.now()) });
      }
      if (slot.at > now) return { kind: 'defer', notBefore: slot.at, slotAt: slot.at, reason: 'sender rate' };
      return next(job);
    },
  };
}
