import type { ConsentEntry, ConsentRepository, NewConsentEntry } from '@tidings/core';
import { nanoid } from 'nanoid';
import type { Db, Queryable } from '../db/queryable.js';
import { type Row, toEntry } from '../rows.js';

export async function insertEntry(q: Queryable, entry: NewConsentEntry): Promise<ConsentEntry> {
  const { rows } = await q.query<Row>(
    `INSERT INTO consent_ledger (id, workspace_id, contact_id, transport, address, at, action, method, channels,
       notice_text, sender_id, message_id, detail)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING *`,
    [
      nanoid(),
      entry.workspaceId,
      entry.contactId,
      entry.transport,
      entry.address,
      entry.at,
      entry.action,
      entry.method,
      entry.channels,
      entry.noticeText,
      entry.senderId,
      entry.messageId,
      entry.detail,
    ],
  );
  return toEntry(rows[0]!);
}

export function postgresConsent(db: Db): ConsentRepository {
  return {
    append: (entry) => insertEntry(db, entry),
    async listByContact(workspaceId, contactId) {
      const { rows } = await db.query<Row>(
        'SELECT * FROM consent_ledger WHERE workspace_id = $1 AND contact_id = $2 ORDER BY seq',
        [workspaceId, contactId],
      );
      return rows.map(toEntry);
    },
    async dailyCounts() {
      throw new Error('postgres consent.dailyCounts: not yet implemented');
    },
  };
}
