import type { Store } from '../../ports/store.js';
import type { PacingLimits } from '../pacing-limits.js';
import type { SendWrapper } from '../send-step.js';

/**
 * Invariant 3: reserves a time slot per sender (rate) and per recipient (gap) through the store, so the limits
 * hold across processes. A slot in the future is held by the delivery until then.
 */
export function pacing(store: Store, limitsOf: (transport: string) => PacingLimits): SendWrapper {
  return {
    name: 'pacing',
    wrap: (next) => async (job) => {
      const { delivery } = job;
      if (delivery.slotAt !== null && delivery.slotAt <= job.now) return next(job);
      const limits = limitsOf(job.transport.name);
      const slot = await store.pacing.reserve(job.contact.workspaceId, {
        senderKey: `${job.transport.name}:${job.sender.id}`,
        senderIntervalMs: 1000 / limits.perSenderPerSecond,
        recipientKey: `${job.transport.name}:${job.contact.id}`,
        recipientGapMs: limits.perRecipientGapMs,
        now: job.now,
      });
      if (!slot.reserved) return { kind: 'defer', notBefore: slot.at, slotAt: null, reason: 'recipient gap' };
      if (slot.at > job.now)
        return { kind: 'defer', notBefore: slot.at, slotAt: slot.at, reason: 'sender rate' };
      return next(job);
    },
  };
}
