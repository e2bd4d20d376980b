import { nanoid } from 'nanoid';
import { TidingsError } from '../../errors/tidings-error.js';
import type { Agent } from '../../model/agent.js';
import type { CannedAnswer } from '../../model/canned-answer.js';
import type { Contact } from '../../model/contact.js';
import type {
  AgentRepository,
  CannedAnswerRepository,
  ConversationListQuery,
  ConversationRepository,
  ConversationRow,
} from '../../ports/store.js';
import { copyContact, copyMessage } from './copy.js';
import { key, type MemoryTables } from './memory-tables.js';

/** Cursor of a conversation: its activity time and contact id (the keyset). */
const cursorOf = (at: number, contactId: string) => `${at}~${contactId}`;
const parseCursor = (cursor: string): { at: number; id: string } => {
  const i = cursor.indexOf('~');
  const at = Number(cursor.slice(0, i));
  if (i < 0 || !Number.isFinite(at)) throw new TidingsError('INVALID_INPUT', 'Not a conversation cursor.');
  return { at, id: cursor.slice(i + 1) };
};

export function memoryConversations(t: MemoryTables): ConversationRepository {
  const contactIn = (workspaceId: string, id: string): Contact | null => {
    const c = t.contacts.get(id);
    return c && c.workspaceId === workspaceId ? c : null;
  };
  const rowOf = (contact: Contact): ConversationRow | null => {
    const state = t.inbox.conversations.get(contact.id);
    if (!state) return null;
    const last = state.lastMessageId ? t.messages.get(state.lastMessageId) : undefined;
    return {
      contact: copyContact(contact),
      state: { ...state },
      lastMessage: last ? copyMessage(last) : null,
    };
  };
  const matches = (contact: Contact, unread: number, q: ConversationListQuery): boolean => {
    const assignee = contact.assignee ?? null;
    if (q.assignee !== undefined && assignee !== q.assignee) return false;
    if (q.unassigned && assignee !== null) return false;
    if (q.unread && unread === 0) return false;
    if (q.transport && contact.transport !== q.transport) return false;
    if (q.channelId && !t.subscriptions.get(key(contact.workspaceId, contact.id))?.has(q.channelId))
      return false;
    return true;
  };

  return {
    async list(workspaceId, query) {
      const after = query.cursor ? parseCursor(query.cursor) : null;
      const hits: { contact: Contact; at: number }[] = [];
      for (const state of t.inbox.conversations.values()) {
        const contact = contactIn(workspaceId, state.contactId);
        if (!contact || !matches(contact, state.unread, query)) continue;
        const at = state.lastActivityAt;
        if (after && (at > after.at || (at === after.at && contact.id >= after.id))) continue;
        hits.push({ contact, at });
      }
      hits.sort((a, b) => b.at - a.at || (a.contact.id < b.contact.id ? 1 : -1));
      const page = hits.slice(0, query.limit);
      const items = page.map((h) => rowOf(h.contact)!);
      const last = page.at(-1);
      return {
        items,
        nextCursor: hits.length > query.limit && last ? cursorOf(last.at, last.contact.id) : null,
      };
    },
    async get(workspaceId, contactId) {
      const contact = contactIn(workspaceId, contactId);
      return contact ? rowOf(contact) : null;
    },
    async markRead(workspaceId, contactId, at) {
      const state = contactIn(workspaceId, contactId) ? t.inbox.conversations.get(contactId) : undefined;
      if (!state) return false;
      state.unread = 0;
      state.readAt = at;
      return true;
    },
    async assign(workspaceId, contactId, agentId, at, options = {}) {
      const contact = contactIn(workspaceId, contactId);
      if (!contact) return null;
      const previous = contact.assignee ?? null;
      if (options.ifUnassigned && previous !== null) return null;
      const next: Contact = { ...contact, assignee: agentId, updatedAt: at };
      t.contacts.set(contactId, next);
      return { contact: copyContact(next), previous };
    },
    async assignNext(workspaceId, contactId, at) {
      const contact = contactIn(workspaceId, contactId);
      if (!contact || (contact.assignee ?? null) !== null) return null;
      let pick: { agent: Agent; order: number; turn: number } | null = null;
      for (const entry of t.inbox.agents.values()) {
        if (entry.agent.workspaceId !== workspaceId || !entry.agent.available) continue;
        if (!pick || entry.turn < pick.turn || (entry.turn === pick.turn && entry.order < pick.order))
          pick = entry;
      }
      if (!pick) return null;
      pick.turn = ++t.inbox.turnCounter;
      const next: Contact = { ...contact, assignee: pick.agent.id, updatedAt: at };
      t.contacts.set(contactId, next);
      return { contact: copyContact(next), agentId: pick.agent.id };
    },
  };
}

