import { describe, expect, it } from 'vitest';
import { quietUntil } from '../src/dispatch/wrappers/quiet-hours.js';
import { address, broadcastSetup, seedSubscribers } from './broadcast-setup.js';

const HOUR = 60 * 60 * 1000;

describe('frequency cap and quiet hours (F20)', () => {
  it('holds a broadcast over the cap until the oldest one leaves the rolling day — never drops it', async () => {
    const s = await broadcastSetup({ frequencyCap: { perDay: 2 } });
    await seedSubscribers(s.store, 1);
    const start = s.clock.now();
    for (const text of ['one', 'two', 'three']) {
      await s.tidings.broadcasts.create({ content: { text }, scheduledAt: 'now' });
      await s.tidings.drain();
      await s.clock.advance(HOUR);
    }
    expect(s.sandbox.sent.map((m) => m.content.text)).toEqual(['one', 'two']);
    await s.clock.advance(20 * HOUR);
    expect(s.sandbox.sent).toHaveLength(2);
    await s.clock.advance(HOUR);
    expect(s.sandbox.sent.map((m) => [m.content.text, m.at - start])).toEqual([
      ['one', 0],
      ['two', HOUR],
      ['three', 24 * HOUR],
    ]);
  });

  it('waits out the night in the contact’s time zone, across midnight', async () => {
    // 2026-06-01 21:30 in Vienna (UTC+2) is 19:30 UTC; New York is then at 15:30.
    const s = await broadcastSetup({ quietHours: { from: '21:00', to: '08:00', timeZone: 'Europe/Vienna' } });
    await s.clock.setTime(Date.parse('2026-06-01T19:30:00Z'));
    const [vienna] = await seedSubscribers(s.store, 1);
    const [newYork] = await seedSubscribers(s.store, 1, {
      from: 1,
      extra: { attributes: { timeZone: 'America/New_York' } },
    });
    const report = await s.tidings.broadcasts.preflight({ content: { text: 'x' } });
    expect(report.deferred.quietHours).toBe(1);
    await s.tidings.broadcasts.create({ content: { text: 'Guten Morgen' }, scheduledAt: 'now' });
    await s.tidings.drain();
    expect(s.sandbox.sent.map((m) => m.to)).toEqual([newYork!.address]);
    await s.clock.setTime(Date.parse('2026-06-02T05:59:00Z'));
    expect(s.sandbox.messagesTo(vienna!.address)).toEqual([]);
    await s.clock.advance(60_000);
    expect(s.sandbox.messagesTo(vienna!.address)[0]?.at).toBe(Date.parse('2026-06-02T06:00:00Z'));
  });

  it.each([
    // Spring forward in Vienna: the night of 2026-03-28/29 is an hour shorter; 08:00 is then 06:00 UTC.
    ['2026-03-28T21:00:00Z', '2026-03-29T06:00:00Z'],
    // Fall back: the night of 2026-10-24/25 is an hour longer; 08:00 is then 07:00 UTC.
    ['2026-10-24T21:00:00Z', '2026-10-25T07:00:00Z'],
    // Inside the quiet hours after midnight: until 08:00 the same day.
    ['2026-03-29T01:30:00Z', '2026-03-29T06:00:00Z'],
    // Outside: no wait.
    ['2026-03-29T06:00:00Z', null],
  ])('quiet hours across DST: at %s it is quiet until %s', (at, until) => {
    const quiet = { from: '21:00', to: '08:00', timeZone: 'Europe/Vienna' };
    const result = quietUntil(Date.parse(at), quiet, 'Europe/Vienna');
    expect(result === null ? null : new Date(result).toISOString()).toBe(
      until === null ? null : new Date(until).toISOString(),
    );
  });

  it('a broadcast deferred across a spring-forward night goes out at 08:00 local', async () => {
    const s = await broadcastSetup({ quietHours: { from: '22:00', to: '08:00', timeZone: 'Europe/Vienna' } });
    await s.clock.setTime(Date.parse('2027-03-27T22:30:00Z'));
    await seedSubscribers(s.store, 1);
    await s.tidings.broadcasts.create({ content: { text: 'x' }, scheduledAt: 'now' });
    await s.tidings.drain();
    // In 2027 Vienna springs forward on 28 March: 08:00 CEST is 06:00 UTC.
    await s.clock.setTime(Date.parse('2027-03-28T12:00:00Z'));
    expect(s.sandbox.sent[0]?.at).toBe(Date.parse('2027-03-28T06:00:00Z'));
  });
});

