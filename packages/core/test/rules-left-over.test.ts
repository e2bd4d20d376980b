import { describe, expect, it } from 'vitest';
import { EventBus } from '../src/events/event-bus.js';
import { createTidings, sandboxTransport, silentLogger } from '../src/index.js';
import { resolveOptions } from '../src/options.js';
import { createRules } from '../src/rules/create-rules.js';
import { ChannelCache } from '../src/services/channel-cache.js';
import type { CoreContext } from '../src/services/core-context.js';
import { KeyedLock } from '../src/services/keyed-lock.js';
import { manualClock, memoryStoreWithBackdoor } from '../src/testing/index.js';

/**
 * Today every consent event is raised inside an inbound message's flow, whose end runs its rules. One raised
 * anywhere else (an admin API, say) must not be lost either: the rules part is wired here by hand, so the test
 * can emit such an event itself.
 */
describe('a consent event raised outside an inbound flow', () => {
  it('still runs its rules, in the contact’s queue, answering nothing it may not', async () => {
    const { store, backdoor } = memoryStoreWithBackdoor();
    const clock = manualClock(Date.parse('2026-06-01T08:00:00Z'));
    const sandbox = sandboxTransport();
    // A regular installation makes the contact and the channel, on the same store.
    const tidings = createTidings({ store, clock, transports: [sandbox], logger: silentLogger });
    await tidings.channels.create({ slug: 'sport', name: 'Sport', isDefault: true });
    await tidings.start();
    await sandbox.simulateInbound({ from: '+436641234567', text: 'START' });
    const contact = (await tidings.contacts.find({ transport: 'sandbox', address: '+436641234567' }))!;

    const options = resolveOptions({ store, clock, transports: [sandbox], logger: silentLogger });
    const events = new EventBus(silentLogger);
    const ctx: CoreContext = {
      options,
      store,
      clock,
      logger: silentLogger,
      events,
      workspaceId: 'default',
      transports: new Map([[sandbox.name, sandbox]]),
      channels: new ChannelCache(store, 'default', clock, {
        stop: options.stopWords,
        start: options.startWords,
      }),
      wake: () => {},
    };
    const work: Promise<unknown>[] = [];
    const rules = createRules(ctx, new KeyedLock(), (p) => {
      work.push(p);
      return p;
    });
    await rules.api.set('when subscribed to sport then reply "Anpfiff!", tag fan');
    const channel = (await store.channels.getBySlug('default', 'sport'))!;

    events.emit('subscription.added', { contact, channel });
    await Promise.all(work);

    const now = (await store.contacts.get('default', contact.id))!;
    expect(now.tags).toEqual(['fan']);
    const replies = (await backdoor.messages('default', contact.id)).filter(
      (m) => m.content.text === 'Anpfiff!',
    );
    expect(replies).toEqual([
      expect.objectContaining({ purpose: 'reply', inReplyTo: null, status: 'queued' }),
    ]);
  });
});
