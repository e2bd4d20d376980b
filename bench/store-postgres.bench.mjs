// Issue 5 benchmarks: server-side fan-out of the PostgreSQL store beside a bare INSERT … SELECT of the same rows into
// the same table shape, on a PostgreSQL server (DATABASE_URL) and on embedded PGlite; claim latency as the outbox
// is worked through. Sizes: BENCH_PG_ROWS (default 1,000,000), BENCH_PGLITE_ROWS (default 200,000).
import { PGlite } from '@electric-sql/pglite';
import { createTidings, sandboxTransport, silentLogger } from '@tidings/core';
import { postgresStore } from '@tidings/store-postgres';
import pg from 'pg';

const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const serverRows = Number(process.env.BENCH_PG_ROWS ?? 1_000_000);
const pgliteRows = Number(process.env.BENCH_PGLITE_ROWS ?? 200_000);
const chunk = 50_000;
const T0 = Date.parse('2026-06-01T10:00:00Z');

async function seed(db, count) {
  await db.query(
    `INSERT INTO contacts (id, workspace_id, transport, address, phone, name, locale, sender_id, state, attributes,
       tags, created_at, updated_at)
     SELECT 'c' || i, 'default', 'sandbox', a, a, 'Person ' || i, 'de', 'sandbox', 'confirmed', '{}', '{}', 0, 0
     FROM generate_series(0, $1::int - 1) i, LATERAL (SELECT '+49151' || lpad((1000000 + i)::text, 8, '0') AS a) x
     ORDER BY i`,
    [count],
  );
  const channel = (await db.query(`SELECT id FROM channels WHERE slug = 'news'`)).rows[0].id;
  await db.query(
    `INSERT INTO subscriptions (workspace_id, contact_id, channel_id, created_at)
     SELECT 'default', 'c' || i, $2, 0 FROM generate_series(0, $1::int - 1) i`,
    [count, channel],
  );
  await db.query('ANALYZE');
}

/** The same rows into a copy of the deliveries table (its indexes included), as one bare statement. */
async function bareFanOut(db, count) {
  await db.query('CREATE TABLE bare_deliveries (LIKE deliveries INCLUDING ALL)');
  const start = performance.now();
  await db.query(
    `INSERT INTO bare_deliveries (workspace_id, broadcast_id, contact_id, transport, sender_id, address, lane,
       purpose, attempts, not_before, due_at, use_template, created_at, from_fanout)
     SELECT c.workspace_id, 'bare', c.id, c.transport, c.sender_id, c.address, 1, 'broadcast', 0, $1, $1, false, $1,
       true
     FROM contacts c
     WHERE c.workspace_id = 'default' AND c.state = 'confirmed' AND c.blocked_at IS NULL
       AND EXISTS (SELECT 1 FROM subscriptions s JOIN channels ch ON ch.id = s.channel_id
         WHERE s.workspace_id = c.workspace_id AND s.contact_id = c.id AND ch.slug = 'news')`,
    [T0],
  );
  const seconds = (performance.now() - start) / 1000;
  await db.query('DROP TABLE bare_deliveries');
  return count / seconds;
}

/** Through the store: a broadcast created with `tidings.broadcasts`, fanned out in chunks as the dispatcher does. */
async function storeFanOut(store, count) {
  const tidings = createTidings({ store, transports: [sandboxTransport()], logger: silentLogger });
  const b = await tidings.broadcasts.create({ content: { text: 'x' }, scheduledAt: 'now' });
  const start = performance.now();
  await store.broadcasts.claimFanOut('default', Date.now(), 60_000);
  let inserted = 0;
  for (;;) {
    const r = await store.broadcasts.fanOut('default', b.id, {
      limit: chunk,
      now: Date.now(),
      leaseMs: 60_000,
    });
    inserted += r.inserted;
    if (r.nextCursor === null) break;
  }
  const seconds = (performance.now() - start) / 1000;
  if (inserted !== count) throw new Error(`fanned out ${inserted} of ${count}`);
  return { rate: count / seconds, broadcastId: b.id };
}

/** Median milliseconds of claiming (and releasing) a batch of 1,000 due deliveries. */
async function claimLatency(store) {
  const times = [];
  for (let i = 0; i < 7; i++) {
    const start = performance.now();
    const batch = await store.deliveries.claim('default', {
      owner: 'bench',
      limit: 1000,
      now: Date.now(),
      leaseMs: 1,
    });
    times.push(performance.now() - start);
    if (batch.length === 0) break;
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** Works through the outbox by deleting claimed batches, as finishing does, and measures claims at the end. */
async function drainAndClaim(store, db, keep) {
  for (;;) {
    const batch = await store.deliveries.claim('default', {
      owner: 'drain',
      limit: 10_000,
      now: Date.now() + 120_000,
      leaseMs: 60_000,
    });
    if (batch.length === 0) break;
    await db.query('DELETE FROM deliveries WHERE id = ANY($1::bigint[])', [batch.map((d) => d.id)]);
    const left = Number((await db.query('SELECT count(*) AS n FROM deliveries')).rows[0].n);
    if (left <= keep) break;
  }
  return claimLatency(store);
}

async function measure(label, store, db, count) {
  await store.init();
  await createTidings({ store, transports: [sandboxTransport()], logger: silentLogger }).channels.create({
    slug: 'news',
    name: 'News',
    isDefault: true,
  });
  await seed(db, count);
  const bare = await bareFanOut(db, count);
  const viaStore = await storeFanOut(store, count);
  const claimStart = await claimLatency(store);
  const claimEnd = await drainAndClaim(store, db, 20_000);
  return [
    {
      figure: `${label}: bare INSERT … SELECT fan-out, ${count.toLocaleString('en')} rows`,
      median: Math.round(bare),
      unit: 'rows/s',
    },
    {
      figure: `${label}: fan-out through tidings.broadcasts + store (chunks of ${chunk.toLocaleString('en')})`,
      median: Math.round(viaStore.rate),
      unit: 'rows/s',
      ratioToBare: Number((viaStore.rate / bare).toFixed(2)),
      target: 0.7,
    },
    {
      figure: `${label}: claim of 1,000 due deliveries, at the start and with 20,000 left after working through the rest`,
      startMs: Number(claimStart.toFixed(1)),
      endMs: Number(claimEnd.toFixed(1)),
      ratio: Number((claimEnd / claimStart).toFixed(2)),
      unit: 'ms',
    },
  ];
}

export async function run() {
  const figures = [];
  const schema = `bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  try {
    const store = postgresStore({ connectionString: databaseUrl, schema });
    figures.push(...(await measure('PostgreSQL server', store, store.db, serverRows)));
    await store.close();
  } finally {
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
  const pglite = new PGlite();
  const embedded = postgresStore({ pglite });
  figures.push(...(await measure('PGlite (in memory)', embedded, embedded.db, pgliteRows)));
  await pglite.close();
  return figures;
}
