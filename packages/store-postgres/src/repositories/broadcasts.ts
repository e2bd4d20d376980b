import type { Broadcast, BroadcastRepository } from '@tidings/core';
import { nanoid } from 'nanoid';
import { isUniqueViolation } from '../db/errors.js';
import type { Db, Queryable } from '../db/queryable.js';
import { encodeContent, type Row, toBroadcast, toContact } from '../rows.js';
import { audienceCondition, audienceParams } from './audience-filter.js';
import { fanOutChunk, outgrewStatistics } from './fan-out.js';

const WRITE = `UPDATE broadcasts SET name = $3, status = $4, content = $5, audience = $6, scheduled_at = $7,
  tracking = $8, reference_id = $9, spread_ms = $10, fanout_cursor = $11, fanout_done = $12, fanout_total = $13,
  fanout_lease_until = $14, updated_at = $15, started_at = $16, completed_at = $17, cancelled_count = $18
WHERE workspace_id = $1 AND id = $2 RETURNING *`;

const writeParams = (b: Broadcast) => [
  b.workspaceId,
  b.id,
  b.name,
  b.status,
  JSON.stringify(encodeContent(b.content)),
  JSON.stringify(b.audience),
  b.scheduledAt,
  b.tracking,
  b.referenceId,
  b.spreadMs,
  b.fanout.cursor,
  b.fanout.done,
  b.fanout.total,
  b.fanout.leaseUntil,
  b.updatedAt,
  b.startedAt,
  b.completedAt,
  b.cancelledCount,
];

async function lockBroadcast(q: Queryable, workspaceId: string, id: string): Promise<Broadcast | null> {
  const { rows } = await q.query<Row>(
    'SELECT * FROM broadcasts WHERE workspace_id = $1 AND id = $2 FOR UPDATE',
    [workspaceId, id],
  );
  return rows[0] ? toBroadcast(rows[0]) : null;
}

