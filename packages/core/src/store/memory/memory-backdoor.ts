import type { StoreBackdoor } from '../../testing/store-backdoor.js';
import { copyChannel, copyContact, copyEntry, copyMessage, copyToken } from './copy.js';
import { key, type MemoryTables } from './memory-tables.js';

const mentions = (row: unknown, needle: string) => JSON.stringify(row).includes(needle);

/** Reads the memory store's rows directly, bypassing its repositories, for `storeContract`. */
export function memoryBackdoor(t: MemoryTables): StoreBackdoor {
  return {
    async contact(workspaceId, id) {
      const row = t.contacts.get(id);
      return row && row.workspaceId === workspaceId ? copyContact(row) : null;
    },
    async subscriptionChannelIds(workspaceId, contactId) {
      return [...(t.subscriptions.get(key(workspaceId, contactId))?.keys() ?? [])].sort();
    },
    async ledger(workspaceId) {
      return t.ledger.filter((e) => e.workspaceId === workspaceId).map(copyEntry);
    },
    async token(workspaceId, token) {
      const row = t.tokens.get(key(workspaceId, token));
      return row ? copyToken(row) : null;
    },
    async messages(workspaceId, contactId) {
      const ids = t.messagesByContact.get(contactId) ?? [];
      return ids
        .map((id) => t.messages.get(id)!)
        .filter((m) => m.workspaceId === workspaceId)
        .map(copyMessage);
    },
    async channel(workspaceId, id) {
      const row = t.channels.get(id);
      return row && row.workspaceId === workspaceId ? copyChannel(row) : null;
    },
    async ruleSet(workspaceId) {
      const row = t.rules.ruleSets.get(workspaceId);
      return row ? structuredClone(row) : null;
    },
    async forwards(workspaceId) {
      return [...t.rules.forwards.values()]
        .filter((f) => f.workspaceId === workspaceId)
        .map((f) => ({ ...f }));
    },
    async rowsMentioning(needle) {
      const hits: string[] = [];
      const scan = (table: string, rows: Iterable<unknown>) => {
        for (const row of rows) if (mentions(row, needle)) hits.push(table);
      };
      scan('contacts', t.contacts.values());
      scan('contact_addresses', t.contactByAddress.keys());
      scan('channels', t.channels.values());
      scan(
        'subscriptions',
        [...t.subscriptions.entries()].map(([k, v]) => [k, [...v.values()]]),
      );
      scan('consent_ledger', t.ledger);
      scan('optin_tokens', t.tokens.values());
      scan('messages', t.messages.values());
      scan('rate_limits', t.rateLimits.keys());
      scan('forwards', t.rules.forwards.values());
      const o = t.outbox;
      scan('broadcasts', o.broadcasts.values());
      scan(
        'deliveries',
        [...o.deliveries.values()].map((d) => d.row),
      );
      scan('pacing', [...o.recipientNext.keys(), ...o.senderNext.keys()]);
      scan(
        'daily_recipients',
        [...o.daily.entries()].map(([k, v]) => [k, [...v]]),
      );
      scan('links', o.links.values());
      scan('link_clicks', o.clicks);
      scan(
        'broadcast_messages',
        [...o.broadcastMessages.values()].flatMap((m) => [...m.keys()]),
      );
      scan('conversations', t.inbox.conversations.values());
      scan(
        'agents',
        [...t.inbox.agents.values()].map((a) => a.agent),
      );
      scan('canned_answers', t.inbox.canned.values());

      return hits;
    },
  };
}
