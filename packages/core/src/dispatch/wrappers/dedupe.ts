import type { Store } from '../../ports/store.js';
import type { SendWrapper } from '../send-step.js';

/**
 * Delivery is at-least-once; this keeps the "more than once" rare. When another worker already recorded this
 * broadcast's message for the contact (a lease ran out while the first worker was slow), it is not sent again.
 */
export function dedupe(store: Store): SendWrapper {
  return {
    name: 'dedupe',
    wrap: (next) => async (job) => {
      const { broadcastId } = job.delivery;
      if (
        broadcastId &&
        (await store.messages.findForBroadcast(job.contact.workspaceId, broadcastId, job.contact.id))
      ) {
        return { kind: 'skip', reason: 'duplicate: already sent by another worker' };
      }
      return next(job);
    },
  };
}
