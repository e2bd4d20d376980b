import type { Channel, ChannelRepository } from '@tidings/core';
import { TidingsError } from '@tidings/core';
import { nanoid } from 'nanoid';
import { isUniqueViolation } from '../db/errors.js';
import type { Db, Queryable } from '../db/queryable.js';
import { type Row, toChannel } from '../rows.js';

const conflict = (slug: string) =>
  new TidingsError('CHANNEL_CONFLICT', `A channel with slug "${slug}" exists already; choose another slug.`, {
    issues: [{ field: 'slug', message: 'taken' }],
  });

async function clearOtherDefaults(q: Queryable, workspaceId: string, keepId: string) {
  await q.query(
    'UPDATE channels SET is_default = false WHERE workspace_id = $1 AND id <> $2 AND is_default',
    [workspaceId, keepId],
  );
}

export function postgresChannels(db: Db): ChannelRepository {
  return {
    async create(channel, at) {
      try {
        return await db.tx(async (q) => {
          const { rows } = await q.query<Row>(
            `INSERT INTO channels (id, workspace_id, slug, name, description, keywords, welcome, active, is_default,
               created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING *`,
            [
              nanoid(),
              channel.workspaceId,
              channel.slug,
              channel.name,
              channel.description,
              channel.keywords,
              channel.welcome,
              channel.active,
              channel.isDefault,
              at,
            ],
          );
          const row = toChannel(rows[0]!);
          if (row.isDefault) await clearOtherDefaults(q, row.workspaceId, row.id);
          return row;
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw conflict(channel.slug);
        throw error;
      }
    },

    async update(workspaceId, id, patch, at) {
      try {
        return await db.tx(async (q) => {
          const { rows } = await q.query<Row>(
            'SELECT * FROM channels WHERE workspace_id = $1 AND id = $2 FOR UPDATE',
            [workspaceId, id],
          );
          if (!rows[0]) return null;
          const next: Channel = { ...toChannel(rows[0]), ...patch, updatedAt: at } as Channel;
          const updated = await q.query<Row>(
            `UPDATE channels SET slug = $3, name = $4, description = $5, keywords = $6, welcome = $7, active = $8,
               is_default = $9, updated_at = $10
             WHERE workspace_id = $1 AND id = $2 RETURNING *`,
            [
              workspaceId,
              id,
              next.slug,
              next.name,
              next.description,
              next.keywords,
              next.welcome,
              next.active,
              next.isDefault,
              at,
            ],
          );
          if (next.isDefault) await clearOtherDefaults(q, workspaceId, id);
          return toChannel(updated.rows[0]!);
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw conflict(patch.slug ?? '');
        throw error;
      }
    },

    async get(workspaceId, id) {
      const { rows } = await db.query<Row>('SELECT * FROM channels WHERE workspace_id = $1 AND id = $2', [
        workspaceId,
        id,
      ]);
      return rows[0] ? toChannel(rows[0]) : null;
    },

    async getBySlug(workspaceId, slug) {
      const { rows } = await db.query<Row>('SELECT * FROM channels WHERE workspace_id = $1 AND slug = $2', [
        workspaceId,
        slug,
      ]);
      return rows[0] ? toChannel(rows[0]) : null;
    },

    async list(workspaceId) {
      const { rows } = await db.query<Row>(
        'SELECT * FROM channels WHERE workspace_id = $1 ORDER BY created_at, seq',
        [workspaceId],
      );
      return rows.map(toChannel);
    },

    async remove(workspaceId, id) {
      return db.tx(async (q) => {
        const { rowCount } = await q.query('DELETE FROM channels WHERE workspace_id = $1 AND id = $2', [
          workspaceId,
          id,
        ]);
        if (rowCount === 0) return false;
        await q.query('DELETE FROM subscriptions WHERE workspace_id = $1 AND channel_id = $2', [
          workspaceId,
          id,
        ]);
        return true;
      });
    },
  };
}
