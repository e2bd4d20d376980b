// Peer job queues on the same PostgreSQL server, doing no-op work: pg-boss 10 (the last major that runs on Node 20;
// pg-boss 11 needs Node 22) and graphile-worker 0.17. Shared by peers-pg.bench.mjs and by any bench that wants to
// compare its own dispatch rate with them in the same run.
//
// Workload: enqueue `jobs` jobs with the library's own bulk insert (timed separately, not part of the rate), then
// start `processes` worker processes (peers-pg.child.mjs) with no-op handlers and time from the moment they are told
// to start until every job is complete in the database: rate = jobs / processing wall time. The workers connect
// before "go"; what the library does after "go" to start its loops is included, and reported as startupMs.
// Each measurement uses a fresh schema of its own (bench_pgboss_* / bench_gworker_*), dropped afterwards.
//
// Usage from another bench: `const { rate } = await measurePgBoss({ jobs: 50_000 })`, likewise
// measureGraphileWorker; both take `databaseUrl` (default DATABASE_URL) and `processes` (default 1).
import { fork } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';

const defaultUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const childPath = new URL('./peers-pg.child.mjs', import.meta.url);
const insertChunk = 10_000;

/**
 * pg-boss 10 at its best settings for throughput (docs: https://github.com/timgit/pg-boss/blob/10.4.2/docs/readme.md,
 * sections `work()` and `insert()`):
 * - `work(name, { batchSize, pollingIntervalSeconds }, handler)`: a worker fetches up to `batchSize` jobs per poll and
 *   hands them to one handler call; the handler resolving completes the whole batch in one statement (not awaited
 *   before the next poll). A worker waits `pollingIntervalSeconds` between polls (minimum 0.5 s, the value used
 *   here) unless a poll took longer, so one worker tops out near batchSize / 0.5 s: larger batches go faster until
 *   the database is the limit. Batch 1,000 is the issue 5 reference setting; the bench also runs batch 5,000.
 * - "Each call to work() will add a new worker": `loops` calls per process run that many polling loops side by side
 *   (4 as in the reference; 8 measured no faster on this 2-core machine).
 * - `insert(jobs)` creates many jobs in one statement (the enqueue phase).
 * - Scale-out beyond one process is by more instances on the same database ("multi-master compatible").
 * - Workers run with `supervise: false, schedule: false, migrate: false`: no maintenance or cron loops during the
 *   measurement (the parent creates the schema and queue).
 */
export async function measurePgBoss(options = {}) {
  const o = {
    databaseUrl: defaultUrl,
    jobs: 100_000,
    batchSize: 1000,
    loops: 4,
    pollingIntervalSeconds: 0.5,
    processes: 1,
    maxSeconds: 120,
    ...options,
  };
  const { default: PgBoss } = await import('pg-boss');
  const schema = uniqueName('bench_pgboss');
  const queue = 'noop';
  const client = new pg.Client({ connectionString: o.databaseUrl });
  await client.connect();
  try {
    const boss = new PgBoss({
      connectionString: o.databaseUrl,
      schema,
      supervise: false,
      schedule: false,
      max: 2,
    });
    boss.on('error', () => {});
    await boss.start();
    await boss.createQueue(queue);
    const enqueueStart = performance.now();
    for (let from = 0; from < o.jobs; from += insertChunk) {
      const batch = [];
      for (let i = from; i < Math.min(o.jobs, from + insertChunk); i++)
        batch.push({ name: queue, data: { n: i } });
      await boss.insert(batch);
    }
    const enqueueSeconds = (performance.now() - enqueueStart) / 1000;
    await boss.stop({ graceful: false, wait: true });
    await client.query(`ANALYZE ${schema}.job`);
    // As before each of Tidings' measured phases (store-postgres.bench.mjs): the enqueue's writes out of the window.
    await client.query('CHECKPOINT');
    const settings = {
      databaseUrl: o.databaseUrl,
      schema,
      queue,
      batchSize: o.batchSize,
      loops: o.loops,
      pollingIntervalSeconds: o.pollingIntervalSeconds,
    };
    const unfinished = async () =>
      Number(
        (
          await client.query(
            `SELECT count(*)::int AS n FROM ${schema}.job WHERE name = $1 AND state IN ('created', 'retry', 'active')`,
            [queue],
          )
        ).rows[0].n,
      );
    const processing = await runWorkers('pg-boss', settings, o, unfinished);
    return result(o, enqueueSeconds, processing);
  } finally {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  }
}

/**
 * graphile-worker 0.17 at its best settings for throughput (docs: https://worker.graphile.org/docs/performance, the
 * "Quick stats" configuration and its "Batching" section; each option's documentation is also in the package's
 * typings, graphile-worker/dist/index.d.ts, `GraphileConfig.WorkerOptions`):
 * - `concurrentJobs: 24`: jobs run concurrently per instance, as in the documented benchmark configuration.
 * - `localQueue: { size: 500 }`: the pool fetches and locks 500 jobs in one query and serves its workers from memory
 *   instead of one fetch round trip per job.
 * - `completeJobBatchDelay: 0`, `failJobBatchDelay: 0`: completions (deletions) made in the same tick are batched
 *   into one statement.
 * - `maxPoolSize: 25` as in that configuration (the option's documentation recommends `concurrentJobs + 2` or 10,
 *   whichever is larger; the pool opens connections lazily, and with the local queue few are in use at once).
 * - `preparedStatements: true` (the default).
 * - `addJobs(specs)` (WorkerUtils) inserts many jobs in one call (the enqueue phase).
 * - Scale-out is by more instances on the same database (the docs' figure uses 4 instances of concurrency 24).
 * `batching: false` drops localQueue and the completion batching (the library defaults) at the same concurrency.
 */
