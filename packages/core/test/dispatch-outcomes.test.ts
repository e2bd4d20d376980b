import { describe, expect, it, vi } from 'vitest';
import { sandboxFaults } from '../src/index.js';
import { address, broadcastSetup, seedSubscribers } from './broadcast-setup.js';

describe('what the dispatcher does with each outcome (F10, F19, F35)', () => {
  it('honours retry-after on 429 and backs off on 5xx, then sends; nothing is lost', async () => {
    const s = await broadcastSetup({ random: () => 0 });
    await seedSubscribers(s.store, 2);
    s.sandbox.setBehaviour((m, attempt) => {
      if (m.to === address(0) && attempt === 1) return sandboxFaults.rateLimited(30_000);
      if (m.to === address(1) && attempt <= 2) return sandboxFaults.serverError();
      return undefined;
    });
    const start = s.clock.now();
    const b = await s.tidings.broadcasts.create({ content: { text: 'x' }, scheduledAt: 'now' });
    await s.tidings.drain();
    expect(s.sandbox.sentCount).toBe(0);
    await s.clock.advance(29_999);
    expect(s.sandbox.messagesTo(address(0))).toHaveLength(0);
    await s.clock.advance(1);
    expect(s.sandbox.messagesTo(address(0))[0]?.at).toBe(start + 30_000);
    // 5xx: exponential backoff with jitter (random() = 0 → half the ceiling): 500 ms, then 1 s.
    expect(s.sandbox.messagesTo(address(1))[0]?.at).toBe(start + 500 + 1000);
    expect(await s.tidings.broadcasts.stats(b.id)).toMatchObject({ status: 'completed', sent: 2 });
  });

  it('gives up after the maximum attempts with the reason; a timeout counts as a failed attempt', async () => {
    const s = await broadcastSetup({ dispatch: { maxAttempts: 3, sendTimeoutMs: 5_000 } });
    await seedSubscribers(s.store, 1);
    s.sandbox.setBehaviour(() => sandboxFaults.timeout());
    const b = await s.tidings.broadcasts.create({ content: { text: 'x' }, scheduledAt: 'now' });
    for (let i = 0; i < 10; i++) await s.clock.advance(60_000);
    const stats = await s.tidings.broadcasts.stats(b.id);
    expect(stats).toMatchObject({ status: 'completed', failed: 1, sent: 0 });
    expect(Object.keys(stats.reasons)).toEqual([
      'gave up after 3 attempts: timeout: no answer within 5000 ms',
    ]);
    expect(s.sandbox.requests.map((r) => r.answer)).toEqual(['timeout', 'timeout', 'timeout']);
  });

  it('marks a recipient who blocked us and never retries them (F10)', async () => {
    const s = await broadcastSetup();
    const [blocker] = await seedSubscribers(s.store, 2);
    s.sandbox.setBehaviour((m) =>
      m.to === blocker!.address ? sandboxFaults.blockedByRecipient() : undefined,
    );
    await s.tidings.broadcasts.create({ content: { text: 'one' }, scheduledAt: 'now' });
    await s.tidings.drain();
    expect((await s.tidings.contacts.get(blocker!.id))?.blockedAt).not.toBeNull();
    const b2 = await s.tidings.broadcasts.create({ content: { text: 'two' }, scheduledAt: 'now' });
    await s.tidings.drain();
    expect(s.sandbox.requests.filter((r) => r.to === blocker!.address)).toHaveLength(1);
    expect((await s.tidings.broadcasts.stats(b2.id)).total).toBe(1);
  });

  it('pauses a banned sender, holds its deliveries, and moves them to a replacement that invites the contacts (F35)', async () => {
    const s = await broadcastSetup({
      sandbox: {
        senders: [
          { id: 'old', display: '+43 1 111', capacity: 100 },
          { id: 'new', display: '+43 1 222', capacity: 100 },
        ],
      },
    });
    await seedSubscribers(s.store, 3, { senderId: 'old' });
    s.sandbox.setBehaviour((m) => (m.sender.id === 'old' ? sandboxFaults.senderBanned() : undefined));
    const paused = vi.fn();
    s.tidings.on('sender.paused', paused);
    const b = await s.tidings.broadcasts.create({ content: { text: 'news' }, scheduledAt: 'now' });
    await s.tidings.drain();
    expect(paused).toHaveBeenCalledWith(expect.objectContaining({ transport: 'sandbox', senderId: 'old' }));
    // Sends already in flight when the ban arrived fail too; after it, nothing more goes to the platform.
    const triedBeforePause = s.sandbox.requests.length;
    expect(triedBeforePause).toBeLessThanOrEqual(3);
    await s.clock.advance(60 * 60 * 1000);
    expect(s.sandbox.requests).toHaveLength(triedBeforePause);

    expect((await s.tidings.senders.list()).find((x) => x.id === 'old')?.paused?.reason).toContain(
      'restricted',
    );

    const replaced = await s.tidings.senders.replace({
      transport: 'sandbox',
      from: 'old',
      to: 'new',
      invitation: 'Wir haben eine neue Nummer: +43 1 222. Bitte speichern!',
    });
    expect(replaced.moved).toBe(3);
    await s.tidings.drain();
    const received = s.sandbox.sent.map((m) => [m.senderId, m.content.text]);
    expect(received.filter(([, t]) => t === 'news')).toEqual([
      ['new', 'news'],
      ['new', 'news'],
      ['new', 'news'],
    ]);
    expect(received.filter(([, t]) => t?.startsWith('Wir haben'))).toHaveLength(3);
    expect(await s.tidings.broadcasts.stats(b.id)).toMatchObject({ sent: 3, status: 'completed' });
    expect((await s.tidings.senders.list()).find((x) => x.id === 'new')).toMatchObject({
      contacts: 3,
      paused: null,
    });
  });

  it('resumes a paused sender by hand', async () => {
    const s = await broadcastSetup();
    await seedSubscribers(s.store, 2);
    await s.tidings.senders.pause('sandbox', 'sandbox', 'quality rating low');
    await s.tidings.broadcasts.create({ content: { text: 'x' }, scheduledAt: 'now' });
    await s.tidings.drain();
    expect(s.sandbox.sentCount).toBe(0);
    await s.tidings.senders.resume('sandbox', 'sandbox');
    await s.tidings.drain();
    expect(s.sandbox.sentCount).toBe(2);
  });
});

