import { describe, expect, it } from 'vitest';
import { freshWorkspace, T0 } from '../contract-fixtures.js';
import type { ContractSubject } from '../store-contract.js';

export function rateLimitSuite(get: ContractSubject): void {
  describe('rate limits', () => {
    it('allows a burst of `limit` per window, then says when to retry', async () => {
      const { store } = get();
      const ws = freshWorkspace();
      const rule = { limit: 3, windowMs: 60_000 };
      const results = [];
      for (let i = 0; i < 4; i++) results.push(await store.rateLimits.consume(ws, 'k', rule, T0));
      expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
      expect(results[3]!.retryAfterMs).toBe(20_000);
      expect((await store.rateLimits.consume(ws, 'k', rule, T0 + 20_000)).allowed).toBe(true);
      expect((await store.rateLimits.consume(ws, 'k', rule, T0 + 20_001)).allowed).toBe(false);
      expect((await store.rateLimits.consume(freshWorkspace(), 'k', rule, T0)).allowed).toBe(true);
      expect((await store.rateLimits.consume(ws, 'other', rule, T0)).allowed).toBe(true);
    });

    it('holds under concurrent use', async () => {
      const { store } = get();
      const ws = freshWorkspace();
      const results = await Promise.all(
        Array.from({ length: 20 }, () => store.rateLimits.consume(ws, 'k', { limit: 5, windowMs: 1000 }, T0)),
      );
      expect(results.filter((r) => r.allowed)).toHaveLength(5);
    });
  });
}
