// Issue 5 benchmarks: server-side fan-out of the PostgreSQL store beside a bare INSERT … SELECT of the same rows into
// the same table shape, on a PostgreSQL server (DATABASE_URL) and on embedded PGlite; the broadcast then sent through
// the whole dispatcher (1 and 2 worker processes on the server, in process on PGlite), with claim latency before and
// after it. Sizes: BENCH_PG_ROWS (default 1,000,000), BENCH_PGLITE_ROWS (default 200,000).
// Right after the dispatch, in the same run and on the same server, pg-boss 10 and graphile-worker 0.17 do no-op jobs
// at their best documented settings (peers-pg.mjs: options and the doc pages they come from), BENCH_PEERS_RUNS runs
// (default 3) of BENCH_PEERS_JOBS jobs (default 100,000) each, and the dispatch rates are reported as ratios to
// their medians. peers-pg.bench.mjs has the peers' reference figures at other settings.
// The broadcast targets the channel the bare statement selects on (the same rows, found the same way). Each measured
// phase (either fan-out, each dispatch, each peer's processing) starts right after a CHECKPOINT: otherwise a
// checkpoint that the previous phase's writes brought on lands inside the next phase's window, and with it a full
// page image in the WAL for the first change of every page, wherever it happens to fall. Before the second
// broadcast (2 workers) the outbox, messages and pacing tables are vacuumed, as autovacuum would have done.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { PGlite } from '@electric-sql/pglite';
import { createTidings, sandboxTransport, silentLogger, systemClock } from '@tidings/core';
import { postgresStore } from '@tidings/store-postgres';
import pg from 'pg';
import { measureGraphileWorker, measurePgBoss } from './peers-pg.mjs';
import { median } from './stats.mjs';

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

/** Writes every dirty page out before a measured phase (see the header). */
const checkpoint = (db) => db.query('CHECKPOINT');

/** The same rows into a copy of the deliveries table (its indexes included), as one bare statement. */
async function bareFanOut(db, count) {
  await db.query('CREATE TABLE bare_deliveries (LIKE deliveries INCLUDING ALL)');
  await checkpoint(db);
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
  const b = await tidings.broadcasts.create({
    content: { text: 'x' },
    audience: { channels: ['news'] },
    scheduledAt: 'now',
  });
  await checkpoint(store.db);
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
async function claimLatency(store, now = Date.now()) {
  const times = [];
  for (let i = 0; i < 7; i++) {
    const start = performance.now();
    const batch = await store.deliveries.claim('default', {
      owner: 'bench',
      limit: 1000,
      now,
      leaseMs: 1,
    });
    times.push(performance.now() - start);
    if (batch.length === 0) break;
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const FUTURE = Date.parse('2100-01-01T00:00:00Z');

/** Rows for the claim at the end: copies of some of the broadcast's deliveries, not due before the year 2100. */
async function parkForLater(db, broadcastId, count) {
  await db.query(
    `INSERT INTO deliveries (workspace_id, broadcast_id, contact_id, transport, sender_id, address, lane, purpose,
       attempts, not_before, due_at, use_template, created_at)
     SELECT workspace_id, broadcast_id, contact_id, transport, sender_id, address, lane, purpose, 0, $2, $2, false,
       created_at
     FROM deliveries WHERE broadcast_id = $1 LIMIT $3`,
    [broadcastId, FUTURE, count],
  );
}

/** Starts a worker process (dispatch-pg.child.mjs) and resolves once it is ready. */
function startWorker(connectionString, schema, batch) {
  const child = spawn(
    process.execPath,
    [new URL('dispatch-pg.child.mjs', import.meta.url).pathname, connectionString, schema, String(batch)],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const worker = { child, sent: 0, peakRss: 0, ready: null };
  worker.ready = new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const event = JSON.parse(line);
      if (event.ready) resolve();
      if (event.sent !== undefined) worker.sent = event.sent;
      if (event.rss !== undefined) worker.peakRss = Math.max(worker.peakRss, event.rss);
    });
  });
  return worker;
}

