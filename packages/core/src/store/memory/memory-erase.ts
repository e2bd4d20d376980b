import type { Contact } from '../../model/contact.js';
import { eraseContactForwards } from './memory-forwards.js';
import { key, type MemoryTables } from './memory-tables.js';

/** Deletes every row that is about the contact: the memory store's half of invariant 6. */
export function eraseContactRows(t: MemoryTables, contact: Contact): void {
  const { workspaceId, id } = contact;
  t.contacts.delete(id);
  t.contactByAddress.delete(workspaceId, contact.transport, contact.address);
  t.subscriptions.delete(key(workspaceId, id));
  for (const [k, token] of t.tokens) {
    if (token.workspaceId === workspaceId && (token.contactId === id || token.usedByContactId === id))
      t.tokens.delete(k);
  }
  const messageIds = t.messagesByContact.get(id) ?? [];
  for (const messageId of messageIds) {
    const m = t.messages.get(messageId);
    t.messages.delete(messageId);
    if (m?.providerMessageId) {
      t.inboundByProviderId.delete(workspaceId, m.transport, m.providerMessageId);
      t.outboundByProviderId.delete(key(workspaceId, m.transport, m.providerMessageId));
    }
  }
  t.messagesByContact.delete(id);
  t.inbox.conversations.delete(id);
  eraseContactForwards(t.rules, workspaceId, id);
  const o = t.outbox;
  for (const [deliveryId, stored] of o.deliveries) {
    if (stored.row.workspaceId !== workspaceId || stored.row.contactId !== id) continue;
    o.deliveries.delete(deliveryId);
    if (stored.row.broadcastId) {
      const k = key(workspaceId, stored.row.broadcastId);
      o.queuedByBroadcast.set(k, (o.queuedByBroadcast.get(k) ?? 1) - 1);
    }
  }
  for (const [k, link] of o.links)
    if (link.workspaceId === workspaceId && link.contactId === id) o.links.delete(k);
  o.clicks = o.clicks.filter((c) => c.workspaceId !== workspaceId || c.contactId !== id);
  for (const perContact of o.broadcastMessages.values()) perContact.delete(id);

  // Pacing timelines and daily counts are keyed by the contact's id.
  for (const k of o.recipientNext.keys()) if (k.includes(id)) o.recipientNext.delete(k);
  for (const seen of o.daily.values()) for (const r of seen) if (r.includes(id)) seen.delete(r);
  t.ledger = t.ledger.filter(
    (e) =>
      e.workspaceId !== workspaceId ||
      (e.contactId !== id && !(e.transport === contact.transport && e.address === contact.address)),
  );
}