describe('the 24-hour window and templates (F24)', () => {
  const windowed = { capabilities: { serviceWindowMs: 24 * 60 * 60 * 1000, templates: true } };

  it('sends free text inside the window, the template outside, and skips without a template', async () => {
    const s = await broadcastSetup({ sandbox: windowed });
    const [inside, outside] = await seedSubscribers(s.store, 2);
    await s.store.contacts.update('default', inside!.id, { lastInboundAt: s.clock.now() - 60_000 }, 0);
    await s.store.contacts.update(
      'default',
      outside!.id,
      { lastInboundAt: s.clock.now() - 25 * 60 * 60 * 1000 },
      0,
    );
    await s.tidings.broadcasts.create({
      content: {
        text: 'Hallo {name}',
        template: { name: 'weekly_news', language: 'de', parameters: ['{name}'] },
      },
      scheduledAt: 'now',
    });
    await s.tidings.drain();
    expect(s.sandbox.messagesTo(inside!.address)[0]?.content).toEqual({ text: 'Hallo Person 0' });
    expect(s.sandbox.messagesTo(outside!.address)[0]?.content).toEqual({
      template: { name: 'weekly_news', language: 'de', parameters: ['Person 1'] },
    });
    s.sandbox.clear();
    const b = await s.tidings.broadcasts.create({ content: { text: 'no template' }, scheduledAt: 'now' });
    await s.tidings.drain();
    expect(s.sandbox.requests.map((r) => r.to)).toEqual([inside!.address]);
    expect((await s.tidings.broadcasts.stats(b.id)).reasons).toEqual({
      'window-closed: outside the 24-hour window and no template': 1,
    });
  });

  it('falls back to the template when the platform says the window closed', async () => {
    const s = await broadcastSetup({ sandbox: windowed });
    const [c] = await seedSubscribers(s.store, 1);
    await s.store.contacts.update('default', c!.id, { lastInboundAt: s.clock.now() }, 0);
    s.sandbox.setBehaviour((m) => (m.content.text ? sandboxFaults.windowClosed() : undefined));
    await s.tidings.broadcasts.create({
      content: { text: 'x', template: { name: 't', language: 'de', parameters: [] } },
      scheduledAt: 'now',
    });
    await s.tidings.drain();
    expect(s.sandbox.requests.map((r) => r.answer)).toEqual(['window-closed', 'accepted']);
    expect(s.sandbox.sent[0]?.content.template?.name).toBe('t');
  });
});

