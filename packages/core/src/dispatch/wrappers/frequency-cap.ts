import type { Store } from '../../ports/store.js';
import type { SendWrapper } from '../send-step.js';

const DAY = 24 * 60 * 60 * 1000;

/** At most `perDay` broadcasts per contact in any rolling 24 hours (F20): a delivery over it waits, it is not dropped. */
export function frequencyCap(store: Store, perDay: number): SendWrapper {
  return {
    name: 'frequency-cap',
    wrap: (next) => async (job) => {
      if (job.delivery.purpose !== 'broadcast') return next(job);
      const times = await store.messages.broadcastTimesSince(
        job.contact.workspaceId,
        job.contact.id,
        job.now - DAY,
      );
      if (times.length < perDay) return next(job);
      // Due when the oldest send that counts falls out of the rolling day.
      const oldestCounting = times[times.length - perDay]!;
      // Never "now": a deferral that is due at once would be claimed again at once.
      return {
        kind: 'defer',
        notBefore: Math.max(oldestCounting + DAY, job.now + 1),
        reason: `frequency cap: ${perDay} a day`,
      };
    },
  };
}
