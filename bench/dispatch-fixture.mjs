// Shared set-up for the dispatcher benchmarks: a memory store filled with confirmed subscribers.
import {
  createTidings,
  manualClock,
  memoryStore,
  sandboxTransport,
  silentLogger,
  systemClock,
} from '@tidings/core';
import { seedSubscribers } from '@tidings/core/testing';

/** A worker on the memory store with a zero-latency sandbox that keeps nothing (a million messages fit). */
export async function worker({ recipients, pacing = false, rate, simulated = false }) {
  const store = memoryStore();
  const clock = simulated ? manualClock(Date.parse('2026-06-01T00:00:00Z')) : systemClock();
  const sandbox = sandboxTransport({ keepSent: simulated });
  const tidings = createTidings({
    store,
    clock,
    transports: [sandbox],
    logger: silentLogger,
    dispatch: { pacing, batchSize: 500, concurrency: 64, fanOutChunk: 20_000 },
    ...(rate ? { pacing: { sandbox: { perSenderPerSecond: rate } } } : {}),
  });
  await tidings.channels.create({ slug: 'news', name: 'News', isDefault: true });
  await seedSubscribers(store, recipients);
  await tidings.start();
  return { tidings, sandbox, clock, store };
}
