import type { RateLimitRepository } from '@tidings/core';
import type { Db } from '../db/queryable.js';

/**
 * GCRA in one statement: the bucket's "theoretical arrival time" moves on only when the unit fits, under the
 * row lock of the upsert, so concurrent callers across processes are counted exactly.
 */
export function postgresRateLimits(db: Db): RateLimitRepository {
  return {
    async consume(workspaceId, key, rule, now) {
      const interval = rule.windowMs / rule.limit;
      const tolerance = rule.windowMs - interval;
      const { rows } = await db.query<{ tat: number }>(
        `INSERT INTO rate_limits AS r (workspace_id, key, tat) VALUES ($1, $2, $3::float8 + $4::float8)
         ON CONFLICT (workspace_id, key) DO UPDATE SET tat = GREATEST(r.tat, $3::float8) + $4::float8
           WHERE GREATEST(r.tat, $3::float8) - $3::float8 <= $5::float8
         RETURNING tat`,
        [workspaceId, key, now, interval, tolerance],
      );
      if (rows.length > 0) return { allowed: true, retryAfterMs: 0 };
      const current = await db.query<{ tat: number }>(
        'SELECT tat FROM rate_limits WHERE workspace_id = $1 AND key = $2',
        [workspaceId, key],
      );
      const tat = Number(current.rows[0]?.tat ?? now);
      return { allowed: false, retryAfterMs: Math.max(1, Math.ceil(tat - now - tolerance)) };
    },
  };
}
