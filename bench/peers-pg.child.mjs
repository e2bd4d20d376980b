// One worker process of a peer queue (pg-boss or graphile-worker) for peers-pg.mjs. Started with fork():
// argv[2] is 'pg-boss' or 'graphile-worker', argv[3] the JSON settings. Protocol over IPC: the child connects and
// sends { type: 'ready' }; on { type: 'go' } it starts working with no-op handlers, says how long starting took
// ({ type: 'started', ms }) and reports how many jobs its handlers ran ({ type: 'progress', handled }) every 50 ms;
// on { type: 'stop' } it stops the library and exits.
const kind = process.argv[2];
const settings = JSON.parse(process.argv[3]);
let handled = 0;
let reported = -1;

const report = () => {
  if (handled !== reported) {
    reported = handled;
    process.send({ type: 'progress', handled });
  }
};

async function pgBossWorker() {
  const { default: PgBoss } = await import('pg-boss');
  // Only the parent creates the schema; workers do no maintenance or cron so only the measured work runs.
  const boss = new PgBoss({
    connectionString: settings.databaseUrl,
    schema: settings.schema,
    migrate: false,
    supervise: false,
    schedule: false,
    max: settings.loops + 2,
  });
  boss.on('error', (error) => process.send({ type: 'error', message: String(error?.message ?? error) }));
  await boss.start();
  return {
    go: async () => {
      for (let i = 0; i < settings.loops; i++) {
        await boss.work(
          settings.queue,
          { batchSize: settings.batchSize, pollingIntervalSeconds: settings.pollingIntervalSeconds },
          async (jobs) => {
            handled += jobs.length;
          },
        );
      }
    },
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }),
  };
}

async function graphileWorker() {
  const { run, Logger } = await import('graphile-worker');
  const quiet = new Logger(() => () => {});
  let runner;
  return {
    go: async () => {
      runner = await run({
        logger: quiet,
        noHandleSignals: true,
        taskList: {
          noop: async () => {
            handled += 1;
          },
        },
        preset: { worker: settings.worker },
      });
    },
    stop: () => runner?.stop(),
  };
}

const worker = kind === 'pg-boss' ? await pgBossWorker() : await graphileWorker();
let timer;
process.on('message', async (message) => {
  try {
    if (message.type === 'go') {
      timer = setInterval(report, 50);
      const start = performance.now();
      await worker.go();
      process.send({ type: 'started', ms: performance.now() - start });
    } else if (message.type === 'stop') {
      clearInterval(timer);
      report();
      await worker.stop();
      process.disconnect();
    }
  } catch (error) {
    process.send({ type: 'error', message: String(error?.stack ?? error) });
  }
});
process.send({ type: 'ready' });
