import { afterEach, describe, expect, it } from 'vitest';
import { tidingsWithFakeMessenger } from './tidings-setup.js';

const HOUR = 3_600_000;
type Setup = Awaited<ReturnType<typeof tidingsWithFakeMessenger>>;
let s: Setup | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

describe('Tidings with the fake Messenger', () => {
  it('confirms an m.me ref opt-in: in a new thread through Get Started (F4)', async () => {
    s = await tidingsWithFakeMessenger();
    const started = await s.tidings.optins.start({ transport: 'messenger', channels: ['sport'] });
    const url = `https://m.me/dailyplanet?ref=${started.token}`;
    expect(started.link).toEqual({ url, text: null, qrPayload: url });
    expect(started.sender).toEqual({ id: s.fake.page().pageId, display: 'dailyplanet' });
    const ana = s.fake.user({ firstName: 'Ana' });
    expect(ana.openLink('dailyplanet', started.token)).toBeNull(); // a new thread: the ref waits for Get Started
    ana.pressGetStarted('dailyplanet');
    await s.settle();
    expect((await s.tidings.optins.status(started.token))?.status).toBe('confirmed');
    const contact = await s.contactOf(ana.psid('dailyplanet'));
    expect(contact).toMatchObject({ state: 'confirmed', senderId: s.fake.page().pageId });
    expect((await s.tidings.contacts.subscriptions(contact.id)).sort()).toEqual(['news', 'sport']);
    expect(ana.texts()).toEqual(['Welcome to the news!']);
    expect(ana.received()[0]).toMatchObject({
      messagingType: 'RESPONSE',
      metadata: expect.stringMatching(/^tidings:/),
    });
  });

  it('confirms an m.me ref in an existing thread (a referral event) and with the first message', async () => {
    s = await tidingsWithFakeMessenger();
    const bo = s.fake.user({ firstName: 'Bo' });
    bo.send('dailyplanet', 'hello?');
    await s.settle();
    const first = await s.tidings.optins.start({ transport: 'messenger' });
    expect(bo.openLink('dailyplanet', first.token)).toMatchObject({
      referral: { ref: first.token, source: 'SHORTLINK' },
    });
    await s.settle();
    expect((await s.tidings.optins.status(first.token))?.status).toBe('confirmed');
    expect((await s.contactOf(bo.psid())).state).toBe('confirmed');

    const cy = s.fake.user({ firstName: 'Cy' });
    const second = await s.tidings.optins.start({ transport: 'messenger' });
    cy.openLink('dailyplanet', second.token);
    cy.send('dailyplanet', 'Hi!'); // no Get Started pressed: the referral rides on the first message
    await s.runUntil(async () => cy.texts().length > 0, 10);
    expect((await s.tidings.optins.status(second.token))?.status).toBe('confirmed');
    expect(cy.texts()).toEqual(['Welcome to the news!']);
  });

  it('subscribes on "Start" and unsubscribes on STOP, each with one reply', async () => {
    s = await tidingsWithFakeMessenger();
    const dan = s.fake.user();
    dan.send('dailyplanet', 'Start');
    await s.settle();
    const contact = await s.contactOf(dan.psid());
    expect(contact.state).toBe('confirmed');
    dan.tapQuickReply('dailyplanet', 'STOP', 'STOP');
    await s.runUntil(async () => dan.texts().length === 2, 10);
    expect((await s.tidings.contacts.get(contact.id))?.state).toBe('unsubscribed');
    expect(dan.texts()).toHaveLength(2);
    expect(dan.texts()[1]).toContain('unsubscribed');
  });

  it('moves deliveries on by the watermarks, and keeps page-inbox replies but not its own echoes', async () => {
    s = await tidingsWithFakeMessenger();
    const eva = s.fake.user();
    eva.send('dailyplanet', 'START');
    await s.settle();
    const contact = await s.contactOf(eva.psid());
    const outbound = async () =>
      (await s!.backdoor.messages(contact.workspaceId, contact.id)).filter((m) => m.direction === 'out');
    expect((await outbound()).map((m) => m.status)).toEqual(['sent']);
    await s.clock.advance(1000);
    eva.receiveAll('dailyplanet');
    await s.settle();
    expect((await outbound()).map((m) => m.status)).toEqual(['delivered']);
    await s.clock.advance(1000);
    eva.read('dailyplanet');
    await s.settle();
    expect((await outbound()).map((m) => m.status)).toEqual(['read']);

    s.fake.sendFromInbox('dailyplanet', eva.psid(), 'Hi Eva, Mia from the newsroom here.');
    await s.settle();
    const history = await outbound();
    expect(history.map((m) => [m.purpose, m.status, m.content.text])).toEqual([
      ['welcome', 'read', 'Welcome to the news!'],
      ['agent', 'sent', 'Hi Eva, Mia from the newsroom here.'],
    ]);
  });

  it('sends an agent reply after 30 hours with HUMAN_AGENT, and refuses one after 8 days with the reason', async () => {
    s = await tidingsWithFakeMessenger();
    const fay = s.fake.user();
    fay.send('dailyplanet', 'Is there a paper on Sunday?');
    await s.settle();
    const contact = await s.contactOf(fay.psid());
    await s.clock.advance(30 * HOUR);
    const late = await s.queueAgentMessage(contact, 'Sorry for the wait: yes, from 8 am.');
    expect(late).toMatchObject({ status: 'sent', providerMessageId: expect.stringMatching(/^m_/) });
    expect(s.fake.sent.at(-1)).toMatchObject({
      text: 'Sorry for the wait: yes, from 8 am.',
      messagingType: 'MESSAGE_TAG',
      tag: 'HUMAN_AGENT',
    });
    const requests = s.fake.requests.length;
    await s.clock.advance(7 * 24 * HOUR - 30 * HOUR + 24 * HOUR); // 8 days after her message
    const tooLate = await s.queueAgentMessage(contact, 'Anything else?');
    expect(tooLate).toMatchObject({
      status: 'skipped',
      error: "window-closed: outside the 7-day window for an agent's reply",
    });
    expect(s.fake.requests).toHaveLength(requests); // never called the API
    expect(fay.texts()).not.toContain('Anything else?');
    expect(fay.texts().at(-1)).toBe('Sorry for the wait: yes, from 8 am.');
  });

  it('broadcasts only to contacts inside their 24-hour window and reports the rest as skipped', async () => {
    s = await tidingsWithFakeMessenger();
    const users = Array.from({ length: 5 }, (_, i) => s!.fake.user({ firstName: `P${i}` }));
    for (const u of users) u.send('dailyplanet', 'NEWS');
    await s.settle();
    await s.clock.advance(20 * HOUR);
    users[0]!.send('dailyplanet', 'still here');
    users[1]!.tapQuickReply('dailyplanet', 'More please', 'MORE');
    await s.settle();
    await s.clock.advance(10 * HOUR); // the others last wrote 30 hours ago
    const before = s.fake.requests.length;
    const broadcast = await s.tidings.broadcasts.create({
      content: { text: 'Edition 1' },
      scheduledAt: 'now',
    });
    await s.runUntil(async () => (await s!.tidings.broadcasts.get(broadcast.id))?.status === 'completed');
    const stats = await s.tidings.broadcasts.stats(broadcast.id);
    expect(stats).toMatchObject({ total: 5, sent: 2, skipped: 3 });
    expect(stats.reasons).toEqual({ 'window-closed: outside the 24-hour window and no template': 3 });
    expect(users.map((u) => u.texts().includes('Edition 1'))).toEqual([true, true, false, false, false]);
    expect(s.fake.requests.slice(before).map((r) => [r.status, r.messagingType])).toEqual([
      [200, 'RESPONSE'],
      [200, 'RESPONSE'],
    ]);
  });

  it('keeps each contact with the page they wrote to (F18, F34)', async () => {
    s = await tidingsWithFakeMessenger({ pages: [{ name: 'dailyplanet' }, { name: 'sportdesk' }] });
    const ana = s.fake.user();
    const bo = s.fake.user();
    ana.send('dailyplanet', 'NEWS');
    bo.send('sportdesk', 'NEWS');
    await s.settle();
    expect((await s.contactOf(bo.psid('sportdesk'))).senderId).toBe(s.fake.page('sportdesk').pageId);
    await s.clock.advance(2000);
    const b = await s.tidings.broadcasts.create({ content: { text: 'Edition 1' }, scheduledAt: 'now' });
    await s.runUntil(async () => (await s!.tidings.broadcasts.get(b.id))?.status === 'completed');
    const pageOf = (id: string) => (id === s!.fake.page('dailyplanet').pageId ? 'dailyplanet' : 'sportdesk');
    expect(ana.received().map((m) => pageOf(m.pageId))).toEqual(['dailyplanet', 'dailyplanet']);
    expect(bo.received().map((m) => pageOf(m.pageId))).toEqual(['sportdesk', 'sportdesk']);
  });
});
