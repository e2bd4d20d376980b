import { mayMessage } from '../../consent/may-message.js';
import type { Store } from '../../ports/store.js';
import { passOn, type SendJob, type SendStep, type SendWrapper } from '../send-step.js';

/**
 * Invariant 1 at the last moment: the contact may have said STOP, blocked us or left the channel since the
 * delivery was queued. Such a delivery is skipped, never sent.
 */
export function consentGuard(store: Store): SendWrapper {
  return {
    name: 'consent',
    wrap: (next) =>
      passOn((job) => {
        const verdict = mayMessage(job.contact, job.delivery.purpose, job.delivery.inReplyTo);
        if (!verdict.allowed)
          return Promise.resolve({ kind: 'skip', reason: `no consent: ${verdict.reason}` });
        const channels = job.broadcast?.audience.channels;
        if (channels?.length) return inChannels(store, job, channels, next);
        return next(job);
      }),
  };
}

/** The broadcast's audience names channels: the contact must still be subscribed to one of them. */
async function inChannels(store: Store, job: SendJob, channels: string[], next: SendStep) {
  const subscribed = await store.subscriptions.listByContact(job.contact.workspaceId, job.contact.id);
  const all = await store.channels.list(job.contact.workspaceId);
  const wanted = new Set(all.filter((c) => channels.includes(c.slug)).map((c) => c.id));
  if (!subscribed.some((s) => wanted.has(s.channelId)))
    return { kind: 'skip', reason: 'no consent: left the channel' } as const;
  return await next(job);
}
