import type { Store } from '../../ports/store.js';
import { type BatchGate, viaGate } from '../job-batch.js';
import type { SendWrapper } from '../send-step.js';

interface Sent {
  workspaceId: string;
  broadcastId: string;
  contactId: string;
}

/** Whether each contact already has the broadcast's message: one query per broadcast in the batch. */
function sentGate(store: Store): BatchGate<Sent, boolean> {
  return {
    name: 'dedupe',
    async run(inputs) {
      const groups = new Map<string, Sent[]>();
      for (const input of inputs) {
        const k = `${input.workspaceId}\u0000${input.broadcastId}`;
        const group = groups.get(k);
        if (group) group.push(input);
        else groups.set(k, [input]);
      }
      const found = new Set<string>();
      for (const [k, group] of groups) {
        const { workspaceId, broadcastId } = group[0]!;
        const ids = await store.messages.broadcastRecipients(
          workspaceId,
          broadcastId,
          group.map((g) => g.contactId),
        );
        for (const id of ids) found.add(`${k}\u0000${id}`);
      }
      return inputs.map((i) => found.has(`${i.workspaceId}\u0000${i.broadcastId}\u0000${i.contactId}`));
    },
  };
}

/**
 * Delivery is at-least-once; this keeps the "more than once" rare. When another worker already recorded this
 * broadcast's message for the contact (a lease ran out while the first worker was slow), it is not sent again.
 */
export function dedupe(store: Store): SendWrapper {
  const gate = sentGate(store);
  return {
    name: 'dedupe',
    wrap: (next) => async (job) => {
      const { broadcastId } = job.delivery;
      if (
        broadcastId &&
        (await viaGate(job.batch, gate, {
          workspaceId: job.contact.workspaceId,
          broadcastId,
          contactId: job.contact.id,
        }))
      ) {
        return { kind: 'skip', reason: 'duplicate: already sent by another worker' };
      }
      return next(job);
    },
  };
}
