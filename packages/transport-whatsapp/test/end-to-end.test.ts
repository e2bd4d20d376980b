import { maxInWindow, seededAddress, seedSubscribers } from '@tidings/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { tidingsWithFakeWhatsApp } from './tidings-setup.js';

type Setup = Awaited<ReturnType<typeof tidingsWithFakeWhatsApp>>;
let s: Setup | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});
const HOUR = 60 * 60 * 1000;
const schemaProblems = (setup: Setup) => [
  ...setup.fake.requests.flatMap((r) => r.schemaErrors),
  ...setup.fake.webhooks.flatMap((w) => w.schemaErrors),
];

describe('Tidings with the fake WhatsApp Cloud API', () => {
  it.each([
    ['with the phone in the webhook', false],
    ['when the webhook carries only a business-scoped id', true],
  ])('confirms a widget opt-in through the wa.me START token (%s)', async (_, hidePhone) => {
    s = await tidingsWithFakeWhatsApp();
    const ana = s.fake.subscriber({ name: 'Ana', phone: '+4915112345678', hidePhone });
    const started = await s.tidings.optins.start({
      transport: 'whatsapp',
      address: '+49 151 12345678',
      channels: ['sport'],
    });
    const digits = s.number.displayNumber;
    expect(started.link).toEqual({
      url: `https://wa.me/${digits}?text=START%20${started.token}`,
      text: `START ${started.token}`,
      qrPayload: `https://wa.me/${digits}?text=START%20${started.token}`,
    });
    await ana.send(started.link.text!);
    await s.settle();
    expect((await s.tidings.optins.status(started.token))?.status).toBe('confirmed');
    const contact = await s.tidings.contacts.find({ transport: 'whatsapp', address: ana.address });
    expect(contact).toMatchObject({ state: 'confirmed', name: 'Ana' });
    expect((await s.tidings.contacts.subscriptions(contact!.id)).sort()).toEqual(['news', 'sport']);
    expect(ana.texts()).toEqual(['Welcome to the news!']);
    expect(schemaProblems(s)).toEqual([]);
  });

  it('subscribes by keyword, unsubscribes by STOP — typed or tapped on the Stop button of a broadcast', async () => {
    s = await tidingsWithFakeWhatsApp({}, { stopButton: { title: 'Stop' } });
    const bo = s.fake.subscriber({ name: 'Bo' });
    await bo.send('SPORT');
    await s.settle();
    expect(bo.texts()).toEqual(['Anpfiff!']);
    const contact = await s.tidings.contacts.find({ transport: 'whatsapp', address: bo.address });
    expect((await s.tidings.contacts.subscriptions(contact!.id)).sort()).toEqual(['news', 'sport']);
    await s.clock.advance(7000);
    const b = await s.tidings.broadcasts.create({ content: { text: 'Edition 1' }, scheduledAt: 'now' });
    await s.runUntil(async () => (await s!.tidings.broadcasts.get(b.id))?.status === 'completed');
    expect(bo.received().at(-1)?.body).toMatchObject({
      type: 'interactive',
      interactive: { action: { buttons: [{ reply: { id: 'STOP', title: 'Stop' } }] } },
    });
    await bo.tapButton('STOP', 'Stop');
    await s.runUntil(async () => bo.texts().length === 3);
    expect(bo.texts().at(-1)).toContain('unsubscribed');
    expect(await s.tidings.contacts.subscriptions(contact!.id)).toEqual([]);
    const [, edition, confirmation] = bo.received();
    expect(confirmation!.at - edition!.at).toBeGreaterThanOrEqual(6000);

    const cy = s.fake.subscriber({ name: 'Cy' });
    await cy.send('NEWS');
    await s.settle();
    await s.clock.advance(7000);
    await cy.send('stop');
    await s.runUntil(async () => cy.texts().length === 2);
    expect((await s.tidings.contacts.find({ transport: 'whatsapp', address: cy.address }))?.state).toBe(
      'unsubscribed',
    );
    expect(s.fake.requests.filter((r) => r.status !== 200)).toEqual([]);
    expect(schemaProblems(s)).toEqual([]);
  });

  it('falls back to the template outside the 24-hour window and sends the text inside it; statuses reach delivered and read', async () => {
    s = await tidingsWithFakeWhatsApp();
    const [ana] = await seedSubscribers(s.store, 1, {
      transport: 'whatsapp',
      senderId: s.number.phoneNumberId,
      extra: { lastInboundAt: s.clock.now() - 25 * HOUR },
    });
    const anaPhone = s.fake.subscriber({ phone: ana!.address });
    const bo = s.fake.subscriber({ name: 'Bo' });
    await bo.send('NEWS');
    await s.settle();
    await s.clock.advance(7000);
    const b = await s.tidings.broadcasts.create({
      content: { text: 'Edition 2', template: { name: 'edition', language: 'en', parameters: ['2'] } },
      scheduledAt: 'now',
    });
    await s.runUntil(async () => (await s!.tidings.broadcasts.get(b.id))?.status === 'completed');
    expect(anaPhone.received().map((m) => m.body.type)).toEqual(['template']);
    expect(anaPhone.texts()).toEqual(['edition 2']);
    expect(bo.texts()).toEqual(['Welcome to the news!', 'Edition 2']);
    // No free-form message went to Ana: the API saw only the template.
    expect(s.fake.requests.filter((r) => r.to === anaPhone.phone).length).toBe(1);

    await s.runUntil(async () => (await s!.tidings.broadcasts.stats(b.id)).delivered === 2);
    await bo.read();
    await s.runUntil(async () => (await s!.tidings.broadcasts.stats(b.id)).read === 1);
    expect(await s.tidings.broadcasts.stats(b.id)).toMatchObject({
      total: 2,
      sent: 2,
      delivered: 2,
      read: 1,
    });
    expect(schemaProblems(s)).toEqual([]);
  });

  it('broadcasts a template to 500 subscribers within 80/s and the 6 s pair gap, through injected 130429 and 131056, losing nothing', async () => {
    s = await tidingsWithFakeWhatsApp({ limits: { dailyTier: 1000 } }, { dailyUniqueRecipients: 1000 });
    const contacts = await seedSubscribers(s.store, 500, {
      transport: 'whatsapp',
      senderId: s.number.phoneNumberId,
    });
    const people = contacts.map((_, i) => s!.fake.subscriber({ phone: seededAddress(i) }));
    s.fake.inject({ kind: 'error', code: 130429 }, { times: 5 });
    s.fake.inject({ kind: 'error', code: 131056 }, { to: people[42]!.phone!, times: 2 });
    s.fake.inject({ kind: 'error', code: 131056 }, { to: people[420]!.phone!, times: 1 });
    const b = await s.tidings.broadcasts.create({
      content: { template: { name: 'edition', language: 'de', parameters: ['3'] } },
      scheduledAt: 'now',
    });
    await s.runUntil(async () => (await s!.tidings.broadcasts.get(b.id))?.status === 'completed', 250);
    await s.runUntil(async () => (await s!.tidings.broadcasts.stats(b.id)).delivered === 500, 250);

    expect(await s.tidings.broadcasts.stats(b.id)).toMatchObject({
      total: 500,
      sent: 500,
      delivered: 500,
      failed: 0,
    });
    for (const p of people) expect(p.texts()).toEqual(['edition 3']);
    const refused = s.fake.requests.filter((r) => r.status !== 200);
    expect(refused.filter((r) => !r.injected)).toEqual([]);
    expect(refused.map((r) => r.code).sort()).toEqual([
      130429, 130429, 130429, 130429, 130429, 131056, 131056, 131056,
    ]);
    expect(
      maxInWindow(
        s.fake.sent.map((m) => m.at),
        1000,
      ),
    ).toBeLessThanOrEqual(80);
    for (const target of [people[42]!, people[420]!]) {
      const times = s.fake.requests.filter((r) => r.to === target.phone).map((r) => r.at);
      for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(6000);
    }
    expect(schemaProblems(s)).toEqual([]);
  }, 120_000);

  it('records calls and marks a contact who stopped marketing messages (131050)', async () => {
    s = await tidingsWithFakeWhatsApp();
    const [dan] = await seedSubscribers(s.store, 1, {
      transport: 'whatsapp',
      senderId: s.number.phoneNumberId,
    });
    const person = s.fake.subscriber({ phone: dan!.address });
    person.stopMarketing();
    const calls: string[] = [];
    s.tidings.on('call.received', ({ contact }) => void calls.push(contact.address));
    const b = await s.tidings.broadcasts.create({
      content: { template: { name: 'promo', language: 'en', parameters: [] } },
      scheduledAt: 'now',
    });
    await s.runUntil(async () => (await s!.tidings.broadcasts.get(b.id))?.status === 'completed');
    await s.runUntil(async () => (await s!.tidings.contacts.get(dan!.id))?.blockedAt !== null);
    expect(person.texts()).toEqual([]);
    await person.call();
    await s.settle();
    expect(calls).toEqual([dan!.address]);
    expect(schemaProblems(s)).toEqual([]);
  });

  it('keeps each contact with the number they wrote to (F18, F34)', async () => {
    s = await tidingsWithFakeWhatsApp({
      numbers: [{}, { phoneNumberId: '106540352242999', displayNumber: '15550783899' }],
    });
    const [first, second] = s.fake.numbers;
    const ana = s.fake.subscriber({ name: 'Ana' });
    const bo = s.fake.subscriber({ name: 'Bo' });
    await ana.send('NEWS', { to: first!.phoneNumberId });
    await bo.send('NEWS', { to: second!.phoneNumberId });
    await s.settle();
    const contact = await s.tidings.contacts.find({ transport: 'whatsapp', address: bo.address });
    expect(contact).toMatchObject({ senderId: second!.phoneNumberId });
    await s.clock.advance(7000);
    const b = await s.tidings.broadcasts.create({ content: { text: 'Edition 1' }, scheduledAt: 'now' });
    await s.runUntil(async () => (await s!.tidings.broadcasts.get(b.id))?.status === 'completed');
    expect(ana.received().map((m) => m.phoneNumberId)).toEqual([first!.phoneNumberId, first!.phoneNumberId]);
    expect(bo.received().map((m) => m.phoneNumberId)).toEqual([second!.phoneNumberId, second!.phoneNumberId]);
    expect(schemaProblems(s)).toEqual([]);
  });

  it('pauses a number Meta restricts (368) and keeps its deliveries (F35)', async () => {
    s = await tidingsWithFakeWhatsApp();
    const paused: string[] = [];
    s.tidings.on('sender.paused', ({ senderId, reason }) => void paused.push(`${senderId}: ${reason}`));
    await seedSubscribers(s.store, 3, { transport: 'whatsapp', senderId: s.number.phoneNumberId });
    for (let i = 0; i < 3; i++) s.fake.subscriber({ phone: seededAddress(i) });
    s.fake.inject({ kind: 'error', code: 368 });
    const b = await s.tidings.broadcasts.create({
      content: { template: { name: 'edition', language: 'de', parameters: [] } },
      scheduledAt: 'now',
    });
    await s.runUntil(async () => paused.length > 0);
    expect(paused[0]).toMatch(new RegExp(`^${s.number.phoneNumberId}: sender-blocked: .*\\(368\\)`));
    expect((await s.tidings.broadcasts.stats(b.id)).failed).toBe(0);
    expect(s.fake.sent.length).toBeLessThan(3);
    // Once the number is cleared, the held deliveries go out: none was lost.
    await s.tidings.senders.resume('whatsapp', s.number.phoneNumberId);
    await s.runUntil(async () => (await s!.tidings.broadcasts.get(b.id))?.status === 'completed');
    expect(await s.tidings.broadcasts.stats(b.id)).toMatchObject({ total: 3, sent: 3, failed: 0 });
  });
});
