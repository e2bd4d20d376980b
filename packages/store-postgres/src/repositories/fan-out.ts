import type { Broadcast, FanOutOptions } from '@tidings/core';
import type { Queryable } from '../db/queryable.js';
import { audienceCondition, audienceParams } from './audience-filter.js';

/**
 * One chunk of a broadcast's fan-out, server-side: the next `limit` contacts by `seq` after the cursor are
 * examined and the eligible ones become deliveries in a single `INSERT … SELECT`. The caller holds the broadcast's
 * row lock and saves the returned cursor in the same transaction. The unique (broadcast, contact) index is the
 * second guard against a contact fanned out twice: a plain insert fails on it, and the `guarded` one made again
 * after such a failure skips those contacts (`ON CONFLICT DO NOTHING`, which costs a sixth of the insert's speed
 * on every row when there is nothing to skip).
 */
// Within the spread, each recipient's moment comes from a hash of (contact, broadcast): spread out, and the same
// on a retried chunk.
const DUE = `($5::float8 + CASE WHEN $7::float8 > 0
  THEN floor((hashtext(c.id || $4)::bigint & 2147483647) / 2147483648.0 * $7::float8) ELSE 0 END)`;

export async function fanOutChunk(
  q: Queryable,
  b: Broadcast,
  options: FanOutOptions,
  guarded: boolean,
): Promise<{ inserted: number; nextCursor: string | null }> {
  const after = b.fanout.cursor === null ? 0 : Number(b.fanout.cursor);
  const bound = await q.query<{ seq: string }>(
    `SELECT seq FROM contacts WHERE workspace_id = $1 AND seq > $2 ORDER BY seq OFFSET $3 LIMIT 1`,
    [b.workspaceId, after, Math.max(0, options.limit - 1)],
  );
  const upTo = bound.rows[0] ? Number(bound.rows[0].seq) : null;
  const startedAt = b.startedAt ?? options.now;
  const { rowCount } = await q.query(
    `INSERT INTO deliveries (workspace_id, broadcast_id, message_id, contact_id, transport, sender_id, address,
       lane, purpose, in_reply_to, attempts, not_before, due_at, slot_at, use_template, last_error, created_at,
       from_fanout)
     SELECT c.workspace_id, $4, NULL, c.id, c.transport, c.sender_id, c.address, 1, 'broadcast', NULL, 0,
       ${DUE}, ${DUE}, NULL, false, NULL, $5, true
     FROM contacts c
     WHERE c.workspace_id = $1 AND c.seq > $2::bigint AND ($3::bigint IS NULL OR c.seq <= $3::bigint)
       AND c.state = 'confirmed' AND c.blocked_at IS NULL AND c.created_at <= $6
       AND ${audienceCondition(8, '$1')}
     ORDER BY c.seq
     ${guarded ? 'ON CONFLICT (broadcast_id, contact_id) WHERE from_fanout DO NOTHING' : ''}`,
    [
      b.workspaceId,
      after,
      upTo,
      b.id,
      options.now,
      startedAt,
      b.spreadMs,
      ...audienceParams(b.audience, startedAt),
    ],
  );
  return { inserted: rowCount, nextCursor: upTo === null ? null : String(upTo) };
}

const LARGE_FAN_OUT = 10_000;

/**
 * Whether a chunk leaves the outbox too different from what the planner last saw: once when a fan-out passes
 * {@link LARGE_FAN_OUT} rows and again when a large one ends (`ended`: this chunk was its last, even an empty one
 * after a chunk that ended exactly at the last contact). Autovacuum analyses a grown table only a minute or
 * so later; until then the planner takes the outbox for the few rows it held before, and finishing a batch of
 * deliveries by primary key turns into a scan of the whole table (1.8 ms became 26 ms a batch at 200,000 rows).
 */
export function outgrewStatistics(before: number, inserted: number, ended: boolean): boolean {
  const after = before + inserted;
  if (after < LARGE_FAN_OUT) return false;
  return before < LARGE_FAN_OUT || ended;
}
