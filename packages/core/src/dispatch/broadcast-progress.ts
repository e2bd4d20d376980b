import type { Delivery } from '../model/delivery.js';
import type { DeliveryFinish } from '../ports/outbox-store.js';
import type { CoreContext } from '../services/core-context.js';

/**
 * Tells listeners how deliveries end: `message.sent` / `message.failed` for conversation messages,
 * `broadcast.progress` (at most once a second per broadcast) and `broadcast.completed` for broadcasts.
 */
export class BroadcastProgress {
  readonly #lastReport = new Map<string, number>();
  /** How long the last report's counts took (real time): on a database they grow with the broadcast. */
  #costMs = 0;

  constructor(private readonly ctx: CoreContext) {}

  async finished(delivery: Delivery, finish: DeliveryFinish): Promise<void> {
    const { store, workspaceId, events } = this.ctx;
    if (delivery.broadcastId) return;
    const [contact, message] = await Promise.all([
      store.contacts.get(workspaceId, delivery.contactId),
      delivery.messageId ? store.messages.get(workspaceId, delivery.messageId) : null,
    ]);
    if (!contact || !message) return;
    if (finish.status === 'sent') events.emit('message.sent', { contact, message });
    else events.emit('message.failed', { contact, message, reason: finish.error ?? finish.status });
  }

  /** After a batch (or the end of a fan-out): report progress and completion of the broadcast. */
  async check(broadcastId: string, force: boolean): Promise<void> {
    const { store, workspaceId, events, clock } = this.ctx;
    const now = clock.now();
    const completed = await store.broadcasts.completeIfDone(workspaceId, broadcastId, now);
    const last = this.#lastReport.get(broadcastId) ?? Number.NEGATIVE_INFINITY;
    // At most once a second, and never more than a twentieth of the time: counting a million rows is not free.
    if (!completed && !force && now - last < Math.max(1000, 20 * this.#costMs)) return;
    this.#lastReport.set(broadcastId, now);
    const started = performance.now();
    const outcomes = await store.messages.broadcastOutcomes(workspaceId, broadcastId);
    const queued = await store.deliveries.countQueued(workspaceId, broadcastId);
    this.#costMs = performance.now() - started;
    events.emit('broadcast.progress', { broadcastId, queued, ...outcomes });
    if (completed) {
      this.#lastReport.delete(broadcastId);
      events.emit('broadcast.completed', { broadcastId, ...outcomes });
    }
  }
}
