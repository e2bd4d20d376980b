import type { EventBus } from '../events/event-bus.js';
import type { Channel } from '../model/channel.js';
import type { Contact } from '../model/contact.js';

/** A change of consent that may start rules: joined, left, confirmed, unsubscribed from everything. */
export interface RecordedTrigger {
  event: 'subscribed' | 'unsubscribed' | 'confirmed';
  contact: Contact;
  /** The channel joined or left; null for a confirmation and for a STOP. */
  channel: Channel | null;
}

/**
 * Turns the consent events — emitted synchronously deep inside the consent flow — into rule triggers,
 * without running anything inside that flow: they wait, per contact and in the order they happened, until
 * the flow's own end takes them (`take`), after the consent handling is complete. So a rule sees the final
 * state (an unsubscribe has taken effect) and cannot get between the steps of a STOP.
 *
 * Events raised by rule actions are not recorded (`mute`): rules do not trigger rules, so no set of rules
 * can loop.
 */
export class TriggerRecorder {
  readonly #pending = new Map<string, RecordedTrigger[]>();
  readonly #muted = new Set<string>();

  constructor(
    events: EventBus,
    /** Whether any rule listens for the event: nothing is recorded otherwise. */
    private readonly wanted: (event: RecordedTrigger['event']) => boolean,
    /** Told about each recorded trigger, so one raised outside a contact's inbound flow is run anyway. */
    private readonly onRecorded: (trigger: RecordedTrigger) => void,
  ) {
    events.on('subscription.added', ({ contact, channel }) =>
      this.#record({ event: 'subscribed', contact, channel }),
    );
    events.on('subscription.removed', ({ contact, channel }) =>
      this.#record({ event: 'unsubscribed', contact, channel }),
    );
    events.on('contact.unsubscribed', ({ contact }) =>
      this.#record({ event: 'unsubscribed', contact, channel: null }),
    );
    events.on('contact.confirmed', ({ contact }) =>
      this.#record({ event: 'confirmed', contact, channel: null }),
    );
  }

  #record(trigger: RecordedTrigger): void {
    if (this.#muted.has(trigger.contact.id) || !this.wanted(trigger.event)) return;
    const list = this.#pending.get(trigger.contact.id);
    if (list) list.push(trigger);
    else this.#pending.set(trigger.contact.id, [trigger]);
    this.onRecorded(trigger);
  }

  /** The contact's recorded triggers, oldest first; they are handed out once. */
  take(contactId: string): RecordedTrigger[] {
    const list = this.#pending.get(contactId) ?? [];
    this.#pending.delete(contactId);
    return list;
  }

  /** Runs a rule's actions for the contact with recording off. */
  async mute<T>(contactId: string, task: () => Promise<T>): Promise<T> {
    this.#muted.add(contactId);
    try {
      return await task();
    } finally {
      this.#muted.delete(contactId);
    }
  }
}
