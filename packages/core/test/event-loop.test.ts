import { describe, expect, it } from 'vitest';
import { createTidings, memoryStore, sandboxTransport, silentLogger } from '../src/index.js';
import { seedSubscribers } from './broadcast-setup.js';

describe('the dispatcher on the system clock', () => {
  it('gives the event loop a turn during a long in-memory broadcast (HTTP and timers are not starved)', async () => {
    const store = memoryStore();
    const sandbox = sandboxTransport({ keepSent: false });
    const tidings = createTidings({
      store,
      transports: [sandbox],
      logger: silentLogger,
      dispatch: { pacing: false },
    });
    await tidings.channels.create({ slug: 'news', name: 'News', isDefault: true });
    await seedSubscribers(store, 10_000);
    await tidings.start();
    await tidings.broadcasts.create({ content: { text: 'x' }, scheduledAt: 'now' });
    let sentWhenTheLoopTurned = -1;
    setImmediate(() => {
      sentWhenTheLoopTurned = sandbox.sentCount;
    });
    await tidings.drain();
    await tidings.stop();
    expect(sandbox.sentCount).toBe(10_000);
    expect(sentWhenTheLoopTurned).toBeGreaterThanOrEqual(0);
    expect(sentWhenTheLoopTurned).toBeLessThan(10_000);
  }, 60_000);
});
