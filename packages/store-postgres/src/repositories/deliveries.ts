import type { DeliveryRepository } from '@tidings/core';
import { nanoid } from 'nanoid';
import type { Db } from '../db/queryable.js';
import { encodeContent, LANE, type Row, toDelivery } from '../rows.js';
import { ClaimStarts } from './claim-start.js';
import { postgresDeliveryBatches } from './delivery-batches.js';

/**
 * A delivery may go when its broadcast is neither paused nor cancelled and its sender is not paused. The held ids
 * come as constant arrays ($H1, $H2, read just before): with sub-queries instead, the planner guesses that almost
 * no row passes and sorts every due row rather than reading the claim index in order.
 */
const notHeld = (
  broadcasts: string,
  senders: string,
) => `COALESCE(d.broadcast_id, '') <> ALL (${broadcasts}::text[])
  AND d.transport || chr(31) || d.sender_id <> ALL (${senders}::text[])`;

const HOLDS = `SELECT
  ARRAY(SELECT id FROM broadcasts WHERE workspace_id = $1 AND status IN ('paused', 'cancelled')) AS broadcasts,
  ARRAY(SELECT transport || chr(31) || sender_id FROM sender_states WHERE workspace_id = $1) AS senders,
  ARRAY(SELECT id FROM broadcasts WHERE workspace_id = $1 AND status = 'cancelled') AS cancelled`;

interface Holds {
  /** Paused or cancelled broadcasts, and paused senders: the parameters of `notHeld`. */
  held: [string[], string[]];
  cancelled: string[];
}

/** What is held now. */
async function holds(db: Db, workspaceId: string): Promise<Holds> {
  const { rows } = await db.query<{ broadcasts: string[]; senders: string[]; cancelled: string[] }>(HOLDS, [
    workspaceId,
  ]);
  const row = rows[0];
  return { held: [row?.broadcasts ?? [], row?.senders ?? []], cancelled: row?.cancelled ?? [] };
}

/** Priority lane first, then by due time: the order a single claim returns. */
const inClaimOrder = (a: Row, b: Row) =>
  Number(a.lane) - Number(b.lane) ||
  Number(a.not_before) - Number(b.not_before) ||
  (BigInt(String(a.id)) < BigInt(String(b.id)) ? -1 : 1);

/** Not leased, or its lease ran out (its worker died). */
const free = (now: string) => `(d.lease_until IS NULL OR d.lease_until <= ${now})`;

// A claim writes only the lease columns, which no index holds: the row is updated in place on its page (a HOT
// update) and no index gains an entry. (Moving due_at to the lease's end, as migration 1 did, added an entry to
// every index of the outbox for every claimed row.) The rows in flight stay at the front of the claim index and
// are read past: a worker's batches, far fewer than the dead entries a moving due_at left behind.
// The locked rows are updated where they were locked, by their physical address (a TID scan: one page read per
// row); found again by id, each cost a descent of the primary key (4 page reads). A row another claim updated
// between the lock and the update is not at that address for this statement's snapshot: it is left out of this
// claim, unchanged and free again at commit. Cancelled broadcasts come as ids ($8), so that the clean-up reads the
// broadcast index: as a join, the planner costed a scan of the whole outbox, which made PostgreSQL compile the
// statement to machine code (JIT) at every claim, 20 ms each.
const claimSql = (fromStart: boolean) => `WITH dropped AS (
  -- Leases of a cancelled broadcast's deliveries that ran out (their worker died): nobody will finish them.
  DELETE FROM deliveries d
  WHERE d.broadcast_id = ANY($8::text[]) AND d.workspace_id = $1 AND d.due_at <= $2 AND ${free('$2')}
), priority AS (
  SELECT d.ctid AS tid FROM deliveries d
  WHERE d.workspace_id = $1 AND d.lane = 0 AND d.due_at <= $2 AND ${free('$2')} AND ${notHeld('$6', '$7')}
  ORDER BY d.due_at, d.id LIMIT $3
  FOR UPDATE OF d SKIP LOCKED
), bulk AS (
  SELECT d.ctid AS tid FROM deliveries d
  WHERE d.workspace_id = $1 AND d.lane = 1 AND d.due_at <= $2 AND ${free('$2')} AND ${notHeld('$6', '$7')}
    ${fromStart ? '' : 'AND (d.due_at, d.id) >= ($9::float8, $10::bigint)'}
  ORDER BY d.due_at, d.id LIMIT ($3 - (SELECT count(*) FROM priority))
  FOR UPDATE OF d SKIP LOCKED
), claimed AS (
  UPDATE deliveries d SET lease_owner = $4, lease_until = $2::float8 + $5::float8
  WHERE d.ctid = ANY(ARRAY(SELECT tid FROM priority UNION ALL SELECT tid FROM bulk))
  RETURNING d.*
)
-- Priority lane first, then by due time (UPDATE … RETURNING keeps no order).
SELECT * FROM claimed d ORDER BY d.lane, d.not_before, d.id`;
const CLAIM_FROM_START = claimSql(true);
// The bulk lane read from where this process's last claim began (claim-start.ts).
const CLAIM_FROM = claimSql(false);

