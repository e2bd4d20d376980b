import { type OptinToken, tokenStatus } from '../../model/optin-token.js';
import type { OptinTokenRepository } from '../../ports/store.js';
import { copyToken } from './copy.js';
import { key, type MemoryTables } from './memory-tables.js';

export function memoryTokens(t: MemoryTables): OptinTokenRepository {
  return {
    async insert(token) {
      t.tokens.set(key(token.workspaceId, token.token), copyToken(token));
    },
    async get(workspaceId, token) {
      const row = t.tokens.get(key(workspaceId, token));
      return row ? copyToken(row) : null;
    },
    async consume(workspaceId, token, contactId, at) {
      const row = t.tokens.get(key(workspaceId, token));
      if (!row || tokenStatus(row, at) !== 'pending') return false;
      t.tokens.set(key(workspaceId, token), { ...row, usedAt: at, usedByContactId: contactId });
      return true;
    },
    async revokeForContact(workspaceId, contactId, at) {
      let count = 0;
      for (const [k, row] of t.tokens) {
        if (
          row.workspaceId !== workspaceId ||
          row.contactId !== contactId ||
          tokenStatus(row, at) !== 'pending'
        )
          continue;
        t.tokens.set(k, { ...row, revokedAt: at });
        count++;
      }
      return count;
    },
    async latestPendingForContact(workspaceId, contactId, at) {
      let latest: OptinToken | null = null;
      for (const row of t.tokens.values()) {
        if (
          row.workspaceId !== workspaceId ||
          row.contactId !== contactId ||
          tokenStatus(row, at) !== 'pending'
        )
          continue;
        if (!latest || row.createdAt >= latest.createdAt) latest = row;
      }
      return latest ? copyToken(latest) : null;
    },
  };
}
