import {
  type Contact,
  type ContactRepository,
  type NewContactInput,
  pickSender,
  TidingsError,
} from '@tidings/core';
import { nanoid } from 'nanoid';
import type { Db, Queryable } from '../db/queryable.js';
import { CONTACT_COLUMNS, type Row, toContact } from '../rows.js';
import { eraseContact } from './erase.js';

/** Between the ids of a batch sent as one string (no generated id holds it). */
const SEPARATOR = '\u001f';

const INSERT = `INSERT INTO contacts (id, workspace_id, transport, address, phone, name, locale, sender_id, state,
  blocked_at, blocked_reason, attributes, tags, created_at, updated_at, last_inbound_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14, $15)
ON CONFLICT (workspace_id, transport, address) DO NOTHING
RETURNING *`;

const FIND = 'SELECT * FROM contacts WHERE workspace_id = $1 AND transport = $2 AND address = $3';

async function countBySender(q: Queryable, workspaceId: string, transport: string) {
  const { rows } = await q.query<{ sender_id: string; n: string }>(
    'SELECT sender_id, count(*) AS n FROM contacts WHERE workspace_id = $1 AND transport = $2 GROUP BY sender_id',
    [workspaceId, transport],
  );
  return new Map(rows.map((r) => [r.sender_id, Number(r.n)]));
}

async function insertContact(q: Queryable, input: NewContactInput, senderId: string, at: number) {
  const inserted = await q.query<Row>(INSERT, [
    nanoid(),
    input.workspaceId,
    input.transport,
    input.address,
    input.phone,
    input.name,
    input.locale,
    senderId,
    input.state,
    input.blockedAt,
    input.blockedReason,
    JSON.stringify(input.attributes),
    input.tags,
    at,
    input.lastInboundAt,
  ]);
  if (inserted.rows[0]) return { contact: toContact(inserted.rows[0]), created: true };
  // Another caller created it between our look and our insert (ON CONFLICT waited for its commit).
  const winner = await q.query<Row>(FIND, [input.workspaceId, input.transport, input.address]);
  return { contact: toContact(winner.rows[0]!), created: false };
}

export function postgresContacts(db: Db): ContactRepository {
  return {
    async getOrCreate(input, choice, at) {
      const known = await db.query<Row>(FIND, [input.workspaceId, input.transport, input.address]);
      if (known.rows[0]) return { contact: toContact(known.rows[0]), created: false };
      if ('senderId' in choice) return insertContact(db, input, choice.senderId, at);
      return db.tx(async (q) => {
        // Pool assignment counts and inserts under one lock per (workspace, transport), so capacities hold.
        await q.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
          `contacts:${input.workspaceId}:${input.transport}`,
        ]);
        const again = await q.query<Row>(FIND, [input.workspaceId, input.transport, input.address]);
        if (again.rows[0]) return { contact: toContact(again.rows[0]), created: false };
        const senderId = pickSender(choice.pool, await countBySender(q, input.workspaceId, input.transport));
        if (senderId === null) return { contact: null, poolFull: true as const };
        return insertContact(q, input, senderId, at);
      });
    },

    async get(workspaceId, id) {
      const { rows } = await db.query<Row>('SELECT * FROM contacts WHERE workspace_id = $1 AND id = $2', [
        workspaceId,
        id,
      ]);
      return rows[0] ? toContact(rows[0]) : null;
    },

    async getMany(workspaceId, ids) {
      if (ids.length === 0) return [];
      // The ids as one string unless one holds the separator (a dispatcher's batch reads a thousand): either way
      // the list becomes a constant array, and the primary key finds the rows.
      const joined = ids.some((id) => id.includes(SEPARATOR)) ? null : ids.join(SEPARATOR);
      const { rows } = await db.query<Row>(
        `SELECT ${CONTACT_COLUMNS} FROM contacts
         WHERE workspace_id = $1 AND id = ANY(COALESCE(string_to_array($2::text, chr(31)), $3::text[]))`,
        [workspaceId, joined, joined === null ? ids : null],
      );
      return rows.map(toContact);
    },

    async findByAddress(workspaceId, transport, address) {
      const { rows } = await db.query<Row>(FIND, [workspaceId, transport, address]);
      return rows[0] ? toContact(rows[0]) : null;
    },

    async update(workspaceId, id, patch, at) {
      return db.tx(async (q) => {
        const { rows } = await q.query<Row>(
          'SELECT * FROM contacts WHERE workspace_id = $1 AND id = $2 FOR UPDATE',
          [workspaceId, id],
        );
        if (!rows[0]) throw new TidingsError('NOT_FOUND', `No contact ${id}.`);
        const next: Contact = { ...toContact(rows[0]), ...patch, updatedAt: at } as Contact;
        const updated = await q.query<Row>(
          `UPDATE contacts SET state = $3, blocked_at = $4, blocked_reason = $5, name = $6, locale = $7,
             sender_id = $8, last_inbound_at = $9, phone = $10, attributes = $11, tags = $12, updated_at = $13,
             assignee = $14
           WHERE workspace_id = $1 AND id = $2 RETURNING *`,
          [
            workspaceId,
            id,
            next.state,
            next.blockedAt,
            next.blockedReason,
            next.name,
            next.locale,
            next.senderId,
            next.lastInboundAt,
            next.phone,
            JSON.stringify(next.attributes),
            next.tags,
            at,
            next.assignee ?? null,
          ],
        );
        return toContact(updated.rows[0]!);
      });
    },

    async list(workspaceId, query) {
      const search = query.search ? `%${query.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
      const { rows } = await db.query<Row>(
        `SELECT * FROM contacts
         WHERE workspace_id = $1
           AND ($2::text IS NULL OR state = $2)
           AND ($3::text IS NULL OR transport = $3)
           AND ($4::text IS NULL OR seq > (SELECT seq FROM contacts WHERE id = $4))
           AND ($6::text IS NULL OR name ILIKE $6 OR address ILIKE $6 OR phone ILIKE $6)
           AND ($7::text IS NULL OR attributes ->> $7 = $8)
           AND ($9::text IS NULL OR EXISTS (SELECT 1 FROM subscriptions s
             WHERE s.workspace_id = $1 AND s.contact_id = contacts.id AND s.channel_id = $9))
         ORDER BY seq LIMIT $5`,
        [
          workspaceId,
          query.state ?? null,
          query.transport ?? null,
          query.cursor ?? null,
          query.limit + 1,
          search,
          query.attribute?.name ?? null,
          query.attribute?.value ?? null,
          query.channelId ?? null,
        ],
      );
      const items = rows.slice(0, query.limit).map(toContact);
      return { items, nextCursor: rows.length > query.limit ? (items.at(-1)?.id ?? null) : null };
    },

    countBySender: (workspaceId, transport) => countBySender(db, workspaceId, transport),

    async moveSender(workspaceId, transport, from, to, at) {
      const { rows } = await db.query<{ id: string }>(
        `UPDATE contacts SET sender_id = $4, updated_at = $5
         WHERE workspace_id = $1 AND transport = $2 AND sender_id = $3 RETURNING id`,
        [workspaceId, transport, from, to, at],
      );
      return rows.map((r) => r.id);
    },

    erase: (workspaceId, id, tombstone) => db.tx((q) => eraseContact(q, workspaceId, id, tombstone)),
  };
}
