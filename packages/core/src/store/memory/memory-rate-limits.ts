import type { RateLimitRepository } from '../../ports/store.js';
import { key, type MemoryTables } from './memory-tables.js';

/** GCRA: one "theoretical arrival time" per key; a burst of `limit` fits in one window. */
export function memoryRateLimits(t: MemoryTables): RateLimitRepository {
  let sinceSweep = 0;
  return {
    async consume(workspaceId, bucket, rule, now) {
      const k = key(workspaceId, bucket);
      const interval = rule.windowMs / rule.limit;
      const tolerance = rule.windowMs - interval;
      const tat = Math.max(t.rateLimits.get(k) ?? now, now);
      if (tat - now > tolerance) return { allowed: false, retryAfterMs: Math.ceil(tat - now - tolerance) };
      t.rateLimits.set(k, tat + interval);
      if (++sinceSweep >= 10_000) {
        sinceSweep = 0;
        for (const [k2, v] of t.rateLimits) if (v <= now) t.rateLimits.delete(k2);
      }
      return { allowed: true, retryAfterMs: 0 };
    },
  };
}
