import type { Contact } from '../model/contact.js';
import type { Content } from '../model/content.js';
import type { Delivery } from '../model/delivery.js';
import type { FinalStatus } from '../model/message.js';
import type { DeliveryFinish } from '../ports/outbox-store.js';
import { markBlocked } from '../services/contact-blocking.js';
import type { CoreContext } from '../services/core-context.js';
import type { SendJob, StepResult } from './send-step.js';

const describe = (o: { kind: string; reason: string; code?: string }) =>
  `${o.kind}: ${o.reason}${o.code ? ` (${o.code})` : ''}`;

/** What to do with a delivery after the chain ran: finish it, put it back, pause its sender. */
export type Disposition =
  | { kind: 'finish'; finish: DeliveryFinish }
  | {
      kind: 'retry';
      notBefore: number;
      slotAt?: number | null;
      attempts?: number;
      useTemplate?: boolean;
      lastError: string;
    };

/**
 * Maps the chain's result to the outbox, with the side effects an outcome implies: a recipient who blocked us is
 * marked (F10), a banned sender is paused (F19, F35), a closed window falls back to the template (F24).
 * Hot path: an outcome without side effects (a send accepted) is answered at once, without a promise.
 */
export function dispose(
  ctx: CoreContext,
  job: SendJob,
  result: StepResult,
): Disposition | Promise<Disposition> {
  const now = ctx.clock.now();
  const content = result.kind === 'sent' ? result.content : job.content;
  switch (result.kind) {
    case 'defer':
      return {
        kind: 'retry',
        notBefore: result.notBefore,
        lastError: result.reason,
        ...(result.slotAt !== undefined ? { slotAt: result.slotAt } : {}),
        ...(result.attempts !== undefined ? { attempts: result.attempts } : {}),
        ...(result.useTemplate !== undefined ? { useTemplate: result.useTemplate } : {}),
      };
    case 'skip':
      return finish('skipped', result.reason, null, now, content);
    case 'fail':
      return finish('failed', result.reason, null, now, content);
  }
  const outcome = result.outcome;
  switch (outcome.kind) {
    case 'accepted':
      return finish('sent', null, outcome.providerMessageId, now, content);
    case 'recipient-blocked':
    case 'recipient-gone':
      return markBlocked(ctx, job.contact, outcome.reason, 'platform').then(() =>
        finish('failed', describe(outcome), null, now, content),
      );
    case 'window-closed': {
      const template = job.broadcast?.content.template;
      if (template && job.transport.capabilities.templates && !job.delivery.useTemplate) {
        return {
          kind: 'retry',
          notBefore: now,
          useTemplate: true,
          slotAt: null,
          lastError: describe(outcome),
        };
      }
      return finish('skipped', describe(outcome), null, now, content);
    }
    case 'sender-blocked':
      return pauseSender(ctx, job.delivery, job.contact, describe(outcome)).then(() => ({
        kind: 'retry',
        notBefore: now,
        slotAt: null,
        lastError: describe(outcome),
      }));
    case 'retry':
      // The retry wrapper normally turns this into a deferral; without it, try again soon.
      return {
        kind: 'retry',
        notBefore: now + (outcome.retryAfterMs ?? 1000),
        slotAt: null,
        lastError: describe(outcome),
      };
    case 'invalid':
    case 'config-error':
      return finish('failed', describe(outcome), null, now, content);
  }
}

function finish(
  status: FinalStatus,
  error: string | null,
  providerMessageId: string | null,
  at: number,
  content: Content,
): Disposition {
  return { kind: 'finish', finish: { status, error, providerMessageId, at, content } };
}

async function pauseSender(
  ctx: CoreContext,
  delivery: Delivery,
  contact: Contact,
  reason: string,
): Promise<void> {
  const now = ctx.clock.now();
  await ctx.store.senderStates.pause({
    workspaceId: ctx.workspaceId,
    transport: delivery.transport,
    senderId: delivery.senderId,
    pausedAt: now,
    reason,
  });
  ctx.events.emit('sender.paused', {
    transport: delivery.transport,
    senderId: delivery.senderId,
    reason,
    contactId: contact.id,
  });
}
