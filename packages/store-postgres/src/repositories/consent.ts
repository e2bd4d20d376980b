import type { ConsentDailyCount, ConsentEntry, ConsentRepository, NewConsentEntry } from '@tidings/core';
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
    async dailyCounts(workspaceId, range) {
      // Each entry once with channel null, and once per channel it names.
      const { rows } = await db.query<{ day: string; action: string; channel: string | null; n: string }>(
        `WITH e AS (
           SELECT to_char(to_timestamp(at / 1000.0) AT TIME ZONE $4, 'YYYY-MM-DD') AS day, action, channels
           FROM consent_ledger WHERE workspace_id = $1 AND at >= $2 AND at < $3
         )
         SELECT day, action, NULL::text AS channel, count(*) AS n FROM e GROUP BY day, action
         UNION ALL
         SELECT day, action, ch AS channel, count(*) AS n
         FROM e CROSS JOIN LATERAL (SELECT DISTINCT unnest(e.channels) AS ch) u GROUP BY day, action, ch`,
        [workspaceId, range.from, range.to, range.timeZone],
      );
      return rows.map((r) => ({
        day: r.day,
        action: r.action as ConsentDailyCount['action'],
        channel: r.channel,
        count: Number(r.n),
      }));
    },
  };
}
