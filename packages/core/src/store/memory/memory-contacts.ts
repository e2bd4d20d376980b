import { nanoid } from 'nanoid';
import { TidingsError } from '../../errors/tidings-error.js';
import type { Contact } from '../../model/contact.js';
import type { ContactRepository, SenderCandidate } from '../../ports/store.js';
import { copyContact, ownAttributes, ownTags } from './copy.js';
import { eraseContactRows } from './memory-erase.js';
import { key, type MemoryTables } from './memory-tables.js';

function countBySender(t: MemoryTables, workspaceId: string, transport: string): Map<string, number> {
  return t.contacts.loadOf(workspaceId, transport);
}

/** The least-loaded sender (by share of its capacity) that still has room. */
export function pickSender(pool: readonly SenderCandidate[], counts: Map<string, number>): string | null {
  let best: { id: string; share: number } | null = null;
  for (const s of pool) {
    const load = counts.get(s.id) ?? 0;
    if (load >= s.capacity) continue;
    const share = load / s.capacity;
    if (!best || share < best.share) best = { id: s.id, share };
  }
  return best?.id ?? null;
}

/** A case-insensitive part of the name, address or phone. */
function matchesSearch(c: Contact, search: string): boolean {
  const needle = search.toLowerCase();
  return [c.name, c.address, c.phone].some((v) => v?.toLowerCase().includes(needle));
}

export function memoryContacts(t: MemoryTables): ContactRepository {
  const mustGet = (workspaceId: string, id: string): Contact => {
    const row = t.contacts.get(id);
    if (!row || row.workspaceId !== workspaceId) throw new TidingsError('NOT_FOUND', `No contact ${id}.`);
    return row;
  };

  return {
    async getOrCreate(input, choice, at) {
      const existingId = t.contactByAddress.get(input.workspaceId, input.transport, input.address);
      if (existingId) return { contact: copyContact(t.contacts.get(existingId)!), created: false };
      const senderId =
        'senderId' in choice
          ? choice.senderId
          : pickSender(choice.pool, countBySender(t, input.workspaceId, input.transport));
      if (senderId === null) return { contact: null, poolFull: true };
      // One copy in (the caller keeps `input`), one out (the caller may change what it gets). The fields the input
      // lacks come before the spread: V8 (Node 20) adds a property to a spread copy through a slow path, several
      // microseconds for a row this size; the stores after it only overwrite what the input might also carry.
      const id = nanoid();
      const row: Contact = {
        id,
        createdAt: at,
        updatedAt: at,
        ...input,
        senderId,
        attributes: ownAttributes(input.attributes),
        tags: ownTags(input.tags),
      };
      row.id = id;
      row.createdAt = at;
      row.updatedAt = at;
      t.contacts.set(row.id, row);
      t.contactByAddress.set(row.workspaceId, row.transport, row.address, row.id);
      t.contactPosition.set(row.id, t.contactOrder.length);
      t.contactOrder.push(row.id);
      return { contact: copyContact(row), created: true };
    },
    async get(workspaceId, id) {
      const row = t.contacts.get(id);
      return row && row.workspaceId === workspaceId ? copyContact(row) : null;
    },
    async getMany(workspaceId, ids) {
      const found: Contact[] = [];
      for (const id of ids) {
        const row = t.contacts.get(id);
        // Not copied: rows are replaced on every change, never edited, and the caller only reads them.
        if (row && row.workspaceId === workspaceId) found.push(row);
      }
      return found;
    },
    async findByAddress(workspaceId, transport, address) {
      const id = t.contactByAddress.get(workspaceId, transport, address);
      return id ? copyContact(t.contacts.get(id)!) : null;
    },
    async update(workspaceId, id, patch, at) {
      const row = mustGet(workspaceId, id);
      // The row's own attributes and tags are kept as they are (rows are replaced, never edited); only what the
      // patch brings is copied in.
      const next: Contact = { ...row, ...patch, updatedAt: at } as Contact;
      if (patch.attributes) next.attributes = ownAttributes(patch.attributes);
      if (patch.tags) next.tags = ownTags(patch.tags);
      t.contacts.set(id, next);
      return copyContact(next);
    },
    async list(workspaceId, query) {
      const items: Contact[] = [];
      let passedCursor = !query.cursor;
      for (const c of t.contacts.values()) {
        if (!passedCursor) {
          passedCursor = c.id === query.cursor;
          continue;
        }
        if (c.workspaceId !== workspaceId) continue;
        if (query.state && c.state !== query.state) continue;
        if (query.transport && c.transport !== query.transport) continue;
        if (query.search && !matchesSearch(c, query.search)) continue;
        if (query.attribute && c.attributes[query.attribute.name] !== query.attribute.value) continue;
        if (query.channelId && !t.subscriptions.get(key(workspaceId, c.id))?.has(query.channelId)) continue;
        if (items.length === query.limit) return { items, nextCursor: items.at(-1)!.id };
        items.push(copyContact(c));
      }
      return { items, nextCursor: null };
    },
    async countBySender(workspaceId, transport) {
      return countBySender(t, workspaceId, transport);
    },
    async moveSender(workspaceId, transport, from, to, at) {
      const moved: string[] = [];
      for (const c of t.contacts.values()) {
        if (c.workspaceId !== workspaceId || c.transport !== transport || c.senderId !== from) continue;
        t.contacts.set(c.id, { ...c, senderId: to, updatedAt: at });
        moved.push(c.id);
      }
      return moved;
    },

    async erase(workspaceId, id, tombstone) {
      const row = t.contacts.get(id);
      if (!row || row.workspaceId !== workspaceId) return false;
      eraseContactRows(t, row);
      t.ledger.push({ ...tombstone, id: nanoid(), channels: [...tombstone.channels] });
      return true;
    },
  };
}
