import { describe, expect, it } from 'vitest';
import { createTidings, memoryStore, sandboxTransport, silentLogger } from '../src/index.js';
import { manualClock, seedSubscribers } from '../src/testing/index.js';

describe('the dispatcher never misses a wake', () => {
  it('a broadcast created right after start() is picked up without any other nudge', async () => {
    const store = memoryStore();
    const clock = manualClock(Date.parse('2026-06-01T00:00:00Z'));
    const sandbox = sandboxTransport();
    const tidings = createTidings({
      store,
      clock,
      transports: [sandbox],
      logger: silentLogger,
      pacing: { sandbox: { perSenderPerSecond: 80 } },
    });
    await tidings.channels.create({ slug: 'news', name: 'News', isDefault: true });
    await seedSubscribers(store, 20);
    await tidings.start();
    const b = await tidings.broadcasts.create({ content: { text: 'x' }, scheduledAt: 'now' });
    await clock.advance(1000);
    expect(sandbox.sentCount).toBe(20);
    expect((await tidings.broadcasts.get(b.id))?.status).toBe('completed');
  });
});
