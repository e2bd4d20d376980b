import type { OptinTokenRepository } from '@tidings/core';
import type { Db } from '../db/queryable.js';
import { type Row, toToken } from '../rows.js';

/** A token is pending while unused, unrevoked and before its expiry (`tokenStatus` in the core). */
const PENDING = 'used_at IS NULL AND revoked_at IS NULL AND expires_at > $3';

export function postgresTokens(db: Db): OptinTokenRepository {
  return {
    async insert(t) {
      await db.query(
        `INSERT INTO optin_tokens (workspace_id, token, transport, sender_id, contact_id, address, channels, locale,
           method, notice_text, created_at, expires_at, used_at, used_by_contact_id, revoked_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
        [
          t.workspaceId,
          t.token,
          t.transport,
          t.senderId,
          t.contactId,
          t.address,
          t.channels,
          t.locale,
          t.method,
          t.noticeText,
          t.createdAt,
          t.expiresAt,
          t.usedAt,
          t.usedByContactId,
          t.revokedAt,
        ],
      );
    },

    async get(workspaceId, token) {
      const { rows } = await db.query<Row>(
        'SELECT * FROM optin_tokens WHERE workspace_id = $1 AND token = $2',
        [workspaceId, token],
      );
      return rows[0] ? toToken(rows[0]) : null;
    },

    async consume(workspaceId, token, contactId, at) {
      // The row lock of UPDATE makes this the one use: a concurrent caller re-checks and finds it used.
      const { rowCount } = await db.query(
        `UPDATE optin_tokens SET used_at = $3, used_by_contact_id = $4
         WHERE workspace_id = $1 AND token = $2 AND ${PENDING}`,
        [workspaceId, token, at, contactId],
      );
      return rowCount === 1;
    },

    async revokeForContact(workspaceId, contactId, at) {
      const { rowCount } = await db.query(
        `UPDATE optin_tokens SET revoked_at = $3 WHERE workspace_id = $1 AND contact_id = $2 AND ${PENDING}`,
        [workspaceId, contactId, at],
      );
      return rowCount;
    },

    async latestPendingForContact(workspaceId, contactId, at) {
      const { rows } = await db.query<Row>(
        `SELECT * FROM optin_tokens WHERE workspace_id = $1 AND contact_id = $2 AND ${PENDING}
         ORDER BY created_at DESC LIMIT 1`,
        [workspaceId, contactId, at],
      );
      return rows[0] ? toToken(rows[0]) : null;
    },
  };
}
