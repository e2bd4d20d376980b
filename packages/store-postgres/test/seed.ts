import type { Queryable } from '../src/db/queryable.js';

/**
 * Writes `count` confirmed subscribers of one channel straight into the tables, server-side (as `seedSubscribers`
 * does through the repositories, but fast enough for thousands). Addresses match `seededAddress(i)`.
 */
export async function seedSubscribersSql(
  db: Queryable,
  options: { workspaceId?: string; count: number; channelId: string; from?: number },
): Promise<void> {
  const ws = options.workspaceId ?? 'default';
  const from = options.from ?? 0;
  const last = from + options.count - 1;
  await db.query(
    `INSERT INTO contacts (id, workspace_id, transport, address, phone, name, locale, sender_id, state, attributes,
       tags, created_at, updated_at)
     SELECT 'c' || i, $1, 'sandbox', a, a, 'Person ' || i, 'de', 'sandbox', 'confirmed', '{}', '{}', 0, 0
     FROM generate_series($2::int, $3::int) i, LATERAL (SELECT '+49151' || lpad((1000000 + i)::text, 8, '0') AS a) x
     ORDER BY i`,
    [ws, from, last],
  );
  await db.query(
    `INSERT INTO subscriptions (workspace_id, contact_id, channel_id, created_at)
     SELECT $1, 'c' || i, $4, 0 FROM generate_series($2::int, $3::int) i`,
    [ws, from, last, options.channelId],
  );
}