/**
 * Deliveries per second through the whole dispatcher in `workers` processes on one database: from "go" until the
 * broadcast's last due delivery is marked (its row left the outbox), pacing limits set high.
 */
async function dispatchThroughput(store, connectionString, schema, broadcastId, due, workers, batch = 1000) {
  const running = Array.from({ length: workers }, () => startWorker(connectionString, schema, batch));
  await Promise.all(running.map((w) => w.ready));
  const queued = () => store.deliveries.countQueued('default', broadcastId);
  const parked = (await queued()) - due;
  await checkpoint(store.db);
  const start = performance.now();
  for (const w of running) w.child.stdin.write('go\n');
  let last = { sent: 0, at: performance.now() };
  for (;;) {
    await new Promise((r) => setTimeout(r, 20));
    const sent = running.reduce((n, w) => n + w.sent, 0);
    if (sent >= due * 0.99 && (await queued()) <= parked) break;
    if (sent > last.sent) last = { sent, at: performance.now() };
    else if (performance.now() - last.at > 30_000) {
      for (const w of running) w.child.kill();
      throw new Error(`the workers stalled at ${sent} of ${due} sends`);
    }
  }
  const seconds = (performance.now() - start) / 1000;
  for (const w of running) w.child.stdin.write('stop\n');
  await Promise.all(running.map((w) => new Promise((r) => w.child.once('exit', r))));
  const sent = running.reduce((n, w) => n + w.sent, 0);
  if (sent < due) throw new Error(`sent ${sent} of ${due}`);
  const peakRssMB = Math.round(Math.max(...running.map((w) => w.peakRss)) / 2 ** 20);
  return { rate: due / seconds, seconds, duplicates: sent - due, peakRssMB };
}

/** The same in this process (PGlite runs embedded: one worker). */
async function dispatchInProcess(store, broadcastId, due, batch = 1000) {
  const sandbox = sandboxTransport({ keepSent: false });
  const tidings = createTidings({
    store,
    clock: systemClock(),
    transports: [sandbox],
    logger: silentLogger,
    pacing: { sandbox: { perSenderPerSecond: 1_000_000, perRecipientGapMs: 1000 } },
    dispatch: { batchSize: batch, concurrency: 2 * batch, pollMs: 20 },
  });
  const parked = (await store.deliveries.countQueued('default', broadcastId)) - due;
  await checkpoint(store.db);
  const start = performance.now();
  await tidings.start();
  while ((await store.deliveries.countQueued('default', broadcastId)) > parked)
    await new Promise((r) => setTimeout(r, 20));
  const seconds = (performance.now() - start) / 1000;
  await tidings.stop();
  return { rate: due / seconds, seconds, duplicates: sandbox.sentCount - due };
}

const PARKED = 20_000;

/**
 * Fan-out beside the bare statement; then the broadcast is sent through the dispatcher (worker processes on a
 * server, in this process on PGlite), with claim latency before and after its deliveries went through the outbox.
 */
