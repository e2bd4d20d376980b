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
    async reserveMany(workspaceId, requests) {
      if (requests.length === 0) return [];
      const { rows } = await db.query<{ at: number[]; reserved: boolean[] }>(
        'SELECT at, reserved FROM tidings_pacing_reserve_many($1, $2, $3, $4, $5, $6, $7, $8)',
        [
          workspaceId,
          requests.map((r) => r.senderKey),
          requests.map((r) => r.senderIntervalMs),
          requests.map((r) => r.recipientKey),
          requests.map((r) => r.recipientGapMs),
          requests.map((r) => r.now),
          requests.map((r) => finite(r.horizonMs)),
          requests.map((r) => r.waited),
        ],
      );
      const { at, reserved } = rows[0]!;
      return requests.map((_, i) => ({ at: Number(at[i]), reserved: reserved[i] === true }));
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
