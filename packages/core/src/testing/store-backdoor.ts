import type { Channel } from '../model/channel.js';
import type { ConsentEntry } from '../model/consent.js';
import type { Contact } from '../model/contact.js';
import type { Message } from '../model/message.js';
import type { OptinToken } from '../model/optin-token.js';
import type { Forward, StoredRuleSet } from '../ports/rule-store.js';

/**
 * Direct reads of what a store really wrote, bypassing its repositories (for `storeContract`).
 * A database adapter implements these with plain queries against its tables.
 */
export interface StoreBackdoor {
  contact(workspaceId: string, id: string): Promise<Contact | null>;
  /** Channel ids, sorted. */
  subscriptionChannelIds(workspaceId: string, contactId: string): Promise<string[]>;
  /** The whole ledger of a workspace, oldest first. */
  ledger(workspaceId: string): Promise<ConsentEntry[]>;
  token(workspaceId: string, token: string): Promise<OptinToken | null>;
  /** A contact's messages, oldest first. */
  messages(workspaceId: string, contactId: string): Promise<Message[]>;
  channel(workspaceId: string, id: string): Promise<Channel | null>;
  ruleSet(workspaceId: string): Promise<StoredRuleSet | null>;
  /** Every forward of a workspace, queued or failed, oldest first. */
  forwards(workspaceId: string): Promise<Forward[]>;

  /** The names of the tables (one entry per row) whose rows contain `needle` anywhere, in any workspace. */
  rowsMentioning(needle: string): Promise<string[]>;
}
