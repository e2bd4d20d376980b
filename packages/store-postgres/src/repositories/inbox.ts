import type {
  Agent,
  AgentRepository,
  CannedAnswer,
  CannedAnswerRepository,
  ConversationRepository,
  ConversationRow,
} from '@tidings/core';
import { TidingsError } from '@tidings/core';
import { nanoid } from 'nanoid';
import { isUniqueViolation } from '../db/errors.js';
import type { Db, Queryable } from '../db/queryable.js';
import { type Row, toContact, toMessage } from '../rows.js';

/** The contact with its last message as JSON, for one query per page. */
const SELECT_CONVERSATION = `SELECT c.*, to_jsonb(m) AS last_message
  FROM contacts c LEFT JOIN messages m ON m.id = c.last_message_id`;

const toConversation = (r: Row): ConversationRow => ({
  contact: toContact(r),
  state: {
    contactId: r.id as string,
    lastActivityAt: Number(r.last_activity_at),
    lastMessageId: (r.last_message_id as string | null) ?? null,
    unread: Number(r.unread_count),
    readAt: r.read_at === null || r.read_at === undefined ? null : Number(r.read_at),
  },
  lastMessage: r.last_message ? toMessage(r.last_message as Row) : null,
});

const cursorOf = (row: ConversationRow) => `${row.state.lastActivityAt}~${row.contact.id}`;
function parseCursor(cursor: string | null | undefined): [number, string] | [null, null] {
  if (!cursor) return [null, null];
  const i = cursor.indexOf('~');
  const at = Number(cursor.slice(0, i));
  if (i < 0 || !Number.isFinite(at)) throw new TidingsError('INVALID_INPUT', 'Not a conversation cursor.');
  return [at, cursor.slice(i + 1)];
}

export function postgresConversations(db: Db): ConversationRepository {
  return {
    async list(workspaceId, query) {
      const [at, id] = parseCursor(query.cursor);
      // Keyset paging on (last_activity_at, id) through the contacts_inbox* indexes.
      const { rows } = await db.query<Row>(
        `${SELECT_CONVERSATION}
         WHERE c.workspace_id = $1 AND c.last_activity_at IS NOT NULL
           AND ($2::text IS NULL OR c.assignee = $2)
           AND (NOT $3::boolean OR c.assignee IS NULL)
           AND (NOT $4::boolean OR c.unread_count > 0)
           AND ($5::text IS NULL OR c.transport = $5)
           AND ($6::text IS NULL OR EXISTS (SELECT 1 FROM subscriptions s
             WHERE s.workspace_id = $1 AND s.contact_id = c.id AND s.channel_id = $6))
           AND ($7::double precision IS NULL OR (c.last_activity_at, c.id) < ($7, $8::text))
         ORDER BY c.last_activity_at DESC, c.id DESC
         LIMIT $9`,
        [
          workspaceId,
          query.assignee ?? null,
          query.unassigned === true,
          query.unread === true,
          query.transport ?? null,
          query.channelId ?? null,
          at,
          id,
          query.limit + 1,
        ],
      );
      const items = rows.slice(0, query.limit).map(toConversation);
      const last = items.at(-1);
      return { items, nextCursor: rows.length > query.limit && last ? cursorOf(last) : null };
    },

    async get(workspaceId, contactId) {
      const { rows } = await db.query<Row>(
        `${SELECT_CONVERSATION} WHERE c.workspace_id = $1 AND c.id = $2 AND c.last_activity_at IS NOT NULL`,
        [workspaceId, contactId],
      );
      return rows[0] ? toConversation(rows[0]) : null;
    },

    async markRead(workspaceId, contactId, at) {
      const { rows } = await db.query(
        `UPDATE contacts SET unread_count = 0, read_at = $3
         WHERE workspace_id = $1 AND id = $2 AND last_activity_at IS NOT NULL RETURNING id`,
        [workspaceId, contactId, at],
      );
      return rows.length > 0;
    },

    assign: (workspaceId, contactId, agentId, at, options = {}) =>
      db.tx(async (q) => {
        const previous = await lockAssignee(q, workspaceId, contactId);
        if (previous === undefined || (options.ifUnassigned && previous !== null)) return null;
        return { contact: await setAssignee(q, workspaceId, contactId, agentId, at), previous };
      }),

    assignNext: (workspaceId, contactId, at) =>
      db.tx(async (q) => {
        const previous = await lockAssignee(q, workspaceId, contactId);
        if (previous !== null) return null;
        // The settings row serialises picks in a workspace, so turns stay fair across processes.
        await q.query('INSERT INTO inbox_settings (workspace_id) VALUES ($1) ON CONFLICT DO NOTHING', [
          workspaceId,
        ]);
        const { rows } = await q.query<{ turn: string }>(
          `UPDATE inbox_settings SET turn_counter = turn_counter + 1 WHERE workspace_id = $1
           RETURNING turn_counter AS turn`,
          [workspaceId],
        );
        const picked = await q.query<{ id: string }>(
          `UPDATE agents SET turn = $2 WHERE workspace_id = $1 AND id = (
             SELECT id FROM agents WHERE workspace_id = $1 AND available ORDER BY turn, seq LIMIT 1
           ) RETURNING id`,
          [workspaceId, rows[0]!.turn],
        );
        const agentId = picked.rows[0]?.id;
        if (!agentId) return null;
        return { contact: await setAssignee(q, workspaceId, contactId, agentId, at), agentId };
      }),
  };
}