async function measure(label, store, db, count, server) {
  await store.init();
  await createTidings({ store, transports: [sandboxTransport()], logger: silentLogger }).channels.create({
    slug: 'news',
    name: 'News',
    isDefault: true,
  });
  await seed(db, count);
  const bare = await bareFanOut(db, count);
  const viaStore = await storeFanOut(store, count);
  await parkForLater(db, viaStore.broadcastId, PARKED);
  const claimStart = await claimLatency(store);
  const one = server
    ? await dispatchThroughput(store, server.connectionString, server.schema, viaStore.broadcastId, count, 1)
    : await dispatchInProcess(store, viaStore.broadcastId, count);
  const claimEnd = await claimLatency(store, FUTURE + 1);
  await db.query('DELETE FROM deliveries WHERE broadcast_id = $1', [viaStore.broadcastId]);
  const n = count.toLocaleString('en');
  const figures = [
    {
      figure: `${label}: bare INSERT … SELECT fan-out, ${n} rows`,
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
      figure: `${label}: dispatch through tidings (claim → pacing reservations → zero-latency sandbox → mark sent), ${n} deliveries, 1 worker${server ? ' process' : ' (in process)'}`,
      median: Math.round(one.rate),
      seconds: Number(one.seconds.toFixed(1)),
      duplicates: one.duplicates,
      // The worker process's peak resident memory over the whole broadcast: recipients are streamed (issue 4).
      ...(server ? { workerPeakRssMB: one.peakRssMB } : {}),
      unit: 'deliveries/s',
      ...(server ? { target: 15_000, ratioToTarget: Number((one.rate / 15_000).toFixed(2)) } : {}),
    },
    {
      figure: `${label}: claim of 1,000 due deliveries, at the start and at the end of the ${n}-delivery broadcast sent through the dispatcher`,
      startMs: Number(claimStart.toFixed(1)),
      endMs: Number(claimEnd.toFixed(1)),
      ratio: Number((claimEnd / claimStart).toFixed(2)),
      target: 'ratio ≤ 2',
      unit: 'ms',
    },
  ];
  if (server) {
    // The second broadcast starts from the state a vacuum leaves, as the first did (this server runs without
    // autovacuum): otherwise it pays for the first one's million dead rows in every index of the outbox.
    await db.query('VACUUM (ANALYZE) deliveries, messages, pacing');
    const again = await storeFanOut(store, count);
    const two = await dispatchThroughput(
      store,
      server.connectionString,
      server.schema,
      again.broadcastId,
      count,
      2,
    );
    figures.push({
      figure: `${label}: dispatch through tidings, ${n} deliveries, 2 worker processes on one database`,
      median: Math.round(two.rate),
      seconds: Number(two.seconds.toFixed(1)),
      duplicates: two.duplicates,
      unit: 'deliveries/s',
      ratioToOneWorker: Number((two.rate / one.rate).toFixed(2)),
    });
    figures.push(...(await besidePeers(one.rate, two.rate)));
  }
  return figures;
}

const peerJobs = Number(process.env.BENCH_PEERS_JOBS ?? 100_000);
const peerRuns = Number(process.env.BENCH_PEERS_RUNS ?? 3);

/** The peers on the same server right after Tidings' dispatch, and Tidings' rates as ratios to theirs. */
async function besidePeers(oneWorker, twoWorkers) {
  const boss = [];
  const worker = [];
  for (let i = 0; i < peerRuns; i++) {
    boss.push((await measurePgBoss({ jobs: peerJobs, batchSize: 1000, loops: 4 })).rate);
    worker.push((await measureGraphileWorker({ jobs: peerJobs, batching: true })).rate);
  }
  const bossRate = median(boss);
  const workerRate = median(worker);
  const n = peerJobs.toLocaleString('en');
  return [
    {
      figure: `pg-boss 10 in the same run: ${n} no-op jobs, 1 process, batchSize 1,000 × 4 work() loops, polling 0.5 s`,
      median: Math.round(bossRate),
      runs: boss,
      unit: 'jobs/s',
    },
    {
      figure: `graphile-worker 0.17 in the same run: ${n} no-op jobs, 1 process, concurrency 24, localQueue 500, completeJobBatchDelay 0`,
      median: Math.round(workerRate),
      runs: worker,
      unit: 'jobs/s',
    },
    {
      figure: 'Tidings dispatch (1 worker process) beside the peers (1 process each), same run, same server',
      tidings: Math.round(oneWorker),
      ratioToPgBoss: Number((oneWorker / bossRate).toFixed(2)),
      ratioToGraphileWorker: Number((oneWorker / workerRate).toFixed(2)),
      target: 'at least 3× pg-boss and 1.5× graphile-worker',
      unit: 'ratio',
    },
    {
      figure:
        'Tidings dispatch with 2 worker processes beside the peers (1 process each), same run, same server',
      tidings: Math.round(twoWorkers),
      ratioToPgBoss: Number((twoWorkers / bossRate).toFixed(2)),
      ratioToGraphileWorker: Number((twoWorkers / workerRate).toFixed(2)),
      unit: 'ratio',
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
    figures.push(
      ...(await measure('PostgreSQL server', store, store.db, serverRows, {
        connectionString: databaseUrl,
        schema,
      })),
    );
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
