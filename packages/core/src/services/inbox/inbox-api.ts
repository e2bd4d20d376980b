import type { Agent, AgentPatch } from '../../model/agent.js';
import type { CannedAnswer, CannedAnswerPatch } from '../../model/canned-answer.js';
import type { Content, TemplateContent } from '../../model/content.js';
import type { Conversation, ConversationWindow } from '../../model/conversation.js';
import type { Message } from '../../model/message.js';
import type { Page } from '../../ports/store.js';

/** Filters and paging of `tidings.inbox.conversations`. Filters combine with AND. */
export interface ConversationQuery {
  /** Only conversations assigned to this agent id. */
  assignedTo?: string;
  /** Only conversations nobody is assigned to. */
  unassigned?: boolean;
  /** Only conversations with unread inbound messages or calls. */
  unread?: boolean;
  /** Only this messenger (`whatsapp`, `telegram`, `messenger`, `sandbox`…). */
  transport?: string;
  /** Only contacts subscribed to this channel (slug). */
  channel?: string;
  /** 1–200, default 50. */
  limit?: number;
  /** `nextCursor` of the previous page. */
  cursor?: string | null;
}

/** What an agent sends: content, or a canned answer by id or shortcut. */
export type ReplyContent = Content | { canned: string };

export interface ReplyOptions {
  /** The agent's id (registered with `inbox.agents.add`); their signature is appended. */
  agent: string;
  /** Sent instead when the window only allows a template (WhatsApp after 24 hours). */
  template?: TemplateContent;
}

export interface AgentInput {
  id: string;
  name: string;
  signature?: string | null;
  /** Default true. */
  available?: boolean;
}

export interface CannedAnswerInput {
  shortcut: string;
  title: string;
  text: string;
}

/** `tidings.inbox.agents`: the registry of staff who answer conversations. */
export interface AgentsApi {
  /** Registers an agent; INVALID_INPUT when the id is taken. */
  add(input: AgentInput): Promise<Agent>;
  /** Changes name, signature or availability; emits `agent.updated`. NOT_FOUND for an unknown id. */
  update(id: string, patch: AgentPatch): Promise<Agent>;
  get(id: string): Promise<Agent | null>;
  /** Every agent, in the order they were added. */
  list(): Promise<Agent[]>;
  /** Removes the agent from the registry (their conversations stay assigned until reassigned). */
  remove(id: string): Promise<boolean>;
}

/** `tidings.inbox.canned`: prepared answers. */
export interface CannedAnswersApi {
  /** INVALID_INPUT when the shortcut is taken. */
  create(input: CannedAnswerInput): Promise<CannedAnswer>;
  update(id: string, patch: CannedAnswerPatch): Promise<CannedAnswer>;
  get(id: string): Promise<CannedAnswer | null>;
  /** By id or by shortcut. */
  find(idOrShortcut: string): Promise<CannedAnswer | null>;
  /** Sorted by shortcut. */
  list(): Promise<CannedAnswer[]>;
  remove(id: string): Promise<boolean>;
}

/**
 * `tidings.inbox`: the shared inbox for agents (F26–F29). Every change emits an event (`conversation.assigned`,
 * `conversation.note`, `conversation.read`, `conversation.replied`, `message.received`, `message.sent`,
 * `call.received`), so every agent's screen can follow everyone's work.
 */
export interface InboxApi {
  /** Conversations, newest activity first, with keyset paging (`cursor` = the previous page's `nextCursor`). */
  conversations(query?: ConversationQuery): Promise<Page<Conversation>>;
  /** One contact's conversation row; null when the contact is unknown. */
  conversation(contactId: string): Promise<Conversation | null>;
  /**
   * The conversation's messages, calls and internal notes, newest first. `before`: the previous page's
   * `nextCursor` (a message id). NOT_FOUND for an unknown contact.
   */
  history(contactId: string, query?: { limit?: number; before?: string | null }): Promise<Page<Message>>;
  /** Where the contact stands with the messenger's reply window now. */
  window(contactId: string): Promise<ConversationWindow>;
  /**
   * Queues an agent's reply in the priority lane (purpose `agent`), the agent's signature appended, and marks the
   * conversation read. Outside the window it sends `options.template` where the messenger has templates, goes out
   * as HUMAN_AGENT where the messenger allows that (Messenger, 7 days), and otherwise throws WINDOW_CLOSED
   * (TEMPLATE_REQUIRED on a templates messenger without `options.template`). CONSENT_REQUIRED for an unsubscribed
   * or blocked contact; NOT_FOUND for an unknown contact, agent or canned answer. Emits `conversation.replied`.
   */
  reply(contactId: string, content: ReplyContent, options: ReplyOptions): Promise<Message>;
  /** Assigns the conversation to an agent (null: unassign). Emits `conversation.assigned`. */
  assign(contactId: string, agent: string | null, options?: { by?: string }): Promise<Conversation>;
  /** Reassigns to another agent with a note for them (kept as an internal note). Emits both events. */
  handOver(contactId: string, to: string, options: { note: string; by?: string }): Promise<Conversation>;
  /** An internal note in the conversation; never sent to the contact. Emits `conversation.note`. */
  note(contactId: string, text: string, options: { agent: string }): Promise<Message>;
  /** Sets the unread count to zero. Emits `conversation.read`. */
  markRead(contactId: string, options?: { agent?: string }): Promise<void>;
  /**
   * Round-robin: while on, a conversation without an assignee that receives an inbound message or call is given to
   * the next available agent, in fair rotation (after auto-reply rules, which may assign first). Off by default.
   */
  roundRobin(): Promise<boolean>;
  setRoundRobin(on: boolean): Promise<void>;
  readonly agents: AgentsApi;
  readonly canned: CannedAnswersApi;
}
