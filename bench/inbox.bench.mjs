// Issue 10 benchmark: the inbox's conversation list on a PostgreSQL server (DATABASE_URL, its own schema) with
// 100,000 contacts and 1,000,000 messages, seeded server-side into the store's own tables. Measures
// `tidings.inbox.conversations` (50 per page): the first page and a deep page (page 200, reached by cursor), also
// filtered by assignee and unread, beside an OFFSET query for the same deep page. Sizes: BENCH_INBOX_CONTACTS,
// BENCH_INBOX_MESSAGES; runs per figure: BENCH_INBOX_RUNS (default 50).
import { createTidings, sandboxTransport, silentLogger } from '@tidings/core';
import { postgresStore } from '@tidings/store-postgres';
import pg from 'pg';
import { median } from './stats.mjs';

const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const contacts = Number(process.env.BENCH_INBOX_CONTACTS ?? 100_000);
const messages = Number(process.env.BENCH_INBOX_MESSAGES ?? 1_000_000);
const runs = Number(process.env.BENCH_INBOX_RUNS ?? 50);
const pageSize = 50;
const deepPage = 200;
const T0 = Date.parse('2026-06-01T00:00:00Z');

/**
 * Contacts, then messages spread over them with activity times in a scrambled order (a permutation of the
 * message number), then each contact's inbox columns as `messages.insert` keeps them: last activity and message,
 * unread inbound messages (half the conversations were read), a third each for Anna, Ben and nobody.
 */
async function seed(db) {
  await db.query(
    `INSERT INTO contacts (id, workspace_id, transport, address, phone, name, locale, sender_id, state, attributes,
       tags, created_at, updated_at, last_inbound_at, assignee)
     SELECT 'c' || lpad(j::text, 7, '0'), 'default', 'sandbox', a, a, 'Person ' || j, 'de', 'sandbox', 'visitor',
       '{}', '{}', $2, $2, NULL, (ARRAY['anna', 'ben', NULL])[j % 3 + 1]
     FROM generate_series(0, $1::int - 1) j, LATERAL (SELECT '+49151' || lpad((1000000 + j)::text, 8, '0') AS a) x`,
    [contacts, T0],
  );
  await db.query(
    `INSERT INTO messages (id, workspace_id, contact_id, transport, sender_id, direction, kind, purpose, content,
       provider_message_id, status, error, at, in_reply_to, broadcast_id)
     SELECT 'm' || i, 'default', 'c' || lpad((i % $2)::text, 7, '0'), 'sandbox', 'sandbox',
       CASE WHEN i % 2 = 0 THEN 'in' ELSE 'out' END, 'message', CASE WHEN i % 2 = 0 THEN NULL ELSE 'agent' END,
       jsonb_build_object('text', 'Message number ' || i), CASE WHEN i % 2 = 0 THEN 'p' || i END,
       CASE WHEN i % 2 = 0 THEN 'received' ELSE 'delivered' END, NULL,
       $3 + ((i::bigint * 7919) % $1) * 1000, NULL, NULL
     FROM generate_series(0, $1::int - 1) i`,
    [messages, contacts, T0],
  );
  await db.query(
    `UPDATE contacts c SET last_activity_at = l.at, last_message_id = l.id, last_inbound_at = l.last_in,
       unread_count = CASE WHEN substr(c.id, 2)::int % 2 = 0 THEN l.inbound ELSE 0 END
     FROM (
       SELECT DISTINCT ON (contact_id) contact_id, id, at,
         count(*) FILTER (WHERE direction = 'in') OVER w AS inbound,
         max(at) FILTER (WHERE direction = 'in') OVER w AS last_in
       FROM messages WHERE workspace_id = 'default'
       WINDOW w AS (PARTITION BY contact_id)
       ORDER BY contact_id, at DESC
     ) l
     WHERE c.workspace_id = 'default' AND c.id = l.contact_id`,
  );
  await db.query('VACUUM ANALYZE contacts');
  await db.query('ANALYZE messages');
}

