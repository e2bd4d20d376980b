import type { Contact } from '../model/contact.js';
import type { OutboundPurpose } from '../model/message.js';

export type Verdict = { allowed: true } | { allowed: false; reason: string };

/** One shared answer: every send asks, and a yes carries nothing of its own. */
const allowed: Verdict = Object.freeze({ allowed: true });

/**
 * Invariant 1: nothing reaches a contact who is pending, unsubscribed, erased or blocked —
 * except the single reply to their own START/STOP. Every outbound path asks this first,
 * auto-reply rules included: a rule's reply is a `reply` and gets no more than this allows.
 */
export function mayMessage(contact: Contact, purpose: OutboundPurpose, inReplyTo: string | null): Verdict {
  if (contact.blockedAt !== null)
    return { allowed: false, reason: 'the contact blocked us or is unreachable' };
  switch (purpose) {
    case 'consent-reply':
      return inReplyTo
        ? allowed
        : { allowed: false, reason: 'a consent reply must answer the contact’s own message' };
    case 'welcome':
    case 'broadcast':
      return contact.state === 'confirmed'
        ? allowed
        : { allowed: false, reason: `the contact is ${contact.state}, not confirmed` };
    case 'reply':
      // A visitor gave no consent: they get answers to a message they just sent (which the platforms
      // allow), never a message of our own accord.
      if (contact.state === 'visitor' && !inReplyTo)
        return { allowed: false, reason: 'a visitor only gets replies to their own message' };
      return contact.state === 'confirmed' || contact.state === 'visitor'
        ? allowed
        : { allowed: false, reason: `the contact is ${contact.state}` };
    case 'agent':
      return contact.state === 'confirmed' || contact.state === 'visitor'
        ? allowed
        : { allowed: false, reason: `the contact is ${contact.state}` };
  }
}
