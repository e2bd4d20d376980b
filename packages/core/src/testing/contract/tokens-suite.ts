import { describe, expect, it } from 'vitest';
import { freshWorkspace, T0, tokenRow } from '../contract-fixtures.js';
import type { ContractSubject } from '../store-contract.js';

export function tokenSuite(get: ContractSubject): void {
  describe('opt-in tokens', () => {
    it('stores a token with every field and uses it exactly once', async () => {
      const { store, backdoor } = get();
      const ws = freshWorkspace();
      const token = tokenRow(ws, { address: '+4915100000400', channels: ['news', 'sport'] });
      await store.optinTokens.insert(token);
      expect(await backdoor.token(ws, token.token)).toEqual(token);
      const attempts = await Promise.all(
        Array.from({ length: 5 }, () => store.optinTokens.consume(ws, token.token, 'c1', T0 + 10)),
      );
      expect(attempts.filter(Boolean)).toHaveLength(1);
      expect(await backdoor.token(ws, token.token)).toMatchObject({ usedAt: T0 + 10, usedByContactId: 'c1' });
      expect(await store.optinTokens.get(freshWorkspace(), token.token)).toBeNull();
    });

    it('refuses an expired or revoked token, and finds the newest pending one of a contact', async () => {
      const { store } = get();
      const ws = freshWorkspace();
      const old = tokenRow(ws, { contactId: 'c', createdAt: T0 });
      const newer = tokenRow(ws, { contactId: 'c', createdAt: T0 + 5 });
      const expired = tokenRow(ws, { contactId: 'c', createdAt: T0 + 9, expiresAt: T0 + 10 });
      for (const t of [old, newer, expired]) await store.optinTokens.insert(t);
      expect(await store.optinTokens.consume(ws, expired.token, 'c', T0 + 10)).toBe(false);
      expect((await store.optinTokens.latestPendingForContact(ws, 'c', T0 + 20))?.token).toBe(newer.token);
      expect(await store.optinTokens.revokeForContact(ws, 'c', T0 + 20)).toBe(2);
      expect(await store.optinTokens.consume(ws, old.token, 'c', T0 + 21)).toBe(false);
      expect((await store.optinTokens.get(ws, old.token))?.revokedAt).toBe(T0 + 20);
      expect(await store.optinTokens.latestPendingForContact(ws, 'c', T0 + 21)).toBeNull();
    });
  });
}