async function timed(fn) {
  const times = [];
  for (let i = 0; i < 3; i++) await fn(); // warm-up
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return Number(median(times).toFixed(2));
}

/** The cursor that opens page `n` (1-based), by walking the pages before it. */
async function cursorFor(tidings, query, n) {
  let cursor = null;
  for (let page = 1; page < n; page++) {
    const result = await tidings.inbox.conversations({ ...query, limit: pageSize, cursor });
    cursor = result.nextCursor;
    if (!cursor) throw new Error(`only ${page} pages for ${JSON.stringify(query)}`);
  }
  return cursor;
}

async function measure(tidings, label, query) {
  const first = await timed(() => tidings.inbox.conversations({ ...query, limit: pageSize }));
  const cursor = await cursorFor(tidings, query, deepPage);
  const page = await tidings.inbox.conversations({ ...query, limit: pageSize, cursor });
  if (page.items.length !== pageSize) throw new Error(`page ${deepPage} has ${page.items.length} rows`);
  const deep = await timed(() => tidings.inbox.conversations({ ...query, limit: pageSize, cursor }));
  return [
    {
      figure: `inbox.conversations ${label}: first page of ${pageSize} (median of ${runs})`,
      median: first,
      unit: 'ms',
      target: 50,
    },
    {
      figure: `inbox.conversations ${label}: page ${deepPage} by cursor (median of ${runs})`,
      median: deep,
      unit: 'ms',
      target: 50,
      ratioToFirstPage: Number((deep / first).toFixed(2)),
    },
  ];
}

export async function run() {
  const schema = `bench_inbox_${Date.now()}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const store = postgresStore({ connectionString: databaseUrl, schema, poolSize: 2 });
  try {
    const tidings = createTidings({ store, transports: [sandboxTransport()], logger: silentLogger });
    await tidings.inbox.agents.add({ id: 'anna', name: 'Anna' });
    await tidings.inbox.agents.add({ id: 'ben', name: 'Ben' });
    const seedStart = performance.now();
    await seed(store.db);
    const seedSeconds = (performance.now() - seedStart) / 1000;
    const figures = [
      {
        figure: `seed: ${contacts.toLocaleString('en')} contacts, ${messages.toLocaleString('en')} messages (server-side SQL)`,
        median: Number(seedSeconds.toFixed(1)),
        unit: 's',
      },
    ];
    figures.push(...(await measure(tidings, 'all', {})));
    figures.push(...(await measure(tidings, 'assigned to anna', { assignedTo: 'anna' })));
    figures.push(...(await measure(tidings, 'unread', { unread: true })));

    // The same deep page by OFFSET, beside the keyset page: what the cursor saves.
    const offset = await timed(() =>
      store.db.query(
        `SELECT c.*, to_jsonb(m) AS last_message FROM contacts c LEFT JOIN messages m ON m.id = c.last_message_id
         WHERE c.workspace_id = 'default' AND c.last_activity_at IS NOT NULL
         ORDER BY c.last_activity_at DESC, c.id DESC OFFSET $1 LIMIT $2`,
        [(deepPage - 1) * pageSize, pageSize + 1],
      ),
    );
    const keyset = figures.find((f) => f.figure.startsWith('inbox.conversations all: page'));
    figures.push({
      figure: `same page ${deepPage} by OFFSET (bare SQL, for comparison)`,
      median: offset,
      unit: 'ms',
      keysetRatio: Number((keyset.median / offset).toFixed(2)),
    });
    const plan = await store.db.query(
      `EXPLAIN SELECT c.id FROM contacts c WHERE c.workspace_id = 'default' AND c.last_activity_at IS NOT NULL
         AND (c.last_activity_at, c.id) < ($1::double precision, $2::text)
       ORDER BY c.last_activity_at DESC, c.id DESC LIMIT 51`,
      [T0 + 500_000_000, 'c0050000'],
    );
    figures.push({
      figure: 'deep-page plan',
      plan: plan.rows.map((r) => r['QUERY PLAN'].trim()).join(' | '),
    });
    return figures;
  } finally {
    await store.close();
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
}
