import type { Store } from '../../ports/store.js';
import { type BatchGate, viaGate } from '../job-batch.js';
import { passOn, type SendJob, type SendStep, type SendWrapper } from '../send-step.js';

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
      // workspace → broadcast → contacts asked about; then the ones found, the same way.
      const asked = new Map<string, Map<string, string[]>>();
      for (const { workspaceId, broadcastId, contactId } of inputs) {
        let byBroadcast = asked.get(workspaceId);
        if (!byBroadcast) {
          byBroadcast = new Map();
          asked.set(workspaceId, byBroadcast);
        }
        const ids = byBroadcast.get(broadcastId);
        if (ids) ids.push(contactId);
        else byBroadcast.set(broadcastId, [contactId]);
      }
      const found = new Map<string, Map<string, Set<string>>>();
      for (const [workspaceId, byBroadcast] of asked) {
        const sent = new Map<string, Set<string>>();
        found.set(workspaceId, sent);
        for (const [broadcastId, ids] of byBroadcast) {
          const hits = await store.messages.broadcastRecipients(workspaceId, broadcastId, ids);
          if (hits.length > 0) sent.set(broadcastId, new Set(hits));
        }
      }
      return inputs.map((i) => found.get(i.workspaceId)?.get(i.broadcastId)?.has(i.contactId) === true);
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
    wrap: (next) => passOn((job) => (job.delivery.broadcastId ? unlessSent(gate, job, next) : next(job))),
  };
}

async function unlessSent(gate: BatchGate<Sent, boolean>, job: SendJob, next: SendStep) {
  const asked: Sent = {
    workspaceId: job.contact.workspaceId,
    broadcastId: job.delivery.broadcastId!,
    contactId: job.contact.id,
  };
  let sent: boolean;
  if (job.batch) {
    // The batch's answers as they are: no promise per delivery.
    const seat = job.batch.seat(gate, asked);
    sent = (await seat.answers)[seat.index]!;
  } else sent = await viaGate(undefined, gate, asked);
  if (sent) return { kind: 'skip', reason: 'duplicate: already sent by another worker' } as const;
  // Awaited rather than returned: one microtask turn less than an async function handing back a promise.
  return await next(job);
}