export function memoryAgents(t: MemoryTables): AgentRepository {
  const entryOf = (workspaceId: string, id: string) => t.inbox.agents.get(key(workspaceId, id));
  return {
    async create(input, at) {
      const k = key(input.workspaceId, input.id);
      if (t.inbox.agents.has(k))
        throw new TidingsError('INVALID_INPUT', `There is an agent "${input.id}" already.`);
      const agent: Agent = { ...input, createdAt: at, updatedAt: at };
      t.inbox.agents.set(k, { agent, order: ++t.inbox.agentCounter, turn: 0 });
      return { ...agent };
    },
    async update(workspaceId, id, patch, at) {
      const entry = entryOf(workspaceId, id);
      if (!entry) return null;
      entry.agent = { ...entry.agent, ...patch, updatedAt: at };
      return { ...entry.agent };
    },
    async get(workspaceId, id) {
      const entry = entryOf(workspaceId, id);
      return entry ? { ...entry.agent } : null;
    },
    async list(workspaceId) {
      return [...t.inbox.agents.values()]
        .filter((e) => e.agent.workspaceId === workspaceId)
        .sort((a, b) => a.order - b.order)
        .map((e) => ({ ...e.agent }));
    },
    async remove(workspaceId, id) {
      return t.inbox.agents.delete(key(workspaceId, id));
    },
    async roundRobin(workspaceId) {
      return t.inbox.roundRobin.has(workspaceId);
    },
    async setRoundRobin(workspaceId, on) {
      if (on) t.inbox.roundRobin.add(workspaceId);
      else t.inbox.roundRobin.delete(workspaceId);
    },
  };
}

export function memoryCannedAnswers(t: MemoryTables): CannedAnswerRepository {
  const inWorkspace = (workspaceId: string, id: string) => {
    const row = t.inbox.canned.get(id);
    return row && row.workspaceId === workspaceId ? row : null;
  };
  const byShortcut = (workspaceId: string, shortcut: string) =>
    [...t.inbox.canned.values()].find((c) => c.workspaceId === workspaceId && c.shortcut === shortcut) ??
    null;
  const taken = (shortcut: string) =>
    new TidingsError('INVALID_INPUT', `The shortcut "${shortcut}" is taken.`, {
      issues: [{ field: 'shortcut', message: 'taken' }],
    });
  return {
    async create(input, at) {
      if (byShortcut(input.workspaceId, input.shortcut)) throw taken(input.shortcut);
      const row: CannedAnswer = { ...input, id: nanoid(), createdAt: at, updatedAt: at };
      t.inbox.canned.set(row.id, row);
      return { ...row };
    },
    async update(workspaceId, id, patch, at) {
      const row = inWorkspace(workspaceId, id);
      if (!row) return null;
      if (patch.shortcut !== undefined && patch.shortcut !== row.shortcut) {
        if (byShortcut(workspaceId, patch.shortcut)) throw taken(patch.shortcut);
      }
      const next: CannedAnswer = { ...row, ...patch, updatedAt: at };
      t.inbox.canned.set(id, next);
      return { ...next };
    },
    async get(workspaceId, id) {
      const row = inWorkspace(workspaceId, id);
      return row ? { ...row } : null;
    },
    async getByShortcut(workspaceId, shortcut) {
      const row = byShortcut(workspaceId, shortcut);
      return row ? { ...row } : null;
    },
    async list(workspaceId) {
      return [...t.inbox.canned.values()]
        .filter((c) => c.workspaceId === workspaceId)
        .sort((a, b) => (a.shortcut < b.shortcut ? -1 : a.shortcut > b.shortcut ? 1 : 0))
        .map((c) => ({ ...c }));
    },
    async remove(workspaceId, id) {
      return inWorkspace(workspaceId, id) ? t.inbox.canned.delete(id) : false;
    },
  };
}