describe('the priority lane', () => {
  it('a reply overtakes a newsletter in progress on the same sender', async () => {
    const s = await broadcastSetup({ pacing: { sandbox: { perSenderPerSecond: 1 } } });
    await seedSubscribers(s.store, 10);
    const start = s.clock.now();
    await s.tidings.broadcasts.create({ content: { text: 'newsletter' }, scheduledAt: 'now' });
    await s.tidings.drain();
    await s.clock.advance(1500);
    await s.sandbox.simulateInbound({ from: address(99), text: 'SPORT' });
    await s.clock.advance(20_000);
    const reply = s.sandbox.messagesTo(address(99))[0];
    expect(reply?.content.text).toBe('Anpfiff! ⚽');
    expect(reply!.at - start).toBeLessThanOrEqual(3000);
    const times = s.sandbox.sent.map((m) => m.at - start);
    expect(times).toEqual([0, 1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 10000]);
  });
});

describe('preflight (F25)', () => {
  it('counts recipients per messenger and sender, who is skipped and why, and the expected duration', async () => {
    const s = await broadcastSetup({
      pacing: { sandbox: { perSenderPerSecond: 10 } },
      sandbox: {
        capabilities: { serviceWindowMs: 24 * HOUR, templates: true },
        senders: [
          { id: 'a', display: 'A', capacity: 1000 },
          { id: 'b', display: 'B', capacity: 1000 },
        ],
      },
    });
    await seedSubscribers(s.store, 30, { senderId: 'a', extra: { lastInboundAt: s.clock.now() } });
    await seedSubscribers(s.store, 5, { senderId: 'b', from: 100, extra: { lastInboundAt: null } });
    await s.tidings.optins.start({ transport: 'sandbox', address: '+4915199999901' });
    const blocked = await seedSubscribers(s.store, 1, { senderId: 'a', from: 200 });
    await s.store.contacts.update('default', blocked[0]!.id, { blockedAt: 1 }, 1);

    const text = await s.tidings.broadcasts.preflight({ content: { text: 'x' } });
    expect(text).toMatchObject({
      recipients: 30,
      byTransport: { sandbox: { recipients: 30, templated: 0, bySender: { a: 30 } } },
      skipped: { pending: 1, blocked: 1, windowClosed: 5, unsubscribed: 0, visitor: 0 },
      expectedDurationMs: 3000,
    });
    const templated = await s.tidings.broadcasts.preflight({
      content: { text: 'x', template: { name: 't', language: 'de' } },
    });
    expect(templated).toMatchObject({
      recipients: 35,
      byTransport: { sandbox: { templated: 5, bySender: { a: 30, b: 5 } } },
    });
    expect(s.sandbox.sent).toEqual([]);
  });
});

describe('spread and daily caps (F19)', () => {
  it('spreads a broadcast over the given time instead of sending all at once', async () => {
    let n = 0;
    const s = await broadcastSetup({ random: () => (n++ * 0.37) % 1 });
    await seedSubscribers(s.store, 40);
    const start = s.clock.now();
    await s.tidings.broadcasts.create({ content: { text: 'x' }, scheduledAt: 'now', spreadMs: 150_000 });
    await s.tidings.drain();
    const early = s.sandbox.sentCount;
    await s.clock.advance(150_000);
    const offsets = s.sandbox.sent.map((m) => m.at - start);
    expect(s.sandbox.sentCount).toBe(40);
    expect(early).toBeLessThan(5);
    expect(Math.max(...offsets)).toBeLessThan(150_000);
    expect(Math.max(...offsets)).toBeGreaterThan(100_000);
  });

  it('stops a sender at its daily cap of unique recipients and goes on the next day (UTC)', async () => {
    const s = await broadcastSetup({ pacing: { sandbox: { dailyUniqueRecipients: 3 } } });
    await s.clock.setTime(Date.parse('2026-06-01T22:00:00Z'));
    await seedSubscribers(s.store, 5);
    const b = await s.tidings.broadcasts.create({ content: { text: 'x' }, scheduledAt: 'now' });
    await s.tidings.drain();
    expect(s.sandbox.sentCount).toBe(3);
    const report = await s.tidings.broadcasts.preflight({ content: { text: 'y' } });
    expect(report.expectedDurationMs).toBeGreaterThanOrEqual(24 * HOUR);
    await s.clock.setTime(Date.parse('2026-06-02T00:00:00Z'));
    await s.tidings.drain();
    expect(s.sandbox.sent.slice(3).map((m) => new Date(m.at).toISOString())).toEqual([
      '2026-06-02T00:00:00.000Z',
      '2026-06-02T00:00:00.000Z',
    ]);
    expect((await s.tidings.broadcasts.stats(b.id)).sent).toBe(5);
  });
});
