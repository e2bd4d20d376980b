import type { Audience } from '../../model/broadcast.js';
import type { Contact } from '../../model/contact.js';
import { key, type MemoryTables } from './memory-tables.js';

/** The audience as a predicate over contacts (any state), compiled once per query. */
export function audienceMatcher(
  t: MemoryTables,
  workspaceId: string,
  audience: Audience,
  /** Only channel subscriptions made at or before this time count (a broadcast's start). */
  asOf = Number.POSITIVE_INFINITY,
): (c: Contact) => boolean {
  const channelIds = audience.channels
    ? new Set(
        [...t.channels.values()]
          .filter((c) => c.workspaceId === workspaceId && audience.channels!.includes(c.slug))
          .map((c) => c.id),
      )
    : null;
  const contacts = audience.contacts ? new Set(audience.contacts) : null;
  const transports = audience.transports ? new Set(audience.transports) : null;
  const senders = audience.senders ? new Set(audience.senders) : null;
  const attributes = audience.attributes ? Object.entries(audience.attributes) : null;
  const outcome = audience.outcome;

  const outcomeHolds = (contact: Contact): boolean => {
    if (!outcome) return true;
    const messageId = t.outbox.broadcastMessages.get(outcome.broadcastId)?.get(contact.id);
    const status = messageId ? t.messages.get(messageId)?.status : undefined;
    switch (outcome.is) {
      case 'delivered':
        return status === 'delivered' || status === 'read';
      case 'read':
        return status === 'read';
      case 'not-delivered':
        return status !== undefined && status !== 'delivered' && status !== 'read';
      case 'not-read':
        return status !== undefined && status !== 'read';
      case 'clicked':
        return t.outbox.clicks.some(
          (c) =>
            c.workspaceId === workspaceId &&
            c.broadcastId === outcome.broadcastId &&
            c.contactId === contact.id,
        );
    }
  };

  return (contact) => {
    if (contacts && !contacts.has(contact.id)) return false;
    if (transports && !transports.has(contact.transport)) return false;
    if (senders && !senders.has(contact.senderId)) return false;

    if (attributes && !attributes.every(([k, v]) => contact.attributes[k] === v)) return false;
    if (channelIds) {
      const subs = t.subscriptions.get(key(workspaceId, contact.id));
      const since = (id: string) => subs?.get(id)?.createdAt ?? Number.POSITIVE_INFINITY;
      if (!subs || ![...channelIds].some((id) => since(id) <= asOf)) return false;
    }
    return outcomeHolds(contact);
  };
}
