import { createTidings, memoryStore, silentLogger } from '@tidings/core';
import { toNodeHandler } from '@tidings/core/node';
import { steppingClock } from '@tidings/core/testing';
import { type WhatsAppTransportOptions, whatsappTransport } from '../src/index.js';
import { type FakeWhatsAppOptions, fakeWhatsApp } from '../src/testing/index.js';
import { openapiPath, serve, VERIFY } from './helpers.js';

/**
 * Tidings on a stepping manual clock with the WhatsApp transport, its handler on 127.0.0.1 subscribed as the fake's
 * webhook, and a fake Cloud API measuring its limits and timing its statuses on the same clock.
 */
export async function tidingsWithFakeWhatsApp(
  fakeOptions: FakeWhatsAppOptions = {},
  options: Partial<WhatsAppTransportOptions> = {},
) {
  let drain = async () => {};
  const clock = steppingClock(Date.parse('2026-06-01T08:00:00Z'), () => drain());
  const fake = await fakeWhatsApp({ clock, openapi: openapiPath, ...fakeOptions });
  const number = fake.number();
  const whatsapp = whatsappTransport({
    senders: fake.numbers.map((n) => ({ phoneNumberId: n.phoneNumberId, displayNumber: n.displayNumber })),
    accessToken: fake.accessToken,
    appSecret: fake.appSecret,
    verifyToken: VERIFY,
    apiVersion: 'v23.0',
    baseUrl: fake.baseUrl,
    ...options,
  });
  const store = memoryStore();
  const tidings = createTidings({
    store,
    clock,
    transports: [whatsapp],
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
  drain = async () => {
    await fake.idle(30_000);
    await tidings.drain();
  };
  await tidings.start();
  const server = await serve(toNodeHandler(tidings.handler));
  await fake.setWebhook(`${server.origin}/tidings/webhooks/whatsapp`, VERIFY);

  /** Lets the fake deliver every webhook, then Tidings send what that made due. */
  const settle = async () => {
    await fake.idle(30_000);
    await tidings.drain();
    await fake.idle(30_000);
  };
  /** Moves the clock in steps until `done`, settling after each. */
  const runUntil = async (done: () => Promise<boolean>, stepMs = 100, maxSteps = 3000) => {
    for (let i = 0; i < maxSteps; i++) {
      await settle();
      if (await done()) return;
      await clock.advance(stepMs);
    }
    throw new Error('runUntil: never done');
  };
  const close = async () => {
    await tidings.stop();
    await fake.close();
    await server.close();
  };
  return { clock, fake, number, whatsapp, store, tidings, settle, runUntil, close };
}
