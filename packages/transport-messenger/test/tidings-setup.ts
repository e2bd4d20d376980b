import type { Contact } from '@tidings/core';
import { createTidings, silentLogger } from '@tidings/core';
import { toNodeHandler } from '@tidings/core/node';
import { memoryStoreWithBackdoor, steppingClock } from '@tidings/core/testing';
import { messengerTransport } from '../src/index.js';
import { type FakeMessengerOptions, fakeMessenger } from '../src/testing/index.js';
import { serve, VERIFY } from './helpers.js';

/**
 * Tidings on a stepping manual clock with the Messenger transport, its handler on 127.0.0.1 subscribed as the app's
 * callback URL, and a fake Messenger reading the same clock.
 */
export async function tidingsWithFakeMessenger(fakeOptions: FakeMessengerOptions = {}) {
  let drain = async () => {};
  const clock = steppingClock(Date.parse('2026-06-01T08:00:00Z'), () => drain());
  const fake = await fakeMessenger({ now: clock.now, pages: [{ name: 'dailyplanet' }], ...fakeOptions });
  const messenger = messengerTransport({
    pages: fake.pages,
    appSecret: fake.appSecret,
    verifyToken: VERIFY,
    baseUrl: fake.baseUrl,
  });
  const { store, backdoor } = memoryStoreWithBackdoor();
  const tidings = createTidings({
    store,
    clock,
    transports: [messenger],
    logger: silentLogger,
    businessName: 'Newsroom',
  });
  await tidings.channels.create({
    slug: 'news',
    name: 'News',
    keywords: ['NEWS'],
    welcome: 'Welcome to the news!',
    isDefault: true,
  });
  await tidings.channels.create({ slug: 'sport', name: 'Sport', keywords: ['SPORT'], welcome: 'Anpfiff!' });
  drain = () => tidings.drain();
  await tidings.start();
  const server = await serve(toNodeHandler(tidings.handler));
  await fake.subscribe(`${server.origin}/tidings/webhooks/messenger`, VERIFY);

  /** Lets the fake post every webhook, Tidings send what that made due, and the echoes of that come back. */
  const settle = async () => {
    for (let i = 0; i < 3; i++) {
      await fake.idle(30_000);
      await tidings.drain();
    }
  };
  const runUntil = async (done: () => Promise<boolean>, stepMs = 100, maxSteps = 2000) => {
    for (let i = 0; i < maxSteps; i++) {
      await settle();
      if (await done()) return;
      await clock.advance(stepMs);
    }
    throw new Error('runUntil: never done');
  };
  const contactOf = async (psid: string) =>
    (await tidings.contacts.find({ transport: 'messenger', address: psid }))!;
  /**
   * An agent's message, queued the way the core queues every one-to-one message (a `queued` message and a priority
   * delivery with purpose `agent`) through the public Store port: the core has no public agent API yet.
   */
  const queueAgentMessage = async (contact: Contact, text: string) => {
    const now = clock.now();
    const message = (await store.messages.insert({
      workspaceId: contact.workspaceId,
      contactId: contact.id,
      transport: 'messenger',
      senderId: contact.senderId,
      direction: 'out',
      kind: 'message',
      purpose: 'agent',
      content: { text },
      providerMessageId: null,
      status: 'queued',
      error: null,
      at: now,
      inReplyTo: null,
      broadcastId: null,
    }))!;
    await store.deliveries.enqueue({
      workspaceId: contact.workspaceId,
      broadcastId: null,
      messageId: message.id,
      contactId: contact.id,
      transport: 'messenger',
      senderId: contact.senderId,
      address: contact.address,
      lane: 'priority',
      purpose: 'agent',
      inReplyTo: null,
      attempts: 0,
      notBefore: now,
      slotAt: null,
      useTemplate: false,
      lastError: null,
      createdAt: now,
    });
    await settle();
    return (await store.messages.get(contact.workspaceId, message.id))!;
  };
  const close = async () => {
    await tidings.stop();
    await fake.close();
    await server.close();
  };
  return {
    clock,
    fake,
    messenger,
    tidings,
    store,
    backdoor,
    settle,
    runUntil,
    contactOf,
    queueAgentMessage,
    close,
  };
}
