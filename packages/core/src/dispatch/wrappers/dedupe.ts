import type { Clock } from '../../clock/clock.js';
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
 *
 * That can only have happened once this worker's lease ran out: while it holds, no other worker can have taken
 * the delivery, only the lease holder can record its outcome, and a message recorded before this claim would have
 * taken the delivery out of the outbox with it (a fan-out gives each contact one delivery per broadcast). So the
 * store is asked only when less than half of the lease is left (a margin for clocks that differ between
 * processes); a batch claimed a moment ago, the usual case, goes straight on.
 */
export function dedupe(store: Store, clock: Clock, leaseMs: number): SendWrapper {
  const gate = sentGate(store);
  const mayBeTaken = (job: SendJob) => {
    const until = job.delivery.leaseUntil;
    return until === null || clock.now() > until - leaseMs / 2;
  };
  return {
    name: 'dedupe',
    wrap: (next) =>
      passOn((job) =>
        job.delivery.broadcastId && mayBeTaken(job) ? unlessSent(gate, job, next) : next(job),
      ),
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
