import { mayMessage } from '../../consent/may-message.js';
import type { Store } from '../../ports/store.js';
import { type BatchGate, viaGate } from '../job-batch.js';
import { passOn, type SendJob, type SendStep, type SendWrapper } from '../send-step.js';

interface Membership {
  workspaceId: string;
  contactId: string;
  /** The broadcast's audience: channel slugs. */
  channels: readonly string[];
}

/**
 * Whether each contact is still subscribed to one of the named channels: for a whole batch, the workspace's
 * channels read once and the contacts' subscriptions in one query (one read each per delivery made a broadcast to
 * a channel two round trips per recipient).
 */
function membershipGate(store: Store): BatchGate<Membership, boolean> {
  return {
    name: 'channels',
    async run(inputs) {
      const byWorkspace = new Map<string, Membership[]>();
      for (const input of inputs) {
        const list = byWorkspace.get(input.workspaceId);
        if (list) list.push(input);
        else byWorkspace.set(input.workspaceId, [input]);
      }
      // workspace → contact → the slugs of the channels it is subscribed to.
      const slugsOf = new Map<string, Map<string, Set<string>>>();
      for (const [workspaceId, asked] of byWorkspace) {
        const [channels, subscriptions] = await Promise.all([
          store.channels.list(workspaceId),
          store.subscriptions.listByContacts(
            workspaceId,
            asked.map((a) => a.contactId),
          ),
        ]);
        const slugById = new Map(channels.map((c) => [c.id, c.slug]));
        const byContact = new Map<string, Set<string>>();
        for (const s of subscriptions) {
          const slug = slugById.get(s.channelId);
          if (slug === undefined) continue;
          const slugs = byContact.get(s.contactId);
          if (slugs) slugs.add(slug);
          else byContact.set(s.contactId, new Set([slug]));
        }
        slugsOf.set(workspaceId, byContact);
      }
      return inputs.map((i) => {
        const slugs = slugsOf.get(i.workspaceId)?.get(i.contactId);
        return slugs !== undefined && i.channels.some((c) => slugs.has(c));
      });
    },
  };
}

/**
 * Invariant 1 at the last moment: the contact may have said STOP, blocked us or left the channel since the
 * delivery was queued. Such a delivery is skipped, never sent.
 */
export function consentGuard(store: Store): SendWrapper {
  const gate = membershipGate(store);
  return {
    name: 'consent',
    wrap: (next) =>
      passOn((job) => {
        const verdict = mayMessage(job.contact, job.delivery.purpose, job.delivery.inReplyTo);
        if (!verdict.allowed)
          return Promise.resolve({ kind: 'skip', reason: `no consent: ${verdict.reason}` });
        const channels = job.broadcast?.audience.channels;
        if (channels?.length) return inChannels(gate, job, channels, next);
        return next(job);
      }),
  };
}

/** The broadcast's audience names channels: the contact must still be subscribed to one of them. */
async function inChannels(
  gate: BatchGate<Membership, boolean>,
  job: SendJob,
  channels: readonly string[],
  next: SendStep,
) {
  const member = await viaGate(job.batch, gate, {
    workspaceId: job.contact.workspaceId,
    contactId: job.contact.id,
    channels,
  });
  if (!member) return { kind: 'skip', reason: 'no consent: left the channel' } as const;
  return await next(job);
}