export async function measureGraphileWorker(options = {}) {
  const o = {
    databaseUrl: defaultUrl,
    jobs: 100_000,
    concurrency: 24,
    batching: true,
    localQueueSize: 500,
    completeJobBatchDelay: 0,
    failJobBatchDelay: 0,
    maxPoolSize: 25,
    processes: 1,
    maxSeconds: 120,
    ...options,
  };
  const { makeWorkerUtils, Logger } = await import('graphile-worker');
  const logger = new Logger(() => () => {});
  const schema = uniqueName('bench_gworker');
  const client = new pg.Client({ connectionString: o.databaseUrl });
  await client.connect();
  try {
    const utils = await makeWorkerUtils({ connectionString: o.databaseUrl, schema, logger });
    await utils.migrate();
    const enqueueStart = performance.now();
    for (let from = 0; from < o.jobs; from += insertChunk) {
      const specs = [];
      for (let i = from; i < Math.min(o.jobs, from + insertChunk); i++) {
        specs.push({ identifier: 'noop', payload: { n: i } });
      }
      await utils.addJobs(specs);
    }
    const enqueueSeconds = (performance.now() - enqueueStart) / 1000;
    await utils.release();
    await client.query(`ANALYZE ${schema}._private_jobs`);
    await client.query('CHECKPOINT');
    const worker = {
      connectionString: o.databaseUrl,
      schema,
      concurrentJobs: o.concurrency,
      maxPoolSize: o.maxPoolSize,
      preparedStatements: true,
      ...(o.batching
        ? {
            localQueue: { size: o.localQueueSize },
            completeJobBatchDelay: o.completeJobBatchDelay,
            failJobBatchDelay: o.failJobBatchDelay,
          }
        : {}),
    };
    // Completed jobs are deleted, so the work is done when the jobs table is empty.
    const unfinished = async () =>
      Number((await client.query(`SELECT count(*)::int AS n FROM ${schema}._private_jobs`)).rows[0].n);
    const processing = await runWorkers('graphile-worker', { worker }, o, unfinished);
    return result(o, enqueueSeconds, processing);
  } finally {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  }
}

const uniqueName = (prefix) => `${prefix}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;

const result = (o, enqueueSeconds, processing) => ({
  jobs: o.jobs,
  processes: o.processes,
  enqueueSeconds: Number(enqueueSeconds.toFixed(2)),
  enqueueRate: Math.round(o.jobs / enqueueSeconds),
  seconds: Number(processing.seconds.toFixed(2)),
  rate: Math.round(o.jobs / processing.seconds),
  // Included in `seconds`: from "go" until the library's worker was running (graphile-worker's run() resolving,
  // pg-boss's work() calls returning), in the slowest process.
  startupMs: Math.round(processing.startupMs),
  // Handler calls per job over all processes (filled in by the last progress reports as the workers stop): 1 unless a
  // library ran a job twice.
  handledPerJob: processing.handled.reduce((a, b) => a + b, 0) / o.jobs,
});

/** Starts the worker processes, waits until all are connected, then times them from "go" to "every job done". */
async function runWorkers(kind, settings, o, unfinished) {
  const handled = new Array(o.processes).fill(0);
  let startupMs = 0;
  const errors = [];
  const children = [];
  const ready = [];
  for (let i = 0; i < o.processes; i++) {
    const child = fork(childPath, [kind, JSON.stringify(settings)], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    children.push(child);
    ready.push(
      new Promise((resolve, reject) => {
        child.once('exit', (code) => reject(new Error(`${kind} worker exited early (${code})`)));
        child.on('message', (m) => {
          if (m.type === 'ready') resolve();
          else if (m.type === 'progress') handled[i] = m.handled;
          else if (m.type === 'started') startupMs = Math.max(startupMs, m.ms);
          else if (m.type === 'error') errors.push(m.message);
        });
      }),
    );
  }
  const exited = children.map((child) => new Promise((resolve) => child.once('exit', resolve)));
  try {
    await Promise.all(ready);
    const start = performance.now();
    for (const child of children) child.send({ type: 'go' });
    for (;;) {
      await sleep(20);
      if (errors.length > 0) throw new Error(`${kind}: ${errors[0]}`);
      if ((performance.now() - start) / 1000 > o.maxSeconds)
        throw new Error(`${kind}: not done in ${o.maxSeconds} s`);
      // Ask the database only once the handlers have seen every job; then wait for the completions to land.
      if (handled.reduce((a, b) => a + b, 0) >= o.jobs && (await unfinished()) === 0) break;
    }
    return { seconds: (performance.now() - start) / 1000, startupMs, handled };
  } finally {
    for (const child of children) if (child.connected) child.send({ type: 'stop' });
    const timeout = sleep(15_000).then(() => 'timeout');
    if ((await Promise.race([Promise.all(exited), timeout])) === 'timeout') {
      for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
      await Promise.all(exited);
    }
  }
}
