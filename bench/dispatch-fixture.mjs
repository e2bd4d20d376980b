// Shared set-up for the dispatcher benchmarks: a memory store filled with confirmed subscribers.
import {
  createTidings,
  manualClock,
  memoryStore,
  sandboxTransport,
  silentLogger,
  systemClock,
} from '@tidings/core';

export async function subscribers(store, count) {
  const [channel] = await store.channels.list('default');
  for (let i = 0; i < count; i++) {
    const address = `+49151${String(i).padStart(8, '0')}`;
    const { contact } = await store.contacts.getOrCreate(
      {
        workspaceId: 'default',
        transport: 'sandbox',
        address,
        phone: address,
        name: null,
        locale: 'de',
        state: 'confirmed',
        blockedAt: null,
        blockedReason: null,
        attributes: {},
        tags: [],
        lastInboundAt: null,
      },
      { senderId: 'sandbox' },
      0,
    );
    await store.subscriptions.add('default', contact.id, [channel.id], 0);
  }
}

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
  await subscribers(store, recipients);
  await tidings.start();
  return { tidings, sandbox, clock, store };
}
