import type { BroadcastOutcomes, Message, MessageRepository, NewMessage } from '@tidings/core';
import { nanoid } from 'nanoid';
import type { Db } from '../db/queryable.js';
import { encodeContent, type Row, toMessage } from '../rows.js';

const COLUMNS = `id, workspace_id, contact_id, transport, sender_id, direction, kind, purpose, content,
  provider_message_id, status, error, at, in_reply_to, broadcast_id, agent_id`;

export const messageParams = (m: NewMessage, id: string) => [
  id,
  m.workspaceId,
  m.contactId,
  m.transport,
  m.senderId,
  m.direction,
  m.kind,
  m.purpose,
  JSON.stringify(encodeContent(m.content)),
  m.providerMessageId,
  m.status,
  m.error,
  m.at,
  m.inReplyTo,
  m.broadcastId,
  m.agentId ?? null,
];

const SENT = ['sent', 'delivered', 'read'];

export function postgresMessages(db: Db): MessageRepository {
  return {
    async insert(message) {
      // A replayed inbound message hits the unique index on its provider id and inserts nothing.
      // A message without a broadcast moves its conversation on (the contact's inbox columns), in the same
      // statement; an inbound one adds an unread.
      const { rows } = await db.query<Row>(
        `WITH m AS (
           INSERT INTO messages (${COLUMNS})
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
           ON CONFLICT (workspace_id, transport, provider_message_id) WHERE direction = 'in' DO NOTHING
           RETURNING *
         ), conversation AS (
           UPDATE contacts c SET
             last_activity_at = GREATEST(c.last_activity_at, m.at),
             last_message_id = CASE WHEN c.last_activity_at IS NULL OR m.at >= c.last_activity_at
               THEN m.id ELSE c.last_message_id END,
             unread_count = c.unread_count + CASE WHEN m.direction = 'in' THEN 1 ELSE 0 END
           FROM m WHERE m.broadcast_id IS NULL AND c.workspace_id = m.workspace_id AND c.id = m.contact_id
         )
         SELECT * FROM m`,
        messageParams(message, nanoid()),
      );
      return rows[0] ? toMessage(rows[0]) : null;
    },

    async updateStatus(workspaceId, id, patch) {
      await db.query(
        `UPDATE messages SET status = $3,
           error = CASE WHEN $4::boolean THEN $5 ELSE error END,
           provider_message_id = CASE WHEN $6::boolean THEN $7 ELSE provider_message_id END
         WHERE workspace_id = $1 AND id = $2`,
        [
          workspaceId,
          id,
          patch.status,
          patch.error !== undefined,
          patch.error ?? null,
          patch.providerMessageId !== undefined,
          patch.providerMessageId ?? null,
        ],
      );
    },

    async get(workspaceId, id) {
      const { rows } = await db.query<Row>('SELECT * FROM messages WHERE workspace_id = $1 AND id = $2', [
        workspaceId,
        id,
      ]);
      return rows[0] ? toMessage(rows[0]) : null;
    },

    async findOutboundByProviderId(workspaceId, transport, providerMessageId) {
      const { rows } = await db.query<Row>(
        `SELECT * FROM messages
         WHERE workspace_id = $1 AND transport = $2 AND provider_message_id = $3 AND direction = 'out'
         ORDER BY seq DESC LIMIT 1`,
        [workspaceId, transport, providerMessageId],
      );
      return rows[0] ? toMessage(rows[0]) : null;
    },

    async listByContact(workspaceId, contactId, query) {
      const { rows } = await db.query<Row>(
        `SELECT * FROM messages WHERE workspace_id = $1 AND contact_id = $2
           AND ($3::text IS NULL OR seq < (SELECT seq FROM messages WHERE id = $3))
         ORDER BY seq DESC LIMIT $4`,
        [workspaceId, contactId, query.cursor ?? null, query.limit + 1],
      );
      const items: Message[] = rows.slice(0, query.limit).map(toMessage);
      return { items, nextCursor: rows.length > query.limit ? (items.at(-1)?.id ?? null) : null };
    },

    async broadcastOutcomes(workspaceId, broadcastId) {
      const { rows } = await db.query<{ status: string; error: string | null; n: string }>(
        `SELECT status, error, count(*) AS n FROM messages WHERE broadcast_id = $2 AND workspace_id = $1
         GROUP BY status, error`,
        [workspaceId, broadcastId],
      );
      const byStatus: BroadcastOutcomes['byStatus'] = {};
      const reasons: Record<string, number> = {};
      for (const r of rows) {
        const status = r.status as Message['status'];
        const n = Number(r.n);
        byStatus[status] = (byStatus[status] ?? 0) + n;
        if ((status === 'failed' || status === 'skipped') && r.error)
          reasons[r.error] = (reasons[r.error] ?? 0) + n;
      }
      return { byStatus, reasons };
    },

    async broadcastTimesSince(workspaceId, contactId, since) {
      const { rows } = await db.query<{ at: number }>(
        `SELECT at FROM messages WHERE workspace_id = $1 AND contact_id = $2 AND direction = 'out'
           AND broadcast_id IS NOT NULL AND at > $3 AND status = ANY($4::text[])
         ORDER BY at`,
        [workspaceId, contactId, since, SENT],
      );
      return rows.map((r) => Number(r.at));
    },

    async findForBroadcast(workspaceId, broadcastId, contactId) {
      const { rows } = await db.query<Row>(
        `SELECT * FROM messages WHERE broadcast_id = $2 AND contact_id = $3 AND workspace_id = $1
         ORDER BY seq DESC LIMIT 1`,
        [workspaceId, broadcastId, contactId],
      );
      return rows[0] ? toMessage(rows[0]) : null;
    },
  };
}