/** Locks the contact's row; its assignee, or undefined when there is no such contact. */
async function lockAssignee(q: Queryable, workspaceId: string, contactId: string) {
  const { rows } = await q.query<{ assignee: string | null }>(
    'SELECT assignee FROM contacts WHERE workspace_id = $1 AND id = $2 FOR UPDATE',
    [workspaceId, contactId],
  );
  return rows[0] ? rows[0].assignee : undefined;
}

async function setAssignee(
  q: Queryable,
  workspaceId: string,
  contactId: string,
  agentId: string | null,
  at: number,
) {
  const { rows } = await q.query<Row>(
    'UPDATE contacts SET assignee = $3, updated_at = $4 WHERE workspace_id = $1 AND id = $2 RETURNING *',
    [workspaceId, contactId, agentId, at],
  );
  return toContact(rows[0]!);
}

const toAgent = (r: Row): Agent => ({
  id: r.id as string,
  workspaceId: r.workspace_id as string,
  name: r.name as string,
  signature: (r.signature as string | null) ?? null,
  available: r.available as boolean,
  createdAt: Number(r.created_at),
  updatedAt: Number(r.updated_at),
});

export function postgresAgents(db: Db): AgentRepository {
  return {
    async create(agent, at) {
      const { rows } = await db.query<Row>(
        `INSERT INTO agents (workspace_id, id, name, signature, available, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $6) ON CONFLICT DO NOTHING RETURNING *`,
        [agent.workspaceId, agent.id, agent.name, agent.signature, agent.available, at],
      );
      if (!rows[0]) throw new TidingsError('INVALID_INPUT', `There is an agent "${agent.id}" already.`);
      return toAgent(rows[0]);
    },
    async update(workspaceId, id, patch, at) {
      const { rows } = await db.query<Row>(
        `UPDATE agents SET
           name = CASE WHEN $3::boolean THEN $4 ELSE name END,
           signature = CASE WHEN $5::boolean THEN $6 ELSE signature END,
           available = CASE WHEN $7::boolean THEN $8 ELSE available END,
           updated_at = $9
         WHERE workspace_id = $1 AND id = $2 RETURNING *`,
        [
          workspaceId,
          id,
          patch.name !== undefined,
          patch.name ?? null,
          patch.signature !== undefined,
          patch.signature ?? null,
          patch.available !== undefined,
          patch.available ?? null,
          at,
        ],
      );
      return rows[0] ? toAgent(rows[0]) : null;
    },
    async get(workspaceId, id) {
      const { rows } = await db.query<Row>('SELECT * FROM agents WHERE workspace_id = $1 AND id = $2', [
        workspaceId,
        id,
      ]);
      return rows[0] ? toAgent(rows[0]) : null;
    },
    async list(workspaceId) {
      const { rows } = await db.query<Row>('SELECT * FROM agents WHERE workspace_id = $1 ORDER BY seq', [
        workspaceId,
      ]);
      return rows.map(toAgent);
    },
    async remove(workspaceId, id) {
      const { rows } = await db.query('DELETE FROM agents WHERE workspace_id = $1 AND id = $2 RETURNING id', [
        workspaceId,
        id,
      ]);
      return rows.length > 0;
    },
    async roundRobin(workspaceId) {
      const { rows } = await db.query<{ round_robin: boolean }>(
        'SELECT round_robin FROM inbox_settings WHERE workspace_id = $1',
        [workspaceId],
      );
      return rows[0]?.round_robin === true;
    },
    async setRoundRobin(workspaceId, on) {
      await db.query(
        `INSERT INTO inbox_settings (workspace_id, round_robin) VALUES ($1, $2)
         ON CONFLICT (workspace_id) DO UPDATE SET round_robin = EXCLUDED.round_robin`,
        [workspaceId, on],
      );
    },
  };
}

