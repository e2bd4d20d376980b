import { describe, expect, it } from 'vitest';
import { createTidings, type OutboundMessage, sandboxTransport, silentLogger } from '../src/index.js';
import { manualClock, memoryStoreWithBackdoor } from '../src/testing/index.js';
import { seedSubscribers } from './broadcast-setup.js';

/** Invariant 4: nothing accepted is lost. A worker killed mid-broadcast leaves nothing stuck; duplicates stay within its in-flight sends. */
async function twoWorkers(options: { fanOutChunk?: number; latencyMs: number; rate: number }) {
  const clock = manualClock(Date.parse('2026-06-01T08:00:00Z'));
  const { store, backdoor } = memoryStoreWithBackdoor();
  const sandbox = sandboxTransport({ latencyMs: options.latencyMs });
  // Counts sends the platform has begun but not answered: what a crash can duplicate.
  let inFlight = 0;
  const send = sandbox.send.bind(sandbox);
  sandbox.send = async (message: OutboundMessage, opts) => {
    inFlight++;
    try {
      return await send(message, opts);
    } finally {
      inFlight--;
    }
  };
  const worker = () =>
    createTidings({
      store,
      clock,
      transports: [sandbox],
      logger: silentLogger,
      pacing: { sandbox: { perSenderPerSecond: options.rate } },
      dispatch: { fanOutChunk: options.fanOutChunk ?? 5000, leaseMs: 30_000 },
    });
  const a = worker();
  await a.channels.create({ slug: 'news', name: 'News', isDefault: true });
  await a.start();
  return { clock, store, backdoor, sandbox, a, worker, inFlight: () => inFlight };
}

describe('invariant 4: a killed worker loses nothing', () => {
  it('another worker finishes the broadcast after the leases run out; duplicates ≤ what was in flight', async () => {
    const w = await twoWorkers({ latencyMs: 300, rate: 50 });
    const recipients = await seedSubscribers(w.store, 200);
    const b = await w.a.broadcasts.create({ content: { text: 'x' }, scheduledAt: 'now' });
    await w.clock.advance(1_234);
    const sentBeforeCrash = w.sandbox.sentCount;
    const inFlightAtCrash = w.inFlight();
    expect(sentBeforeCrash).toBeGreaterThan(0);
    expect(inFlightAtCrash).toBeGreaterThan(0);
    await w.a.stop({ abandon: true });

    const bWorker = w.worker();
    await bWorker.start();
    for (let i = 0; i < 20; i++) await w.clock.advance(10_000);

    const perRecipient = new Map<string, number>();
    for (const m of w.sandbox.sent) perRecipient.set(m.to, (perRecipient.get(m.to) ?? 0) + 1);
    expect([...perRecipient.keys()].sort()).toEqual(recipients.map((c) => c.address).sort());
    const duplicates = [...perRecipient.values()].filter((n) => n > 1).length;
    expect(duplicates).toBeLessThanOrEqual(inFlightAtCrash);
    const stats = await bWorker.broadcasts.stats(b.id);
    expect(stats).toMatchObject({ status: 'completed', queued: 0, total: 200 });
    expect(stats.sent + stats.failed + stats.skipped).toBe(200);
    expect(await w.store.deliveries.nextDueAt('default')).toBeNull();
  });

  it('a fan-out cut off mid-way resumes from its cursor without sending anyone two', async () => {
    const w = await twoWorkers({ latencyMs: 0, rate: 1000, fanOutChunk: 40 });
    await seedSubscribers(w.store, 200);
    // Pausing the sender keeps the fan-out's deliveries queued, so the crash lands between chunks.
    const b = await w.a.broadcasts.create({ content: { text: 'x' }, scheduledAt: 'now' });
    await w.a.stop({ abandon: true });
    const partial = await w.store.broadcasts.get('default', b.id);
    expect(partial?.fanout.done).toBe(false);

    const bWorker = w.worker();
    await bWorker.start();
    for (let i = 0; i < 10; i++) await w.clock.advance(10_000);
    const stats = await bWorker.broadcasts.stats(b.id);
    expect(stats).toMatchObject({ status: 'completed', total: 200, sent: 200 });
    expect(new Set(w.sandbox.sent.map((m) => m.to)).size).toBe(200);
    expect(w.sandbox.sent).toHaveLength(200);
  });
});
