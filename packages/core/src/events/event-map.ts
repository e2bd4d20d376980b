import type { Agent } from '../model/agent.js';
import type { Broadcast } from '../model/broadcast.js';
import type { Channel } from '../model/channel.js';
import type { ConsentMethod } from '../model/consent.js';
import type { Contact } from '../model/contact.js';
import type { Message } from '../model/message.js';
import type { Forward } from '../ports/rule-store.js';
import type { BroadcastOutcomes } from '../ports/store.js';

/** Every event `tidings.on` can listen to, with its payload. Names are dotted, as in outbound webhooks. */
export interface TidingsEvents {
  'contact.pending': { contact: Contact; token: string };
  'contact.confirmed': { contact: Contact; method: ConsentMethod; channels: Channel[] };
  'contact.unsubscribed': { contact: Contact };
  'contact.blocked': { contact: Contact; reason: string };
  'contact.unblocked': { contact: Contact };
  'contact.erased': { contactId: string };
  'subscription.added': { contact: Contact; channel: Channel };
  'subscription.removed': { contact: Contact; channel: Channel };
  'channel.created': { channel: Channel };
  'channel.updated': { channel: Channel };
  'channel.removed': { channel: Channel };
  'message.received': { contact: Contact; message: Message };
  'message.sent': { contact: Contact; message: Message };
  'message.failed': { contact: Contact; message: Message; reason: string };

  'delivery.updated': { message: Message; status: Message['status'] };
  'call.received': { contact: Contact; message: Message };
  /** A rule's forward was delivered (F30). */
  'forward.sent': { forward: Forward };
  /** A forward attempt failed; `willRetry` false: it failed for good and waits in `tidings.rules.listForwards`. */
  'forward.failed': { forward: Forward; error: string; willRetry: boolean };
  'broadcast.progress': { broadcastId: string; queued: number } & BroadcastOutcomes;
  'broadcast.completed': { broadcastId: string } & BroadcastOutcomes;
  'broadcast.updated': { broadcast: Broadcast };
  'sender.paused': { transport: string; senderId: string; reason: string; contactId?: string };
  'sender.resumed': { transport: string; senderId: string };
  /** A conversation got a new assignee (null: unassigned) by hand, by hand-over, by round-robin or by a rule (F28). */
  'conversation.assigned': {
    contactId: string;
    assignee: string | null;
    previous: string | null;
    via: 'manual' | 'hand-over' | 'round-robin' | 'rule';
    /** The agent who did it, where known. */
    by: string | null;
    /** The hand-over note. */
    note: string | null;
  };
  /** An internal note was added (also for a hand-over's note). */
  'conversation.note': { contactId: string; message: Message; agent: string };
  /** The conversation was marked read. */
  'conversation.read': { contactId: string; agent: string | null; at: number };
  /** An agent's reply was queued (`message.sent` follows when the messenger took it). */
  'conversation.replied': { contact: Contact; message: Message; agent: string };
  /** An agent was added, changed (availability, name, signature) or removed (`removed: true`). */
  'agent.updated': { agent: Agent; removed?: boolean };
}

export type TidingsEventName = keyof TidingsEvents;
/** A listener may be async; what it returns is ignored, a rejection is logged. */
export type Listener<E extends TidingsEventName> = (payload: TidingsEvents[E]) => unknown;