const toCanned = (r: Row): CannedAnswer => ({
  id: r.id as string,
  workspaceId: r.workspace_id as string,
  shortcut: r.shortcut as string,
  title: r.title as string,
  text: r.text as string,
  createdAt: Number(r.created_at),
  updatedAt: Number(r.updated_at),
});

const shortcutTaken = (shortcut: string) =>
  new TidingsError('INVALID_INPUT', `The shortcut "${shortcut}" is taken.`, {
    issues: [{ field: 'shortcut', message: 'taken' }],
  });

export function postgresCannedAnswers(db: Db): CannedAnswerRepository {
  return {
    async create(answer, at) {
      const { rows } = await db.query<Row>(
        `INSERT INTO canned_answers (id, workspace_id, shortcut, title, text, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $6) ON CONFLICT DO NOTHING RETURNING *`,
        [nanoid(), answer.workspaceId, answer.shortcut, answer.title, answer.text, at],
      );
      if (!rows[0]) throw shortcutTaken(answer.shortcut);
      return toCanned(rows[0]);
    },
    async update(workspaceId, id, patch, at) {
      try {
        const { rows } = await db.query<Row>(
          `UPDATE canned_answers SET shortcut = COALESCE($3, shortcut), title = COALESCE($4, title),
             text = COALESCE($5, text), updated_at = $6
           WHERE workspace_id = $1 AND id = $2 RETURNING *`,
          [workspaceId, id, patch.shortcut ?? null, patch.title ?? null, patch.text ?? null, at],
        );
        return rows[0] ? toCanned(rows[0]) : null;
      } catch (error) {
        if (isUniqueViolation(error)) throw shortcutTaken(patch.shortcut ?? '');
        throw error;
      }
    },
    async get(workspaceId, id) {
      const { rows } = await db.query<Row>(
        'SELECT * FROM canned_answers WHERE workspace_id = $1 AND id = $2',
        [workspaceId, id],
      );
      return rows[0] ? toCanned(rows[0]) : null;
    },
    async getByShortcut(workspaceId, shortcut) {
      const { rows } = await db.query<Row>(
        'SELECT * FROM canned_answers WHERE workspace_id = $1 AND shortcut = $2',
        [workspaceId, shortcut],
      );
      return rows[0] ? toCanned(rows[0]) : null;
    },
    async list(workspaceId) {
      const { rows } = await db.query<Row>(
        'SELECT * FROM canned_answers WHERE workspace_id = $1 ORDER BY shortcut COLLATE "C"',
        [workspaceId],
      );
      return rows.map(toCanned);
    },
    async remove(workspaceId, id) {
      const { rows } = await db.query(
        'DELETE FROM canned_answers WHERE workspace_id = $1 AND id = $2 RETURNING id',
        [workspaceId, id],
      );
      return rows.length > 0;
    },
  };
}
