import type { Agent, AgentPatch, NewAgent } from '../model/agent.js';
import type { CannedAnswer, CannedAnswerPatch, NewCannedAnswer } from '../model/canned-answer.js';
import type { Channel, ChannelPatch, NewChannel } from '../model/channel.js';
import type { ConsentEntry, NewConsentEntry } from '../model/consent.js';
import type { Contact, ContactPatch, ContactState, NewContact } from '../model/contact.js';
import type { ConversationState } from '../model/conversation.js';
import type { Message, MessageStatus, NewMessage } from '../model/message.js';
import type { OptinToken } from '../model/optin-token.js';
import type { Subscription } from '../model/subscription.js';
import type { BroadcastRepository, LinkRepository } from './broadcast-store.js';
import type { DeliveryRepository, PacingRepository, SenderStateRepository } from './outbox-store.js';
import type { ForwardRepository, RuleSetRepository } from './rule-store.js';

/** A page of results and the cursor for the next one (null at the end). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A sender account as the store sees it when assigning new contacts (F34). */
export interface SenderCandidate {
  id: string;
  capacity: number;
}

export type NewContactInput = Omit<NewContact, 'senderId'>;

/** Either a fixed sender, or a pool the store picks the least-loaded sender with room from, atomically. */
export type SenderChoice = { senderId: string } | { pool: readonly SenderCandidate[] };

export type GetOrCreateResult = { contact: Contact; created: boolean } | { contact: null; poolFull: true };

export interface ContactListQuery {
  state?: ContactState;
  transport?: string;
  /** Case-insensitive substring of the name, address or phone. */
  search?: string;
  /** An attribute with exactly this value. */
  attribute?: { name: string; value: string };
  /** Subscribed to this channel (id). */
  channelId?: string;
  limit: number;
  cursor?: string | null;
}

export interface ContactRepository {
  /** Finds the contact by (transport, address) or creates it; on creation the sender comes from `choice`. */
  getOrCreate(input: NewContactInput, choice: SenderChoice, at: number): Promise<GetOrCreateResult>;
  get(workspaceId: string, id: string): Promise<Contact | null>;
  /**
   * The contacts of these ids that exist, in no particular order (the dispatcher loads a batch's at once). The
   * caller only reads them: a store may hand out its own rows.
   */
  getMany(workspaceId: string, ids: readonly string[]): Promise<Contact[]>;
  findByAddress(workspaceId: string, transport: string, address: string): Promise<Contact | null>;
  update(workspaceId: string, id: string, patch: ContactPatch, at: number): Promise<Contact>;
  list(workspaceId: string, query: ContactListQuery): Promise<Page<Contact>>;
  /** How many contacts each sender of a transport holds. */
  countBySender(workspaceId: string, transport: string): Promise<Map<string, number>>;
  /** Moves every contact of one sender to another (sender replacement, F35); returns their ids. */
  moveSender(workspaceId: string, transport: string, from: string, to: string, at: number): Promise<string[]>;

  /**
   * Removes every row about the contact in every table (messages, subscriptions, tokens, ledger…)
   * and appends the anonymous tombstone, in one step (F9, invariant 6).
   */
  erase(workspaceId: string, id: string, tombstone: NewConsentEntry): Promise<boolean>;
}

export interface ConsentRepository {
  append(entry: NewConsentEntry): Promise<ConsentEntry>;
  listByContact(workspaceId: string, contactId: string): Promise<ConsentEntry[]>;
  /**
   * Ledger entries with `from <= at < to` counted by day (in `timeZone`, `YYYY-MM-DD`), action and channel: an entry
   * naming several channels counts once per channel and once with `channel` null; one naming none only with null.
   */
  dailyCounts(
    workspaceId: string,
    range: { from: number; to: number; timeZone: string },
  ): Promise<ConsentDailyCount[]>;
}

export interface ConsentDailyCount {
  day: string;
  action: ConsentEntry['action'];
  channel: string | null;
  count: number;
}

export interface ChannelRepository {
  /** Fails with a `CHANNEL_CONFLICT` TidingsError when the slug is taken. Setting `isDefault` clears it elsewhere. */
  create(channel: NewChannel, at: number): Promise<Channel>;
  update(workspaceId: string, id: string, patch: ChannelPatch, at: number): Promise<Channel | null>;
  get(workspaceId: string, id: string): Promise<Channel | null>;
  getBySlug(workspaceId: string, slug: string): Promise<Channel | null>;
  /** In creation order. */
  list(workspaceId: string): Promise<Channel[]>;
  /** Removes the channel and its subscriptions. */
  remove(workspaceId: string, id: string): Promise<boolean>;
}