describe('link tracking (F22)', () => {
  const click = async (s: Awaited<ReturnType<typeof broadcastSetup>>, text: string) => {
    const url = text.match(/https:\/\/news\.example\/tidings\/l\/\w+/)![0];
    const response = await s.tidings.handler(
      new Request(url.replace('https://news.example', 'http://localhost')),
    );
    return { status: response.status, location: response.headers.get('location') };
  };

  it.each(['off', 'anonymous', 'individual'] as const)('counts clicks in %s mode', async (tracking) => {
    const s = await broadcastSetup();
    await seedSubscribers(s.store, 3);
    const b = await s.tidings.broadcasts.create({
      content: { text: 'Lies https://example.com/story?id=1 und https://example.com/b.' },
      scheduledAt: 'now',
      tracking,
    });
    await s.tidings.drain();
    const texts = s.sandbox.sent.map((m) => m.content.text!);
    if (tracking === 'off') {
      expect(texts[0]).toBe('Lies https://example.com/story?id=1 und https://example.com/b.');
      expect((await s.tidings.broadcasts.stats(b.id)).clicked).toBe(0);
      return;
    }
    expect(texts[0]).toMatch(
      /^Lies https:\/\/news\.example\/tidings\/l\/\w{10} und https:\/\/news\.example\/tidings\/l\/\w{10}\.$/,
    );
    const codes = new Set(texts.map((t) => t.split(' ')[1]));
    expect(codes.size).toBe(tracking === 'anonymous' ? 1 : 3);
    expect(await click(s, texts[0]!)).toEqual({ status: 302, location: 'https://example.com/story?id=1' });
    await click(s, texts[0]!);
    await click(s, texts[1]!);
    const stats = await s.tidings.broadcasts.stats(b.id);
    // Anonymous counts clicks; individual counts the people who clicked.
    expect(stats.clicked).toBe(tracking === 'anonymous' ? 3 : 2);
    expect(stats.links.find((l) => l.url === 'https://example.com/story?id=1')).toMatchObject({
      clicks: 3,
      contacts: tracking === 'anonymous' ? 0 : 2,
    });
    if (tracking === 'individual') {
      s.sandbox.clear();
      await s.tidings.broadcasts.create({
        content: { text: 'follow-up' },
        audience: { outcome: { broadcastId: b.id, is: 'clicked' } },
        scheduledAt: 'now',
      });
      await s.tidings.drain();
      expect(s.sandbox.sent.map((m) => m.to).sort()).toEqual([address(0), address(1)]);
    }
  });

  it('an unknown code is a 404', async () => {
    const s = await broadcastSetup();
    expect((await s.tidings.handler(new Request('http://localhost/tidings/l/nothere123'))).status).toBe(404);
  });
});
