import type { PacingRepository } from '@tidings/core';
import type { Db } from '../db/queryable.js';

// float8 takes Infinity, but not every driver sends it; a horizon this far is the same thing.
const finite = (ms: number) => (Number.isFinite(ms) ? ms : 1e300);

/** Reservations are single calls of the functions in migration 2: atomic across processes (invariant 3). */
export function postgresPacing(db: Db): PacingRepository {
  return {
    async reserve(workspaceId, r) {
      const { rows } = await db.query<{ at: number; reserved: boolean }>(
        'SELECT at, reserved FROM tidings_pacing_reserve($1, $2, $3, $4, $5, $6, $7, $8)',
        [
          workspaceId,
          r.senderKey,
          r.senderIntervalMs,
          r.recipientKey,
          r.recipientGapMs,
          r.now,
          finite(r.horizonMs),
          r.waited,
        ],
      );
      const row = rows[0]!;
      return { at: Number(row.at), reserved: row.reserved };
    },
    async admitDaily(workspaceId, senderKey, recipientKey, day, cap) {
      const { rows } = await db.query<{ admitted: boolean }>(
        'SELECT tidings_admit_daily($1, $2, $3, $4, $5) AS admitted',
        [workspaceId, senderKey, recipientKey, day, cap],
      );
      return rows[0]!.admitted;
    },
  };
}
