import type { SubscriptionRepository } from '@tidings/core';
import type { Db } from '../db/queryable.js';

export function postgresSubscriptions(db: Db): SubscriptionRepository {
  return {
    async add(workspaceId, contactId, channelIds, at) {
      // Only channels that exist in the workspace; ones the contact has already are left alone.
      const { rows } = await db.query<{ channel_id: string }>(
        `INSERT INTO subscriptions (workspace_id, contact_id, channel_id, created_at)
         SELECT $1, $2, c.id, $4 FROM channels c
         WHERE c.workspace_id = $1 AND c.id = ANY($3::text[])
         ORDER BY array_position($3::text[], c.id)
         ON CONFLICT DO NOTHING
         RETURNING channel_id`,
        [workspaceId, contactId, [...new Set(channelIds)], at],
      );
      return rows.map((r) => r.channel_id);
    },

    async remove(workspaceId, contactId, channelIds) {
      const { rows } = await db.query<{ channel_id: string }>(
        `DELETE FROM subscriptions WHERE workspace_id = $1 AND contact_id = $2
           AND ($3::text[] IS NULL OR channel_id = ANY($3::text[]))
         RETURNING channel_id`,
        [workspaceId, contactId, channelIds ? [...channelIds] : null],
      );
      return rows.map((r) => r.channel_id);
    },

    async listByContacts(workspaceId, contactIds) {
      if (contactIds.length === 0) return [];
      const { rows } = await db.query<{ contact_id: string; channel_id: string; created_at: number }>(
        `SELECT contact_id, channel_id, created_at FROM subscriptions
         WHERE workspace_id = $1 AND contact_id = ANY($2::text[])`,
        [workspaceId, [...new Set(contactIds)]],
      );
      return rows.map((r) => ({
        workspaceId,
        contactId: r.contact_id,
        channelId: r.channel_id,
        createdAt: Number(r.created_at),
      }));
    },

    async listByContact(workspaceId, contactId) {
      const { rows } = await db.query<{ channel_id: string; created_at: number }>(
        'SELECT channel_id, created_at FROM subscriptions WHERE workspace_id = $1 AND contact_id = $2 ORDER BY seq',
        [workspaceId, contactId],
      );
      return rows.map((r) => ({
        workspaceId,
        contactId,
        channelId: r.channel_id,
        createdAt: Number(r.created_at),
      }));
    },
  };
}
