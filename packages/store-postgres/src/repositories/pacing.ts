import type { PacingRepository, SlotRequest } from '@tidings/core';

import type { Db } from '../db/queryable.js';

// float8 takes Infinity, but not every driver sends it; a horizon this far is the same thing.
const finite = (ms: number) => (Number.isFinite(ms) ? ms : 1e300);

/**
 * The pacing rows a batch touches, each once ('r:' recipient gap, 's:' sender slot, 'w:' sender's waiting line),
 * and for each request the 1-based places of its three rows in that list (migration 8).
 */
function rowKeys(requests: readonly SlotRequest[]) {
  const keys: string[] = [];
  const places = new Map<string, number>();
  const place = (key: string) => {
    let p = places.get(key);
    if (p === undefined) {
      p = keys.push(key);
      places.set(key, p);
    }
    return p;
  };
  const rpos = new Array<number>(requests.length);
  const spos = new Array<number>(requests.length);
  const wpos = new Array<number>(requests.length);
  for (let i = 0; i < requests.length; i++) {
    const r = requests[i]!;
    rpos[i] = place(`r:${r.recipientKey}`);
    spos[i] = place(`s:${r.senderKey}`);
    wpos[i] = place(`w:${r.senderKey}`);
  }
  return { keys, rpos, spos, wpos };
}

/** Reservations are single calls of the functions in migrations 2 and 8: atomic across processes (invariant 3). */
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
      const { keys, rpos, spos, wpos } = rowKeys(requests);
      const { rows } = await db.query<{ at: number[]; reserved: boolean[] }>(
        'SELECT at, reserved FROM tidings_pacing_reserve_keyed($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)',
        [
          workspaceId,
          keys,
          rpos,
          spos,
          wpos,
          requests.map((r) => r.senderIntervalMs),
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