export interface SubscriptionRepository {
  /** Adds the contact to the channels; returns the channel ids that were newly added. */
  add(workspaceId: string, contactId: string, channelIds: readonly string[], at: number): Promise<string[]>;
  /** Removes the contact from the channels (all of them when `channelIds` is omitted); returns the ids removed. */
  remove(workspaceId: string, contactId: string, channelIds?: readonly string[]): Promise<string[]>;
  listByContact(workspaceId: string, contactId: string): Promise<Subscription[]>;
  /** The subscriptions of several contacts at once (the dispatcher's batches), in no particular order. */
  listByContacts(workspaceId: string, contactIds: readonly string[]): Promise<Subscription[]>;
}

export interface OptinTokenRepository {
  insert(token: OptinToken): Promise<void>;
  get(workspaceId: string, token: string): Promise<OptinToken | null>;
  /** Marks the token used, only if it is still pending at `at`; true when this call used it. */
  consume(workspaceId: string, token: string, contactId: string, at: number): Promise<boolean>;
  /** Revokes the contact's pending tokens (after a STOP). */
  revokeForContact(workspaceId: string, contactId: string, at: number): Promise<number>;
  /** The newest token issued for the contact that is still pending at `at`. */
  latestPendingForContact(workspaceId: string, contactId: string, at: number): Promise<OptinToken | null>;
}

export interface MessageListQuery {
  limit: number;
  /** Messages strictly older than this message id's position; newest first. */
  cursor?: string | null;
}

export interface MessageRepository {
  /** Stores a message. An inbound message whose provider id is known already returns null (a replay). */
  insert(message: NewMessage): Promise<Message | null>;
  updateStatus(
    workspaceId: string,
    id: string,
    patch: { status: MessageStatus; providerMessageId?: string | null; error?: string | null },
  ): Promise<void>;
  /**
   * A watermark (Messenger's receipts carry no message ids): the contact's outbound messages at or before `until`
   * that stand at `sent` (or `delivered`, when `status` is `read`) move to `status`. Returns the moved messages.
   */
  advanceOutboundUpTo(
    workspaceId: string,
    contactId: string,
    watermark: { status: 'delivered' | 'read'; until: number },
  ): Promise<Message[]>;
  get(workspaceId: string, id: string): Promise<Message | null>;
  findOutboundByProviderId(
    workspaceId: string,
    transport: string,
    providerMessageId: string,
  ): Promise<Message | null>;
  /** Newest first. */
  listByContact(workspaceId: string, contactId: string, query: MessageListQuery): Promise<Page<Message>>;
  /** Outcomes of a broadcast's messages: counts by status and failures by reason. */
  broadcastOutcomes(workspaceId: string, broadcastId: string): Promise<BroadcastOutcomes>;
  /** When the contact was sent broadcast messages after `since` (exclusive), oldest first (the frequency cap, F20). */

  broadcastTimesSince(workspaceId: string, contactId: string, since: number): Promise<number[]>;
  /** The message a broadcast sent to a contact, if any (so a delivery is never sent twice). */
  findForBroadcast(workspaceId: string, broadcastId: string, contactId: string): Promise<Message | null>;
  /** Which of these contacts the broadcast already has a message for (`findForBroadcast` for a batch). */
  broadcastRecipients(
    workspaceId: string,
    broadcastId: string,
    contactIds: readonly string[],
  ): Promise<string[]>;
}

export interface BroadcastOutcomes {
  byStatus: Partial<Record<MessageStatus, number>>;
  /** Failed and skipped messages by reason. */
  reasons: Record<string, number>;
}

export interface ConversationListQuery {
  assignee?: string;
  unassigned?: boolean;
  unread?: boolean;
  transport?: string;
  /** Contacts subscribed to this channel id. */
  channelId?: string;
  limit: number;
  /** Opaque; the previous page's `nextCursor`. */
  cursor?: string | null;
}

/** A conversation as the store lists it: the contact, its state and its last message, read together. */
export interface ConversationRow {
  contact: Contact;
  state: ConversationState;
  lastMessage: Message | null;
}

/**
 * The inbox's conversations (F26–F28). A conversation is a contact with activity: inserting a message without a
 * broadcast id (through `messages.insert`) moves its `lastActivityAt` forward (never back) and sets the last message;
 * an inbound message or call (`direction: 'in'`) adds one unread. Broadcast messages leave the inbox alone.
 * The assignee is the contact's `assignee`. Erasing the contact removes its conversation.
 */
