// Peer job queues doing no-op work on the same PostgreSQL server (DATABASE_URL), each in a schema of its own that is
// dropped afterwards: pg-boss 10 and graphile-worker 0.17 at their best documented settings (see peers-pg.mjs for
// the options and the doc pages they come from), and each without its batching for reference. The best-settings
// figures are measured right beside Tidings' own dispatch, with ratios, in store-postgres.bench.mjs; BENCH_PEERS_BEST=1
// repeats them here (median of BENCH_PEERS_RUNS runs, default 3, of BENCH_PEERS_JOBS jobs, default 40,000). The
// reference figures are one run each.
// BENCH_PEERS_SCALE_OUT=1 adds one run each with two worker processes (both libraries scale out by more instances
// on one database). rate = jobs / processing wall time; enqueue (the library's own bulk insert) is timed separately
// and not included.
import { measureGraphileWorker, measurePgBoss } from './peers-pg.mjs';
import { median } from './stats.mjs';

const jobs = Number(process.env.BENCH_PEERS_JOBS ?? 40_000);
const runs = Number(process.env.BENCH_PEERS_RUNS ?? 3);
const scaleOut = process.env.BENCH_PEERS_SCALE_OUT === '1';

async function repeated(measure, options) {
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await measure(options));
  return results;
}

const figure = (name, results, notes) => ({
  figure: name,
  median: Math.round(median(results.map((r) => r.rate))),
  unit: 'jobs/s',
  runs: results.map((r) => r.rate),
  jobs: results[0].jobs,
  processes: results[0].processes,
  enqueueRate: Math.round(median(results.map((r) => r.enqueueRate))),
  startupMs: Math.round(median(results.map((r) => r.startupMs))),
  handledPerJob: Math.max(...results.map((r) => r.handledPerJob)),
  notes,
});

export async function run() {
  const n = jobs.toLocaleString('en');
  // The best-settings runs beside Tidings' own dispatch are in store-postgres.bench.mjs (same run, ratios); these
  // repeat them for a figure of their own only when asked (BENCH_PEERS_BEST=1).
  const best = process.env.BENCH_PEERS_BEST === '1';
  const bossBest = best ? await repeated(measurePgBoss, { jobs, batchSize: 1000, loops: 4 }) : null;
  const workerBest = best ? await repeated(measureGraphileWorker, { jobs, batching: true }) : null;
  // pg-boss at batch 100 runs near 1,000 jobs/s and graphile-worker without batching near 1,000 or less:
  // fewer jobs keep these reference runs to a few seconds each.
  const bossSmall = await measurePgBoss({ jobs: Math.min(jobs, 4_000), batchSize: 100, loops: 4 });
  const workerPlain = await measureGraphileWorker({
    jobs: Math.min(jobs, 2_000),
    batching: false,
    maxPoolSize: 26,
  });
  // pg-boss's rate is bound by its polling interval (each loop waits 0.5 s between fetches), so batches larger than
  // the usual 1,000 go faster until the database is the limit; one run shows how far, over more rounds of fetches.
  const bossLarge = await measurePgBoss({ jobs: jobs * 2, batchSize: 5000, loops: 4 });
  const figures = [
    ...(best
      ? [
          figure(
            `pg-boss 10: ${n} no-op jobs, 1 process, batchSize 1,000 × 4 work() loops, polling 0.5 s`,
            bossBest,
            [
              'settings of the issue 5 reference figure, minimum documented polling interval; median of the runs',
            ],
          ),
          figure(
            `graphile-worker 0.17: ${n} no-op jobs, 1 process, concurrency 24, localQueue 500, completeJobBatchDelay 0`,
            workerBest,
            ['best documented settings (docs performance page); median of the runs'],
          ),
        ]
      : []),
    figure(
      `pg-boss 10: ${bossSmall.jobs.toLocaleString('en')} no-op jobs, batchSize 100 × 4 loops`,
      [bossSmall],
      ['reference, one run'],
    ),
    figure(
      `pg-boss 10: ${bossLarge.jobs.toLocaleString('en')} no-op jobs, batchSize 5,000 × 4 loops`,
      [bossLarge],
      ['larger batches than the documented examples, one run: check ratios against this one too'],
    ),
    figure(
      `graphile-worker 0.17: ${workerPlain.jobs.toLocaleString('en')} no-op jobs, concurrency 24, no localQueue, no completion batching`,
      [workerPlain],
      ['reference (library defaults besides concurrency), one run'],
    ),
  ];
  if (scaleOut) {
    // pg-boss: "multi-master compatible"; graphile-worker: the docs' figure uses 4 instances. Each process has the
    // same settings as the headline figure.
    const boss2 = await measurePgBoss({ jobs, batchSize: 1000, loops: 4, processes: 2 });
    const worker2 = await measureGraphileWorker({ jobs, batching: true, processes: 2 });
    figures.push(
      figure(
        `pg-boss 10: ${n} no-op jobs, 2 processes × (batchSize 1,000 × 4 loops)`,
        [boss2],
        ['scale-out, one run'],
      ),
      figure(
        `graphile-worker 0.17: ${n} no-op jobs, 2 processes × (concurrency 24, localQueue 500)`,
        [worker2],
        ['scale-out, one run'],
      ),
    );
  }
  return figures;
}
