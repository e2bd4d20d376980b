import { afterEach, describe, expect, it } from 'vitest';
import { maxInWindow, tidingsWithFakeTelegram } from './tidings-setup.js';

type Setup = Awaited<ReturnType<typeof tidingsWithFakeTelegram>>;
let s: Setup | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

describe('Tidings with the fake Telegram', () => {
  it('confirms a deep-link opt-in when the user presses Start with the payload (F3)', async () => {
    s = await tidingsWithFakeTelegram();
    const started = await s.tidings.optins.start({ transport: 'telegram', channels: ['sport'] });
    expect(started.link).toEqual({
      url: `https://t.me/news_bot?start=${started.token}`,
      text: null,
      qrPayload: `https://t.me/news_bot?start=${started.token}`,
    });
    expect(started.sender).toEqual({ id: 'news_bot', display: '@news_bot' });
    const ana = s.fake.user({ firstName: 'Ana' });
    ana.pressStart('news_bot', started.token);
    await s.settle();
    expect((await s.tidings.optins.status(started.token))?.status).toBe('confirmed');
    const contact = await s.tidings.contacts.find({ transport: 'telegram', address: String(ana.id) });
    expect(contact).toMatchObject({ state: 'confirmed', name: 'Ana' });
    expect((await s.tidings.contacts.subscriptions(contact!.id)).sort()).toEqual(['news', 'sport']);
    expect(ana.texts()).toEqual(['Welcome to the news!']);
  });

  it('subscribes by keyword and unsubscribes by STOP, with the replies paced 1 s apart per chat', async () => {
    s = await tidingsWithFakeTelegram();
    const bo = s.fake.user({ firstName: 'Bo' });
    bo.send('news_bot', 'SPORT');
    await s.settle();
    const contact = await s.tidings.contacts.find({ transport: 'telegram', address: String(bo.id) });
    expect((await s.tidings.contacts.subscriptions(contact!.id)).sort()).toEqual(['news', 'sport']);
    expect(bo.texts()).toEqual(['Anpfiff!']);
    bo.send('news_bot', 'Stop');
    await s.runUntil(async () => bo.texts().length === 2);
    expect(await s.tidings.contacts.subscriptions(contact!.id)).toEqual([]);
    const [welcome, confirmation] = bo.received();
    expect(confirmation!.at - welcome!.at).toBeGreaterThanOrEqual(1000);
    expect(s.fake.requests.filter((r) => r.status === 429)).toEqual([]);
  });

  it('marks a user who blocked the bot (my_chat_member) and sends nothing to them', async () => {
    s = await tidingsWithFakeTelegram();
    const cy = s.fake.user();
    cy.send('news_bot', 'NEWS');
    await s.settle();
    cy.block('news_bot');
    await s.settle();
    const contact = await s.tidings.contacts.find({ transport: 'telegram', address: String(cy.id) });
    expect(contact?.blockedAt).not.toBeNull();
    await s.clock.advance(5000);
    const b = await s.tidings.broadcasts.create({ content: { text: 'Edition 1' }, scheduledAt: 'now' });
    await s.runUntil(async () => (await s!.tidings.broadcasts.get(b.id))?.status === 'completed');
    expect(cy.texts()).toEqual(['Welcome to the news!']);
    cy.unblock('news_bot');
    await s.settle();
    expect((await s.tidings.contacts.get(contact!.id))?.blockedAt).toBeNull();
  });

  it('broadcasts to 300 subscribers within 30/s and 1/s per chat, through injected 429s, losing nothing; a user who blocked silently is marked and never retried', async () => {
    s = await tidingsWithFakeTelegram();
    const users = Array.from({ length: 300 }, (_, i) => s!.fake.user({ firstName: `P${i}` }));
    for (const u of users) u.send('news_bot', 'NEWS');
    await s.runUntil(async () => users.every((u) => u.received().length === 1), 500);
    const silent = users[17]!;
    silent.block('news_bot', { notify: false });
    await s.clock.advance(2000);
    s.fake.inject({ kind: 'rate-limit', retryAfter: 2 }, { times: 5 });
    const broadcast = await s.tidings.broadcasts.create({
      content: { text: 'Edition 1' },
      scheduledAt: 'now',
    });
    await s.runUntil(
      async () => (await s!.tidings.broadcasts.get(broadcast.id))?.status === 'completed',
      250,
    );

    const stats = await s.tidings.broadcasts.stats(broadcast.id);
    expect(stats).toMatchObject({ total: 300, sent: 299, failed: 1 });
    for (const u of users)
      expect(u.texts().filter((t) => t === 'Edition 1')).toHaveLength(u === silent ? 0 : 1);

    // Measured on the fake's side: no 429 but the 5 injected ones, no window over the limits.
    const limited = s.fake.requests.filter((r) => r.status === 429);
    expect(limited.filter((r) => !r.injected)).toEqual([]);

    expect(limited).toHaveLength(5);
    expect(
      maxInWindow(
        s.fake.sent.map((m) => m.at),
        1000,
      ),
    ).toBeLessThanOrEqual(30);
    for (const u of users) {
      const times = u.received().map((m) => m.at);
      for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(1000);
    }

    const marked = await s.tidings.contacts.find({ transport: 'telegram', address: String(silent.id) });
    expect(marked?.blockedAt).not.toBeNull();
    const toSilent = () =>
      s!.fake.requests.filter((r) => r.chatId === silent.id && r.method === 'sendmessage');
    expect(toSilent().map((r) => r.status)).toEqual([200, 403]);

    await s.clock.advance(2000);
    const second = await s.tidings.broadcasts.create({ content: { text: 'Edition 2' }, scheduledAt: 'now' });
    await s.runUntil(async () => (await s!.tidings.broadcasts.get(second.id))?.status === 'completed', 250);
    expect(await s.tidings.broadcasts.stats(second.id)).toMatchObject({ total: 299, sent: 299 });
    expect(toSilent()).toHaveLength(2);
  }, 90_000);

  it('keeps each contact with the bot they started (F18, F34)', async () => {
    s = await tidingsWithFakeTelegram({ bots: [{ username: 'news_bot' }, { username: 'sport_bot' }] });
    const ana = s.fake.user();
    const bo = s.fake.user();
    ana.send('news_bot', 'NEWS');
    bo.send('sport_bot', 'NEWS');
    await s.settle();
    const contact = await s.tidings.contacts.find({ transport: 'telegram', address: String(bo.id) });
    expect(contact).toMatchObject({ senderId: 'sport_bot' });
    await s.clock.advance(2000);
    const b = await s.tidings.broadcasts.create({ content: { text: 'Edition 1' }, scheduledAt: 'now' });
    await s.runUntil(async () => (await s!.tidings.broadcasts.get(b.id))?.status === 'completed');
    expect(ana.received().map((m) => m.bot)).toEqual(['news_bot', 'news_bot']);
    expect(bo.received().map((m) => m.bot)).toEqual(['sport_bot', 'sport_bot']);
  });
});
