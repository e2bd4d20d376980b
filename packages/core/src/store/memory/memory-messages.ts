import { nanoid } from 'nanoid';
import type { Message } from '../../model/message.js';
import type { MessageRepository } from '../../ports/store.js';
import { copyMessage } from './copy.js';
import { key, type MemoryTables } from './memory-tables.js';

export function memoryMessages(t: MemoryTables): MessageRepository {
  const providerIndex = (m: Message) =>
    m.direction === 'in' ? t.inboundByProviderId : t.outboundByProviderId;

  return {
    async insert(message) {
      const row: Message = copyMessage({ ...message, id: nanoid() });
      if (row.providerMessageId) {
        const k = key(row.workspaceId, row.transport, row.providerMessageId);
        const index = providerIndex(row);
        if (row.direction === 'in' && index.has(k)) return null;
        index.set(k, row.id);
      }
      t.messages.set(row.id, row);
      const contactKey = key(row.workspaceId, row.contactId);
      const list = t.messagesByContact.get(contactKey);
      if (list) list.push(row.id);
      else t.messagesByContact.set(contactKey, [row.id]);
      return copyMessage(row);
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
      const ids = t.messagesByContact.get(key(workspaceId, contactId)) ?? [];
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
  };
}
