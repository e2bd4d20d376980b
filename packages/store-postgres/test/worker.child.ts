// One worker process of the horizontal-scale test: a Tidings on the shared database that only dispatches.
// Every send is printed as a JSON line ({ to, at }) so the parent can check the combined rate.
import { createTidings, sandboxTransport, silentLogger } from '@tidings/core';
import { postgresStore } from '../src/index.js';

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

const store = postgresStore({
  connectionString: env('DATABASE_URL'),
  schema: env('TIDINGS_SCHEMA'),
  poolSize: 4,
});
const sandbox = sandboxTransport();
sandbox.onSent((m) => {
  process.stdout.write(`${JSON.stringify({ to: m.to, at: m.at })}\n`);
});
const tidings = createTidings({
  store,
  transports: [sandbox],
  logger: silentLogger,
  pacing: { sandbox: { perSenderPerSecond: Number(env('RATE')), perRecipientGapMs: 0 } },
  dispatch: { leaseMs: Number(env('LEASE_MS')), pollMs: 50, fanOutChunk: 1000 },
});
await tidings.start();
process.stdout.write('{"ready":true}\n');
process.on('SIGTERM', () => {
  void tidings.stop().then(() => store.close().then(() => process.exit(0)));
});