export interface ConversationRepository {
  /** Newest activity first (ties by contact id, descending); keyset paging. */
  list(workspaceId: string, query: ConversationListQuery): Promise<Page<ConversationRow>>;
  /** Null when the contact is unknown or has no activity yet. */
  get(workspaceId: string, contactId: string): Promise<ConversationRow | null>;
  /** Unread to zero, `readAt` to `at`; false when there is no such conversation. */
  markRead(workspaceId: string, contactId: string, at: number): Promise<boolean>;
  /**
   * Sets the contact's assignee (null: nobody). With `ifUnassigned`, only when nobody is assigned yet.
   * Returns the contact after and the previous assignee; null when the contact is unknown or the condition failed.
   */
  assign(
    workspaceId: string,
    contactId: string,
    agentId: string | null,
    at: number,
    options?: { ifUnassigned?: boolean },
  ): Promise<{ contact: Contact; previous: string | null } | null>;
  /**
   * Round-robin, atomically: when the contact has no assignee, gives it to the available agent whose turn it is
   * (the one assigned longest ago by round-robin, never-assigned first, then in order of adding) and moves the
   * turn on. Null when the contact is assigned already or no agent is available.
   */
  assignNext(
    workspaceId: string,
    contactId: string,
    at: number,
  ): Promise<{ contact: Contact; agentId: string } | null>;
}

export interface AgentRepository {
  /** Fails with INVALID_INPUT when the id is taken. */
  create(agent: NewAgent, at: number): Promise<Agent>;
  update(workspaceId: string, id: string, patch: AgentPatch, at: number): Promise<Agent | null>;
  get(workspaceId: string, id: string): Promise<Agent | null>;
  /** In order of adding. */
  list(workspaceId: string): Promise<Agent[]>;
  remove(workspaceId: string, id: string): Promise<boolean>;
  roundRobin(workspaceId: string): Promise<boolean>;
  setRoundRobin(workspaceId: string, on: boolean): Promise<void>;
}

export interface CannedAnswerRepository {
  /** Fails with INVALID_INPUT when the shortcut is taken. */
  create(answer: NewCannedAnswer, at: number): Promise<CannedAnswer>;
  /** Fails with INVALID_INPUT when the new shortcut is taken. */
  update(workspaceId: string, id: string, patch: CannedAnswerPatch, at: number): Promise<CannedAnswer | null>;
  get(workspaceId: string, id: string): Promise<CannedAnswer | null>;
  getByShortcut(workspaceId: string, shortcut: string): Promise<CannedAnswer | null>;
  /** Sorted by shortcut. */
  list(workspaceId: string): Promise<CannedAnswer[]>;
  remove(workspaceId: string, id: string): Promise<boolean>;
}

export interface RateLimitRule {
  limit: number;
  windowMs: number;
}

export interface RateLimitRepository {
  /**
   * Takes one unit from the bucket `key` (GCRA: `limit` per `windowMs`, bursts up to `limit`).
   * Atomic, so limits hold across processes sharing a store.
   */
  consume(
    workspaceId: string,
    key: string,
    rule: RateLimitRule,
    now: number,
  ): Promise<{ allowed: boolean; retryAfterMs: number }>;
}

/**
 * The storage port (F40). Every row is scoped by a workspace id (F43).
 * Every implementation must pass `storeContract` from `@tidings/core/testing`.
 */
export interface Store {
  readonly contacts: ContactRepository;
  readonly consent: ConsentRepository;
  readonly channels: ChannelRepository;
  readonly subscriptions: SubscriptionRepository;
  readonly optinTokens: OptinTokenRepository;
  readonly messages: MessageRepository;
  readonly rateLimits: RateLimitRepository;
  /** The rule set and the durable queue of forwards (F30, ports/rule-store.ts). */
  readonly rules: RuleSetRepository;
  readonly forwards: ForwardRepository;
  readonly broadcasts: BroadcastRepository;
  readonly deliveries: DeliveryRepository;
  readonly pacing: PacingRepository;
  readonly senderStates: SenderStateRepository;
  readonly links: LinkRepository;
  /** The inbox (F26–F28): conversation state, agents and canned answers. */
  readonly conversations: ConversationRepository;
  readonly agents: AgentRepository;
  readonly cannedAnswers: CannedAnswerRepository;
  /**
   * True when other processes may write to the same store (a database): workers then also poll for work they
   * were not told about. The memory store is not shared.
   */
  readonly shared?: boolean;
  /** Prepares the store (migrations, connections); called once by `createTidings`, idempotent. */

  init?(): Promise<void>;
  close?(): Promise<void>;
}
