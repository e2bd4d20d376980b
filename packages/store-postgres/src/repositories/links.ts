import type { LinkRepository } from '@tidings/core';
import type { Db } from '../db/queryable.js';

export function postgresLinks(db: Db): LinkRepository {
  return {
    async create(link) {
      await db.query(
        `INSERT INTO links (workspace_id, code, broadcast_id, url, contact_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [link.workspaceId, link.code, link.broadcastId, link.url, link.contactId, link.createdAt],
      );
    },
    async get(workspaceId, code) {
      const { rows } = await db.query<{
        broadcast_id: string | null;
        url: string;
        contact_id: string | null;
        created_at: number;
      }>('SELECT * FROM links WHERE workspace_id = $1 AND code = $2', [workspaceId, code]);
      const r = rows[0];
      return r
        ? {
            code,
            workspaceId,
            broadcastId: r.broadcast_id,
            url: r.url,
            contactId: r.contact_id,
            createdAt: Number(r.created_at),
          }
        : null;
    },
    async recordClick(click) {
      await db.query(
        'INSERT INTO link_clicks (workspace_id, code, broadcast_id, contact_id, at) VALUES ($1, $2, $3, $4, $5)',
        [click.workspaceId, click.code, click.broadcastId, click.contactId, click.at],
      );
    },
    async statsByBroadcast(workspaceId, broadcastId) {
      const { rows } = await db.query<{ url: string; code: string; clicks: string; contacts: string }>(
        `SELECT l.url, min(l.code) AS code, count(c.id) AS clicks, count(DISTINCT c.contact_id) AS contacts
         FROM links l LEFT JOIN link_clicks c ON c.workspace_id = l.workspace_id AND c.code = l.code
         WHERE l.workspace_id = $1 AND l.broadcast_id = $2
         GROUP BY l.url ORDER BY min(l.created_at), l.url`,
        [workspaceId, broadcastId],
      );
      return rows.map((r) => ({
        code: r.code,
        url: r.url,
        clicks: Number(r.clicks),
        contacts: Number(r.contacts),
      }));
    },
    async countClickers(workspaceId, broadcastId) {
      const { rows } = await db.query<{ n: string }>(
        `SELECT count(DISTINCT contact_id) AS n FROM link_clicks
         WHERE workspace_id = $1 AND broadcast_id = $2 AND contact_id IS NOT NULL`,
        [workspaceId, broadcastId],
      );
      return Number(rows[0]?.n ?? 0);
    },
  };
}
