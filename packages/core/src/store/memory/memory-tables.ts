import type { Agent } from '../../model/agent.js';
import type { CannedAnswer } from '../../model/canned-answer.js';
import type { Channel } from '../../model/channel.js';
import type { ConsentEntry } from '../../model/consent.js';
import type { ConversationState } from '../../model/conversation.js';
import type { Message } from '../../model/message.js';
import type { OptinToken } from '../../model/optin-token.js';
import type { Subscription } from '../../model/subscription.js';
import { ContactTable } from './contact-table.js';
import { createOutboxTables, type OutboxTables } from './memory-outbox-tables.js';
import { createRuleTables, type RuleTables } from './memory-rule-tables.js';
import { TripleIndex } from './triple-index.js';

/** The memory store's rows and indexes. Repositories copy rows in and out so callers never alias them. */
export interface MemoryTables {
  contacts: ContactTable;
  /** (workspace, transport, address) → contact id. */
  contactByAddress: TripleIndex<string>;
  channels: Map<string, Channel>;
  /** contact key → channel id → subscription */
  subscriptions: Map<string, Map<string, Subscription>>;
  ledger: ConsentEntry[];
  tokens: Map<string, OptinToken>;
  messages: Map<string, Message>;
  /** contact id → its message ids, oldest first. */
  messagesByContact: Map<string, string[]>;
  messageCounter: number;
  /** (workspace, transport, provider message id) → message id, for dedupe. */
  inboundByProviderId: TripleIndex<string>;
  outboundByProviderId: Map<string, string>;
  rateLimits: Map<string, number>;
  rules: RuleTables;
  /** Insertion order of contacts, for stable audience cursors (holes where a contact was erased). */
  contactOrder: string[];
  contactPosition: Map<string, number>;
  outbox: OutboxTables;
  inbox: InboxTables;
}

/** The inbox's rows: conversation state by contact id, agents with their round-robin turn, canned answers. */
export interface InboxTables {
  conversations: Map<string, ConversationState>;
  /** key(workspace, agent id) → agent, its place in the order of adding and when round-robin last picked it. */
  agents: Map<string, { agent: Agent; order: number; turn: number }>;
  agentCounter: number;
  turnCounter: number;
  roundRobin: Set<string>;
  canned: Map<string, CannedAnswer>;
}

export function createTables(): MemoryTables {
  return {
    contacts: new ContactTable(),
    contactByAddress: new TripleIndex(),
    channels: new Map(),
    subscriptions: new Map(),
    ledger: [],
    tokens: new Map(),
    messages: new Map(),
    messagesByContact: new Map(),
    messageCounter: 0,
    inboundByProviderId: new TripleIndex(),
    outboundByProviderId: new Map(),
    rateLimits: new Map(),
    rules: createRuleTables(),
    contactOrder: [],
    contactPosition: new Map(),
    outbox: createOutboxTables(),
    inbox: {
      conversations: new Map(),
      agents: new Map(),
      agentCounter: 0,
      turnCounter: 0,
      roundRobin: new Set(),
      canned: new Map(),
    },
  };
}

/** A composite map key; NUL never occurs in ids, slugs or addresses. */
export function key(a: string, b: string, c?: string, d?: string): string {
  // Hot path: a template literal allocates one string, join() an array and a string.
  if (c === undefined) return `${a}\u0000${b}`;
  if (d === undefined) return `${a}\u0000${b}\u0000${c}`;
  return `${a}\u0000${b}\u0000${c}\u0000${d}`;
}