// The delivery leaves the outbox and its outcome enters the conversation in one statement.
const FINISH = `WITH done AS (
  DELETE FROM deliveries WHERE workspace_id = $1 AND id = $2 AND lease_owner = $3 RETURNING *
), queued AS (
  UPDATE messages m SET status = $4, provider_message_id = $5, error = $6
  FROM done WHERE done.message_id IS NOT NULL AND m.id = done.message_id AND m.workspace_id = $1
  RETURNING m.id
), recorded AS (
  INSERT INTO messages (id, workspace_id, contact_id, transport, sender_id, direction, kind, purpose, content,
    provider_message_id, status, error, at, in_reply_to, broadcast_id)
  SELECT $7, workspace_id, contact_id, transport, sender_id, 'out', 'message', purpose, $8::jsonb, $5, $4, $6, $9,
    in_reply_to, broadcast_id
  FROM done WHERE done.message_id IS NULL
  RETURNING id
)
SELECT (SELECT count(*) FROM done) AS finished`;

export function postgresDeliveries(db: Db): DeliveryRepository {
  const starts = new ClaimStarts();
  return {
    ...postgresDeliveryBatches(db),
    async enqueue(d) {
      const { rows } = await db.query<Row>(
        `INSERT INTO deliveries (workspace_id, broadcast_id, message_id, contact_id, transport, sender_id, address,
           lane, purpose, in_reply_to, attempts, not_before, due_at, slot_at, use_template, last_error, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12, $13, $14, $15, $16) RETURNING *`,
        [
          d.workspaceId,
          d.broadcastId,
          d.messageId,
          d.contactId,
          d.transport,
          d.senderId,
          d.address,
          LANE[d.lane],
          d.purpose,
          d.inReplyTo,
          d.attempts,
          d.notBefore,
          d.slotAt,
          d.useTemplate,
          d.lastError,
          d.createdAt,
        ],
      );
      return toDelivery(rows[0]!);
    },

    async claim(workspaceId, { owner, limit, now, leaseMs }) {
      const { held, cancelled } = await holds(db, workspaceId);
      const claimFrom = async (start: { due: number; id: string } | null, n: number) =>
        (
          await db.query<Row>(start ? CLAIM_FROM : CLAIM_FROM_START, [
            workspaceId,
            now,
            n,
            owner,
            leaseMs,
            ...held,
            cancelled,
            ...(start ? [start.due, start.id] : []),
          ])
        ).rows;
      const start = starts.from(workspaceId, now);
      let rows = await claimFrom(start, limit);
      let fromStart = start === null;
      if (!fromStart && rows.length < limit) {
        // Short: the rows passed over may be all that is left.
        fromStart = true;
        const more = await claimFrom(null, limit - rows.length);
        rows = rows.length === 0 ? more : [...rows, ...more].sort(inClaimOrder);
      }
      starts.claimed(workspaceId, now, fromStart, rows);
      return rows.map(toDelivery);
    },

    async retry(workspaceId, id, owner, r) {
      const { rowCount } = await db.query(
        `UPDATE deliveries SET not_before = $4, due_at = $4, lease_owner = NULL, lease_until = NULL,
           attempts = COALESCE($5, attempts),
           slot_at = CASE WHEN $6::boolean THEN $7 ELSE slot_at END,
           use_template = COALESCE($8, use_template),
           last_error = CASE WHEN $9::boolean THEN $10 ELSE last_error END,
           sender_id = COALESCE($11, sender_id)
         WHERE workspace_id = $1 AND id = $2 AND lease_owner = $3`,
        [
          workspaceId,
          id,
          owner,
          r.notBefore,
          r.attempts ?? null,
          r.slotAt !== undefined,
          r.slotAt ?? null,
          r.useTemplate ?? null,
          r.lastError !== undefined,
          r.lastError ?? null,
          r.senderId ?? null,
        ],
      );
      return rowCount === 1;
    },

    async finish(workspaceId, id, owner, outcome) {
      if (!/^\d+$/.test(id)) return false;
      const { rows } = await db.query<{ finished: string }>(FINISH, [
        workspaceId,
        id,
        owner,
        outcome.status,
        outcome.providerMessageId,
        outcome.error,
        nanoid(),
        JSON.stringify(encodeContent(outcome.content ?? {})),
        outcome.at,
      ]);
      return Number(rows[0]?.finished ?? 0) === 1;
    },

    async get(workspaceId, id) {
      if (!/^\d+$/.test(id)) return null;
      const { rows } = await db.query<Row>('SELECT * FROM deliveries WHERE workspace_id = $1 AND id = $2', [
        workspaceId,
        id,
      ]);
      return rows[0] ? toDelivery(rows[0]) : null;
    },

    async nextDueAt(workspaceId) {
      // The first row not in flight, per lane; then the first lease to run out. A leased row was due when it was
      // claimed, and its lease ends after that, so only leases of rows due before the first free row can end
      // sooner than it: the second part reads just that range of the claim index.
      const { rows } = await db.query<{ at: number | null }>(
        `WITH waiting AS (
           SELECT min(at) AS at FROM (
             (SELECT d.due_at AS at FROM deliveries d WHERE d.workspace_id = $1 AND d.lane = 0
                AND ${free('d.due_at')} AND ${notHeld('$2', '$3')}
              ORDER BY d.due_at LIMIT 1)
             UNION ALL
             (SELECT d.due_at AS at FROM deliveries d WHERE d.workspace_id = $1 AND d.lane = 1
                AND ${free('d.due_at')} AND ${notHeld('$2', '$3')}
              ORDER BY d.due_at LIMIT 1)
           ) due
         )
         SELECT LEAST((SELECT at FROM waiting), (
           SELECT min(d.lease_until) FROM deliveries d
           WHERE d.workspace_id = $1 AND d.lane IN (0, 1) AND d.lease_until > d.due_at
             AND d.due_at < COALESCE((SELECT at FROM waiting), 'Infinity'::float8) AND ${notHeld('$2', '$3')}
         )) AS at`,
        [workspaceId, ...(await holds(db, workspaceId)).held],
      );
      const at = rows[0]?.at;
      return at === null || at === undefined ? null : Number(at);
    },

    async countQueued(workspaceId, broadcastId) {
      const { rows } = await db.query<{ n: string }>(
        'SELECT count(*) AS n FROM deliveries WHERE broadcast_id = $2 AND workspace_id = $1',
        [workspaceId, broadcastId],
      );
      return Number(rows[0]?.n ?? 0);
    },

    async cancelBroadcast(workspaceId, broadcastId) {
      const { rowCount } = await db.query(
        'DELETE FROM deliveries WHERE broadcast_id = $2 AND workspace_id = $1 AND lease_owner IS NULL',
        [workspaceId, broadcastId],
      );
      return rowCount;
    },

    async moveSender(workspaceId, transport, from, to) {
      const { rowCount } = await db.query(
        `UPDATE deliveries SET sender_id = $4, slot_at = NULL
         WHERE workspace_id = $1 AND transport = $2 AND sender_id = $3 AND lease_owner IS NULL`,
        [workspaceId, transport, from, to],
      );
      return rowCount;
    },
  };
}
