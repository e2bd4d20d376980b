import { describe, expect, it } from 'vitest';
import { createTidings, memoryStore, type Store, sandboxTransport, silentLogger } from '../src/index.js';
import { manualClock } from '../src/testing/index.js';
import { seedSubscribers } from './broadcast-setup.js';

const T0 = Date.parse('2026-06-01T08:00:00Z');

/** The store with one repository method replaced; everything else passes through. */
function withMethod<K extends keyof Store>(store: Store, repository: K, method: string, fn: unknown): Store {
  const inner = store[repository] as object;
  const replaced = new Proxy(inner, {
    get: (target, key) => {
      if (key === method) return fn;
      const value = Reflect.get(target, key);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return new Proxy(store, {
    get: (target, key) => (key === repository ? replaced : Reflect.get(target, key)),
  });
}

/** Counts the dedupe wrapper's questions to the store. */
function counting(store: Store) {
  let asked = 0;
  const counted = withMethod(store, 'messages', 'broadcastRecipients', (...args: unknown[]) => {
    asked++;
    return (store.messages.broadcastRecipients as (...a: unknown[]) => unknown)(...args);
  });
  return { store: counted, asked: () => asked };
}

describe('dedupe: a broadcast is not sent twice to one contact by two workers', () => {
  it('a worker whose lease ran out before it got to send leaves alone what another worker sent meanwhile', async () => {
    const clock = manualClock(T0);
    const store = memoryStore();
    const sandbox = sandboxTransport();
    // Worker A reads the batch's contacts through a store that answers only when the test says so.
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let reading = false;
    const slow = withMethod(store, 'contacts', 'getMany', async (...args: unknown[]) => {
      reading = true;
      await held;
      return (store.contacts.getMany as (...a: unknown[]) => unknown)(...args);
    });
    const worker = (s: Store) =>
      createTidings({
        store: s,
        clock,
        transports: [sandbox],
        logger: silentLogger,
        dispatch: { leaseMs: 10_000 },
      });
    const asked = counting(slow);
    const a = worker(asked.store);
    await a.channels.create({ slug: 'news', name: 'News', isDefault: true });
    await seedSubscribers(store, 1);
    await a.start();
    const b = await a.broadcasts.create({ content: { text: 'x' }, scheduledAt: 'now' });
    await clock.advance(1);
    expect(reading).toBe(true);
    // A claims nothing more (it would take the delivery back once its lease ran out); its batch goes on.
    const stopping = a.stop();

    // A's lease runs out; B takes the delivery, sends it and records it.
    await clock.advance(11_000);
    const other = worker(store);
    await other.start();
    await clock.advance(1_000);
    expect(sandbox.sentCount).toBe(1);

    // A goes on: its lease is gone, so it asks, finds B's message and sends nothing.
    release();
    await clock.advance(1_000);
    expect(asked.asked()).toBe(1);
    expect(sandbox.sentCount).toBe(1);
    await stopping;
    expect(await other.broadcasts.stats(b.id)).toMatchObject({ status: 'completed', sent: 1, queued: 0 });
    await other.stop();
  });

  it('asks nothing while the lease holds: a batch claimed a moment ago goes straight on', async () => {
    const clock = manualClock(T0);
    const counted = counting(memoryStore());
    const sandbox = sandboxTransport();
    const tidings = createTidings({
      store: counted.store,
      clock,
      transports: [sandbox],
      logger: silentLogger,
    });
    await tidings.channels.create({ slug: 'news', name: 'News', isDefault: true });
    await seedSubscribers(counted.store, 50);
    await tidings.start();
    const b = await tidings.broadcasts.create({ content: { text: 'x' }, scheduledAt: 'now' });
    await clock.advance(5_000);
    expect(await tidings.broadcasts.stats(b.id)).toMatchObject({ status: 'completed', sent: 50 });
    expect(counted.asked()).toBe(0);
    await tidings.stop();
  });
});
