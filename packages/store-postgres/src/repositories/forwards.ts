import type { Forward, ForwardRepository } from '@tidings/core';
import { nanoid } from 'nanoid';
import type { Db } from '../db/queryable.js';
import type { Row } from '../rows.js';

export const toForward = (r: Row): Forward => ({
  id: r.id as string,
  workspaceId: r.workspace_id as string,
  contactId: (r.contact_id as string | null) ?? null,
  via: r.via as Forward['via'],
  target: r.target as string,
  body: r.body as string,
  status: r.status as Forward['status'],
  attempts: Number(r.attempts),
  nextAttemptAt: Number(r.next_attempt_at),
  leaseUntil: r.lease_until === null ? null : Number(r.lease_until),
  lastError: (r.last_error as string | null) ?? null,
  createdAt: Number(r.created_at),
  updatedAt: Number(r.updated_at),
});

/** A held lease makes a forward due when it runs out. */
const DUE = 'GREATEST(next_attempt_at, COALESCE(lease_until, 0))';

export function postgresForwards(db: Db): ForwardRepository {
  const one = async (sql: string, params: unknown[]) => {
    const { rows } = await db.query<Row>(sql, params);
    return rows[0] ? toForward(rows[0]) : null;
  };
  return {
    async enqueue(f, at) {
      const { rows } = await db.query<Row>(
        `INSERT INTO forwards (id, workspace_id, contact_id, via, target, body, status, attempts, next_attempt_at,
           created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, 'queued', 0, $7, $7, $7) RETURNING *`,
        [nanoid(), f.workspaceId, f.contactId, f.via, f.target, f.body, at],
      );
      return toForward(rows[0]!);
    },
    async claimDue(workspaceId, now, limit, leaseMs) {
      const { rows } = await db.query<Row>(
        `WITH picked AS (
           SELECT id FROM forwards WHERE workspace_id = $1 AND status = 'queued' AND ${DUE} <= $2
           ORDER BY next_attempt_at, seq LIMIT $3 FOR UPDATE SKIP LOCKED
         )
         UPDATE forwards f SET lease_until = $2::float8 + $4::float8, attempts = attempts + 1, updated_at = $2
         FROM picked WHERE f.id = picked.id RETURNING f.*`,
        [workspaceId, now, limit, leaseMs],
      );
      return rows
        .sort(
          (a, b) => Number(a.next_attempt_at) - Number(b.next_attempt_at) || Number(a.seq) - Number(b.seq),
        )
        .map(toForward);
    },
    async complete(workspaceId, id) {
      await db.query('DELETE FROM forwards WHERE workspace_id = $1 AND id = $2', [workspaceId, id]);
    },
    fail: (workspaceId, id, outcome, at) =>
      one(
        `UPDATE forwards SET status = CASE WHEN $3::float8 IS NULL THEN 'failed' ELSE 'queued' END,
           next_attempt_at = COALESCE($3::float8, next_attempt_at), lease_until = NULL, last_error = $4,
           updated_at = $5
         WHERE workspace_id = $1 AND id = $2 RETURNING *`,
        [workspaceId, id, outcome.nextAttemptAt, outcome.error, at],
      ),
    retry: (workspaceId, id, at) =>
      one(
        `UPDATE forwards SET status = 'queued', next_attempt_at = $3, lease_until = NULL, updated_at = $3
         WHERE workspace_id = $1 AND id = $2 AND status = 'failed' RETURNING *`,
        [workspaceId, id, at],
      ),
    get: (workspaceId, id) =>
      one('SELECT * FROM forwards WHERE workspace_id = $1 AND id = $2', [workspaceId, id]),
    async list(workspaceId, query) {
      const { rows } = await db.query<Row>(
        `SELECT * FROM forwards WHERE workspace_id = $1 AND ($2::text IS NULL OR status = $2)
           AND ($3::text IS NULL OR seq > (SELECT seq FROM forwards WHERE id = $3))
         ORDER BY seq LIMIT $4`,
        [workspaceId, query.status ?? null, query.cursor ?? null, query.limit + 1],
      );
      const items = rows.slice(0, query.limit).map(toForward);
      return { items, nextCursor: rows.length > query.limit ? (items.at(-1)?.id ?? null) : null };
    },
    async nextDueAt(workspaceId) {
      const { rows } = await db.query<{ at: number | null }>(
        `SELECT min(${DUE}) AS at FROM forwards WHERE workspace_id = $1 AND status = 'queued'`,
        [workspaceId],
      );
      const at = rows[0]?.at;
      return at === null || at === undefined ? null : Number(at);
    },
  };
}
