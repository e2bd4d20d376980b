// One worker process of the PostgreSQL dispatch benchmark: a Tidings on the shared database that only dispatches,
// through the whole chain (claim → pacing reservations → zero-latency sandbox → mark sent), pacing limits set high.
// Starts sending on a "go" line on stdin; reports its send count and resident memory every 100 ms as a JSON line.
// Settings (the package README's "Throughput" section): batches of 1,000, BENCH_CONCURRENCY batches in flight
// (default 6: 2 left a quarter of the two cores idle while each batch waited on its round trips; 8 ran slower
// than 6), a pool of BENCH_POOL connections (default 4: 8 let more statements contend for the two cores).
import { createInterface } from 'node:readline';
import { createTidings, sandboxTransport, silentLogger } from '@tidings/core';
import { postgresStore } from '@tidings/store-postgres';

const [connectionString, schema, batch = '1000'] = process.argv.slice(2);
const store = postgresStore({
  connectionString,
  schema,
  poolSize: Number(process.env.BENCH_POOL ?? 4),
});
await store.init();
const sandbox = sandboxTransport({ keepSent: false });
const tidings = createTidings({
  store,
  transports: [sandbox],
  logger: silentLogger,
  pacing: { sandbox: { perSenderPerSecond: 1_000_000, perRecipientGapMs: 1000 } },
  dispatch: {
    batchSize: Number(batch),
    concurrency: Number(process.env.BENCH_CONCURRENCY ?? 6) * Number(batch),
    pollMs: 20,
  },
});
const report = () =>
  process.stdout.write(`${JSON.stringify({ sent: sandbox.sentCount, rss: process.memoryUsage.rss() })}\n`);
process.stdout.write('{"ready":true}\n');
createInterface({ input: process.stdin }).on('line', async (line) => {
  if (line === 'go') {
    setInterval(report, 100).unref();
    await tidings.start();
  }
  if (line === 'stop') {
    report();
    await tidings.stop();
    await store.close();
    process.exit(0);
  }
});
