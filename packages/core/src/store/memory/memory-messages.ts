import type { Message, NewMessage } from '../../model/message.js';
import type { BroadcastOutcomes, MessageRepository } from '../../ports/store.js';
import { copyContent, copyMessage } from './copy.js';
import { key, type MemoryTables } from './memory-tables.js';

/** Stores a message row and its indexes; null for a replayed inbound message. Shared with the outbox's finish. */
export function insertMessage(
  t: MemoryTables,
  message: NewMessage,
  id = `m${++t.messageCounter}`,
  fresh = false,
): Message | null {
  // `fresh`: the caller built the object just now and keeps no reference, so no defensive copy is needed.
  let row: Message;
  if (fresh) row = (message as Message).id === id ? (message as Message) : Object.assign(message, { id });
  else {
    // `id` before the spread: V8 (Node 20) adds a property to a spread copy through a slow path (about a
    // microsecond each); the store after it wins over an `id` the input might carry, as the spread order did.
    row = { id, ...message, content: copyContent(message.content) };
    row.id = id;
  }

  if (row.providerMessageId) {
    if (row.direction === 'in') {
      const { workspaceId, transport, providerMessageId } = row;
      if (t.inboundByProviderId.has(workspaceId, transport, providerMessageId)) return null;
      t.inboundByProviderId.set(workspaceId, transport, providerMessageId, row.id);
    } else t.outboundByProviderId.set(key(row.workspaceId, row.transport, row.providerMessageId), row.id);
  }
  t.messages.set(row.id, row);
  // Keyed by the contact id alone: ids are unique in the store, and one string less per message adds up.
  const list = t.messagesByContact.get(row.contactId);
  if (list) list.push(row.id);
  else t.messagesByContact.set(row.contactId, [row.id]);
  if (row.broadcastId) {
    let perContact = t.outbox.broadcastMessages.get(row.broadcastId);
    if (!perContact) {
      perContact = new Map();
      t.outbox.broadcastMessages.set(row.broadcastId, perContact);
    }
    perContact.set(row.contactId, row.id);
  } else touchConversation(t, row);

  return row;
}

const belowDelivered = new Set<Message['status']>(['sent']);
const belowRead = new Set<Message['status']>(['sent', 'delivered']);

/** A non-broadcast message moves its conversation forward; an inbound one adds an unread. */
function touchConversation(t: MemoryTables, row: Message): void {
  const state = t.inbox.conversations.get(row.contactId);
  const unread = row.direction === 'in' ? 1 : 0;
  if (!state) {
    t.inbox.conversations.set(row.contactId, {
      contactId: row.contactId,
      lastActivityAt: row.at,
      lastMessageId: row.id,
      unread,
      readAt: null,
    });
    return;
  }
  state.unread += unread;
  if (row.at >= state.lastActivityAt) {
    state.lastActivityAt = row.at;
    state.lastMessageId = row.id;
  }
}

export function memoryMessages(t: MemoryTables): MessageRepository {
  return {
    async insert(message) {
      const row = insertMessage(t, message);
      return row ? copyMessage(row) : null;
    },

    async updateStatus(workspaceId, id, patch) {
      const row = t.messages.get(id);
      if (!row || row.workspaceId !== workspaceId) return;
      const next: Message = { ...row, status: patch.status };
      if (patch.error !== undefined) next.error = patch.error;
      if (patch.providerMessageId !== undefined) {
        next.providerMessageId = patch.providerMessageId;
        if (patch.providerMessageId)
          t.outboundByProviderId.set(key(workspaceId, row.transport, patch.providerMessageId), id);
      }
      t.messages.set(id, next);
    },
    async advanceOutboundUpTo(workspaceId, contactId, { status, until }) {
      if (t.contacts.get(contactId)?.workspaceId !== workspaceId) return [];
      const below = status === 'read' ? belowRead : belowDelivered;
      const moved: Message[] = [];
      for (const id of t.messagesByContact.get(contactId) ?? []) {
        const row = t.messages.get(id);
        if (row?.direction !== 'out' || row.kind !== 'message' || row.at > until || !below.has(row.status))
          continue;
        const next: Message = { ...row, status };
        t.messages.set(id, next);
        moved.push(copyMessage(next));
      }
      return moved;
    },
    async get(workspaceId, id) {
      const row = t.messages.get(id);
      return row && row.workspaceId === workspaceId ? copyMessage(row) : null;
    },
    async findOutboundByProviderId(workspaceId, transport, providerMessageId) {
      const id = t.outboundByProviderId.get(key(workspaceId, transport, providerMessageId));
      const row = id ? t.messages.get(id) : undefined;
      return row ? copyMessage(row) : null;
    },
    async listByContact(workspaceId, contactId, query) {
      const ids =
        (t.contacts.get(contactId)?.workspaceId === workspaceId
          ? t.messagesByContact.get(contactId)
          : undefined) ?? [];
      let end = ids.length;
      if (query.cursor) {
        const at = ids.lastIndexOf(query.cursor);
        end = at === -1 ? 0 : at;
      }
      const start = Math.max(0, end - query.limit);
      const items = ids
        .slice(start, end)
        .reverse()
        .map((id) => copyMessage(t.messages.get(id)!));
      return { items, nextCursor: start > 0 ? (items.at(-1)?.id ?? null) : null };
    },
    async broadcastOutcomes(workspaceId, broadcastId) {
      const byStatus: BroadcastOutcomes['byStatus'] = {};
      const reasons: Record<string, number> = {};
      for (const id of t.outbox.broadcastMessages.get(broadcastId)?.values() ?? []) {
        const m = t.messages.get(id);
        if (!m || m.workspaceId !== workspaceId) continue;
        byStatus[m.status] = (byStatus[m.status] ?? 0) + 1;
        if ((m.status === 'failed' || m.status === 'skipped') && m.error)
          reasons[m.error] = (reasons[m.error] ?? 0) + 1;
      }
      return { byStatus, reasons };
    },
    async broadcastTimesSince(workspaceId, contactId, since) {
      const ids =
        (t.contacts.get(contactId)?.workspaceId === workspaceId
          ? t.messagesByContact.get(contactId)
          : undefined) ?? [];
      const times: number[] = [];
      for (let i = ids.length - 1; i >= 0; i--) {
        const m = t.messages.get(ids[i]!);
        if (m?.direction !== 'out' || !m.broadcastId) continue;
        if (m.at <= since) break;
        if (m.status === 'sent' || m.status === 'delivered' || m.status === 'read') times.push(m.at);
      }
      return times.sort((a, b) => a - b);
    },
    async findForBroadcast(workspaceId, broadcastId, contactId) {
      const id = t.outbox.broadcastMessages.get(broadcastId)?.get(contactId);
      const row = id ? t.messages.get(id) : undefined;
      return row && row.workspaceId === workspaceId ? copyMessage(row) : null;
    },
    async broadcastRecipients(workspaceId, broadcastId, contactIds) {
      const sent = t.outbox.broadcastMessages.get(broadcastId);
      if (!sent) return [];
      return contactIds.filter((id) => {
        const messageId = sent.get(id);
        return messageId !== undefined && t.messages.get(messageId)?.workspaceId === workspaceId;
      });
    },
  };
}