export function postgresBroadcasts(db: Db): BroadcastRepository {
  return {
    async create(b) {
      // The same parameters as an update (id and workspace first), with the creation time last.
      const { rows } = await db.query<Row>(
        `INSERT INTO broadcasts (workspace_id, id, name, status, content, audience, scheduled_at, tracking,
           reference_id, spread_ms, fanout_cursor, fanout_done, fanout_total, fanout_lease_until, updated_at,
           started_at, completed_at, cancelled_count, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19) RETURNING *`,
        [...writeParams({ ...b, id: nanoid() }), b.createdAt],
      );
      return toBroadcast(rows[0]!);
    },

    async get(workspaceId, id) {
      const { rows } = await db.query<Row>('SELECT * FROM broadcasts WHERE workspace_id = $1 AND id = $2', [
        workspaceId,
        id,
      ]);
      return rows[0] ? toBroadcast(rows[0]) : null;
    },

    async update(workspaceId, id, patch, at) {
      return db.tx(async (q) => {
        const row = await lockBroadcast(q, workspaceId, id);
        if (!row) return null;
        const next: Broadcast = { ...row, ...structuredClone(patch), updatedAt: at } as Broadcast;
        const { rows } = await q.query<Row>(WRITE, writeParams(next));
        return toBroadcast(rows[0]!);
      });
    },

    async transition(workspaceId, id, from, to, at) {
      const { rows } = await db.query<Row>(
        `UPDATE broadcasts SET status = $4, updated_at = $5
         WHERE workspace_id = $1 AND id = $2 AND status = ANY($3::text[]) RETURNING *`,
        [workspaceId, id, from, to, at],
      );
      return rows[0] ? toBroadcast(rows[0]) : null;
    },

    async list(workspaceId, query) {
      const { rows } = await db.query<Row>(
        `SELECT * FROM broadcasts b WHERE workspace_id = $1 AND ($2::text IS NULL OR status = $2)
           AND ($3::text IS NULL OR (created_at, seq) < (SELECT created_at, seq FROM broadcasts WHERE id = $3))
         ORDER BY created_at DESC, seq DESC LIMIT $4`,
        [workspaceId, query.status ?? null, query.cursor ?? null, query.limit + 1],
      );
      const items = rows.slice(0, query.limit).map(toBroadcast);
      return { items, nextCursor: rows.length > query.limit ? (items.at(-1)?.id ?? null) : null };
    },

    async claimFanOut(workspaceId, now, leaseMs) {
      // The UPDATE's row lock decides between workers: a second one re-checks the lease and skips the row.
      const { rows } = await db.query<Row>(
        `UPDATE broadcasts SET status = 'sending', started_at = COALESCE(started_at, $2), updated_at = $2,
           fanout_lease_until = $2::float8 + $3::float8
         WHERE workspace_id = $1 AND (
           (status = 'scheduled' AND scheduled_at <= $2)
           OR (status = 'sending' AND NOT fanout_done AND COALESCE(fanout_lease_until, 0) <= $2))
         RETURNING *`,
        [workspaceId, now, leaseMs],
      );
      return rows.map(toBroadcast);
    },

    async fanOut(workspaceId, broadcastId, options) {
      const chunkOnce = (guarded: boolean) =>
        db.tx(async (q) => {
          // The row lock makes chunks of one broadcast take turns; the cursor is saved before it is released.
          const row = await lockBroadcast(q, workspaceId, broadcastId);
          if (row?.status !== 'sending') return null;
          if (row.fanout.done)
            return { inserted: 0, nextCursor: null, before: row.fanout.total, ended: false };
          const { inserted, nextCursor } = await fanOutChunk(q, row, options, guarded);
          await q.query(
            `UPDATE broadcasts SET fanout_cursor = $3, fanout_done = $4, fanout_total = fanout_total + $5,
             fanout_lease_until = $6, updated_at = $7
           WHERE workspace_id = $1 AND id = $2`,
            [
              workspaceId,
              broadcastId,
              nextCursor,
              nextCursor === null,
              inserted,
              nextCursor === null ? null : options.now + options.leaseMs,
              options.now,
            ],
          );
          return { inserted, nextCursor, before: row.fanout.total, ended: nextCursor === null };
        });
      // A contact already in the outbox for this broadcast fails the plain insert on the unique index (which the
      // lock and the cursor make impossible, short of rows written behind the store's back): the chunk is then
      // made again, skipping such contacts.
      const chunk = await chunkOnce(false).catch((error: unknown) => {
        if (isUniqueViolation(error)) return chunkOnce(true);
        throw error;
      });
      if (chunk === null) return null;
      if (outgrewStatistics(chunk.before, chunk.inserted, chunk.ended)) {
        await db.query('ANALYZE deliveries');
      }
      return { inserted: chunk.inserted, nextCursor: chunk.nextCursor };
    },

    async nextFanOutAt(workspaceId) {
      const { rows } = await db.query<{ at: number | null }>(
        `SELECT min(CASE WHEN status = 'scheduled' THEN scheduled_at ELSE COALESCE(fanout_lease_until, 0) END) AS at
         FROM broadcasts
         WHERE workspace_id = $1 AND (status = 'scheduled' OR (status = 'sending' AND NOT fanout_done))`,
        [workspaceId],
      );
      const at = rows[0]?.at;
      return at === null || at === undefined ? null : Number(at);
    },

    async completeIfDone(workspaceId, broadcastId, at) {
      const { rowCount } = await db.query(
        `UPDATE broadcasts SET status = 'completed', completed_at = $3, updated_at = $3
         WHERE workspace_id = $1 AND id = $2 AND status = 'sending' AND fanout_done
           AND NOT EXISTS (SELECT 1 FROM deliveries WHERE broadcast_id = $2 AND workspace_id = $1)`,
        [workspaceId, broadcastId, at],
      );
      return rowCount === 1;
    },

    async audience(workspaceId, audience, query) {
      const { rows } = await db.query<Row>(
        `SELECT c.* FROM contacts c
         WHERE c.workspace_id = $1 AND ($2::bigint IS NULL OR c.seq > $2::bigint) AND ${audienceCondition(4, '$1')}
         ORDER BY c.seq LIMIT $3`,
        [workspaceId, query.cursor ?? null, query.limit + 1, ...audienceParams(audience, null)],
      );
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      return {
        items: page.map(toContact),
        nextCursor: rows.length > query.limit && last ? String(last.seq) : null,
      };
    },
  };
}
