import type { FakeGraphError } from './fake-errors.js';
import type { FakeSentMessage } from './fake-types.js';
import { envelope, type FakeWorld, seconds } from './fake-world.js';

const rank = { accepted: 0, sent: 1, delivered: 2, read: 3, failed: 4 } as const;

/** Posts one status webhook for a sent message and notes it on the message. */
export function postStatus(
  world: FakeWorld,
  message: FakeSentMessage,
  status: 'sent' | 'delivered' | 'read' | 'failed',
  error?: FakeGraphError,
): Promise<void> {
  if (rank[status] <= rank[message.status] && status !== 'failed') return Promise.resolve();
  message.status = status;
  const number = world.numbers.get(message.phoneNumberId)!;
  const person = world.byPhone.get(message.to) ?? world.byBsuid.get(message.to);
  const phone = person
    ? person.hidePhone
      ? null
      : person.phone
    : /^\d+$/.test(message.to)
      ? message.to
      : null;
  const item = {
    id: message.wamid,
    status,
    timestamp: seconds(world.now()),
    // The spec requires recipient_id; for a person known only by business-scoped id it is that id.
    recipient_id: phone ?? person?.bsuid ?? message.to,
    ...(person ? { recipient_user_id: person.bsuid } : {}),
    ...(status === 'failed'
      ? { errors: [error!.statusError()] }
      : {
          pricing: {
            billable: message.type === 'template',
            pricing_model: 'PMP',
            category: message.type === 'template' ? 'marketing' : 'service',
            type: message.type === 'template' ? 'regular' : 'free_customer_service',
          },
        }),
  };
  return world.outbox.post(envelope(world, number, 'messages', { statuses: [item] }));
}

/** The usual life of an accepted message: sent, then delivered, then (maybe) read — on the clock. */
export function scheduleStatuses(world: FakeWorld, message: FakeSentMessage, deliver: boolean): void {
  const b = world.behaviour;
  world.later(() => void postStatus(world, message, 'sent'), b.sentAfterMs);
  if (!deliver) return;
  world.later(() => void postStatus(world, message, 'delivered'), b.deliveredAfterMs);
  if (b.readAfterMs !== null) {
    world.later(() => void postStatus(world, message, 'read'), b.deliveredAfterMs + b.readAfterMs);
  }
}

/** A failure Meta reports after accepting the message. */
export function scheduleFailure(world: FakeWorld, message: FakeSentMessage, error: FakeGraphError): void {
  world.later(() => void postStatus(world, message, 'failed', error), world.behaviour.sentAfterMs);
}
