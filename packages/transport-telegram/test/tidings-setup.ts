import { createTidings, memoryStore, silentLogger } from '@tidings/core';
import { toNodeHandler } from '@tidings/core/node';
import { steppingClock } from '@tidings/core/testing';
import { telegramTransport } from '../src/index.js';
import { type FakeTelegramOptions, fakeTelegram } from '../src/testing/index.js';
import { SECRET, serve } from './helpers.js';

/**
 * Tidings on a stepping manual clock with the Telegram transport in webhook mode, its handler on 127.0.0.1, and a fake
 * Telegram measuring its limits on the same clock.
 */
export async function tidingsWithFakeTelegram(fakeOptions: FakeTelegramOptions = {}) {
  let drain = async () => {};
  const clock = steppingClock(Date.parse('2026-06-01T08:00:00Z'), () => drain());
  const fake = await fakeTelegram({ now: clock.now, bots: [{ username: 'news_bot' }], ...fakeOptions });
  const telegram = telegramTransport({
    bots: fake.bots.map((b) => ({ token: b.token, username: b.username })),
    secretToken: SECRET,
    apiRoot: fake.apiRoot,
  });
  const tidings = createTidings({
    store: memoryStore(),
    clock,
    transports: [telegram],
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
  await telegram.setWebhooks(`${server.origin}/tidings/webhooks/telegram`);

  /** Lets the fake deliver every update, then Tidings send what that made due. */
  const settle = async () => {
    await fake.idle(30_000);
    await tidings.drain();
  };
  /** Moves the clock in steps until `done`, settling after each. */
  const runUntil = async (done: () => Promise<boolean>, stepMs = 100, maxSteps = 2000) => {
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
  return { clock, fake, telegram, tidings, settle, runUntil, close };
}

export { maxInWindow } from '@tidings/core/testing';
