import { TidingsError } from '../../errors/tidings-error.js';
import type { Agent } from '../../model/agent.js';
import type { Contact } from '../../model/contact.js';
import type { Conversation, ConversationWindow } from '../../model/conversation.js';
import type { ConversationListQuery, ConversationRow } from '../../ports/store.js';
import type { CoreContext } from '../core-context.js';
import { sendToContact } from '../outbound.js';
import { conversationWindow } from './conversation-window.js';
import type { InboxApi } from './inbox-api.js';
import { replyContent } from './reply-content.js';
import { agentsApi, cannedAnswersApi } from './staff-api.js';

const clamp = (n: number | undefined, fallback: number, max: number) =>
  Math.min(Math.max(Math.trunc(n ?? fallback), 1), max);

export function inboxApi(ctx: CoreContext): InboxApi {
  const { store, workspaceId } = ctx;

  const mustContact = async (id: string): Promise<Contact> => {
    const contact = await store.contacts.get(workspaceId, id);
    if (!contact) throw new TidingsError('NOT_FOUND', `No contact ${id}.`);
    return contact;
  };
  const mustAgent = async (id: string): Promise<Agent> => {
    const agent = await store.agents.get(workspaceId, id);
    if (!agent) throw new TidingsError('NOT_FOUND', `No agent ${id}.`);
    return agent;
  };
  /** A contact on a messenger this installation no longer has shows as closed rather than failing the list. */
  const windowOf = (contact: Contact): ConversationWindow => {
    const transport = ctx.transports.get(contact.transport);
    if (!transport) return { status: 'closed', until: null, lastInboundAt: contact.lastInboundAt };
    return conversationWindow(contact, transport.capabilities, ctx.clock.now());
  };

  const toConversation = (row: ConversationRow, agents: ReadonlyMap<string, Agent>): Conversation => {
    const assignee = row.contact.assignee ?? null;
    return {
      contact: row.contact,
      lastMessage: row.lastMessage,
      lastActivityAt: row.state.lastActivityAt,
      unread: row.state.unread,
      assignee: assignee === null ? null : { id: assignee, name: agents.get(assignee)?.name ?? assignee },
      window: windowOf(row.contact),
    };
  };
  const agentMap = async () => new Map((await store.agents.list(workspaceId)).map((a) => [a.id, a]));

  const conversation = async (contactId: string): Promise<Conversation | null> => {
    const row = await store.conversations.get(workspaceId, contactId);
    if (row) return toConversation(row, await agentMap());
    const contact = await store.contacts.get(workspaceId, contactId);
    if (!contact) return null;
    // A contact without activity yet (imported, or only broadcast to) still has an empty conversation.
    const empty = {
      contactId,
      lastActivityAt: contact.createdAt,
      lastMessageId: null,
      unread: 0,
      readAt: null,
    };
    return toConversation({ contact, state: empty, lastMessage: null }, await agentMap());
  };
  const mustConversation = async (contactId: string) => (await conversation(contactId))!;

  const assign = async (
    contactId: string,
    agentId: string | null,
    how: { via: 'manual' | 'hand-over'; by: string | null; note: string | null },
  ) => {
    await mustContact(contactId);
    if (agentId !== null) await mustAgent(agentId);
    const result = await store.conversations.assign(workspaceId, contactId, agentId, ctx.clock.now());
    if (!result) throw new TidingsError('NOT_FOUND', `No contact ${contactId}.`);
    ctx.events.emit('conversation.assigned', {
      contactId,
      assignee: agentId,
      previous: result.previous,
      ...how,
    });
    return result;
  };

  const addNote = async (contactId: string, text: string, agentId: string) => {
    const contact = await mustContact(contactId);
    if (!text.trim())
      throw new TidingsError('INVALID_INPUT', 'A note needs text.', {
        issues: [{ field: 'text', message: 'empty' }],
      });
    const message = (await store.messages.insert({
      workspaceId,
      contactId,
      transport: contact.transport,
      senderId: contact.senderId,
      direction: 'out',
      kind: 'note',
      purpose: null,
      content: { text },
      providerMessageId: null,
      status: 'sent',
      error: null,
      at: ctx.clock.now(),
      inReplyTo: null,
      broadcastId: null,
      agentId,
    }))!;
    ctx.events.emit('conversation.note', { contactId, message, agent: agentId });
    return message;
  };

  const markRead = async (contactId: string, agent: string | null) => {
    await mustContact(contactId);
    const at = ctx.clock.now();
    if (await store.conversations.markRead(workspaceId, contactId, at))
      ctx.events.emit('conversation.read', { contactId, agent, at });
  };

  return {
    async conversations(query = {}) {
      const q: ConversationListQuery = { limit: clamp(query.limit, 50, 200), cursor: query.cursor ?? null };
      if (query.assignedTo !== undefined) q.assignee = query.assignedTo;
      if (query.unassigned) q.unassigned = true;
      if (query.unread) q.unread = true;
      if (query.transport) q.transport = query.transport;
      if (query.channel) {
        const { channels } = await ctx.channels.get();
        const channel = channels.find((c) => c.slug === query.channel);
        if (!channel) throw new TidingsError('UNKNOWN_CHANNEL', `No channel "${query.channel}".`);
        q.channelId = channel.id;
      }
      const [page, agents] = await Promise.all([store.conversations.list(workspaceId, q), agentMap()]);
      return { items: page.items.map((row) => toConversation(row, agents)), nextCursor: page.nextCursor };
    },
    conversation,
    async history(contactId, query = {}) {
      await mustContact(contactId);
      return store.messages.listByContact(workspaceId, contactId, {
        limit: clamp(query.limit, 50, 200),
        cursor: query.before ?? null,
      });
    },
    async window(contactId) {
      return windowOf(await mustContact(contactId));
    },
    async reply(contactId, content, options) {
      const contact = await mustContact(contactId);
      const agent = await mustAgent(options.agent);
      const outgoing = await replyContent(ctx, {
        contact,
        agent,
        content,
        options,
        window: windowOf(contact),
      });
      const message = await sendToContact(ctx, contact, outgoing, { purpose: 'agent', agentId: agent.id });
      ctx.events.emit('conversation.replied', { contact, message, agent: agent.id });
      await markRead(contactId, agent.id);
      return message;
    },
    async assign(contactId, agentId, options = {}) {
      await assign(contactId, agentId, { via: 'manual', by: options.by ?? null, note: null });
      return mustConversation(contactId);
    },
    async handOver(contactId, to, options) {
      const { previous } = await assign(contactId, to, {
        via: 'hand-over',
        by: options.by ?? null,
        note: options.note,
      });
      await addNote(contactId, options.note, options.by ?? previous ?? to);
      return mustConversation(contactId);
    },
    async note(contactId, text, options) {
      await mustAgent(options.agent);
      return addNote(contactId, text, options.agent);
    },
    markRead: (contactId, options = {}) => markRead(contactId, options.agent ?? null),
    roundRobin: () => store.agents.roundRobin(workspaceId),
    setRoundRobin: (on) => store.agents.setRoundRobin(workspaceId, on),
    agents: agentsApi(ctx),
    canned: cannedAnswersApi(ctx),
  };
}
