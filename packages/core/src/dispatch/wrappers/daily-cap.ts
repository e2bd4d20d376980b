import type { Store } from '../../ports/store.js';
import type { PacingLimits } from '../pacing-limits.js';
import { passOn, type SendJob, type SendStep, type SendWrapper } from '../send-step.js';

const DAY = 24 * 60 * 60 * 1000;

/** A sender's daily cap of unique recipients (WhatsApp's messaging tier): past it, business-initiated messages wait for tomorrow (UTC). */
export function dailyCap(store: Store, limitsOf: (transport: string) => PacingLimits): SendWrapper {
  return {
    name: 'daily-cap',
    wrap: (next) =>
      passOn((job) => {
        const cap = limitsOf(job.transport.name).dailyUniqueRecipients;
        if (cap === null || job.delivery.purpose !== 'broadcast') return next(job);
        return admit(store, job, cap, next);
      }),
  };
}

async function admit(store: Store, job: SendJob, cap: number, next: SendStep) {
  const day = new Date(job.now).toISOString().slice(0, 10);
  const admitted = await store.pacing.admitDaily(
    job.contact.workspaceId,
    `${job.transport.name}:${job.sender.id}`,
    job.contact.id,
    day,
    cap,
  );
  if (admitted) return await next(job);
  return {
    kind: 'defer',
    notBefore: Math.floor(job.now / DAY + 1) * DAY,
    reason: `daily cap of ${cap} unique recipients`,
  } as const;
}
