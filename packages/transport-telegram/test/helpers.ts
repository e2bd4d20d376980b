import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OutboundMessage } from '@tidings/core';
import { type TelegramTransportOptions, telegramTransport } from '../src/index.js';
import { type FakeTelegramOptions, fakeTelegram } from '../src/testing/index.js';

export const SECRET = 'test-secret_123';

/** A fake Telegram with one bot (limits off unless asked) and a transport pointed at it. */
export async function fakeAndTransport(
  options: Partial<TelegramTransportOptions> = {},
  fakeOptions: FakeTelegramOptions = {},
) {
  const fake = await fakeTelegram({ rateLimits: false, bots: [{ username: 'news_bot' }], ...fakeOptions });
  const bot = fake.bot();
  const transport = telegramTransport({
    token: bot.token,
    username: bot.username,
    secretToken: SECRET,
    apiRoot: fake.apiRoot,
    ...options,
  } as TelegramTransportOptions);
  return { fake, bot, transport };
}

let counter = 0;
export function outbound(
  to: string | number,
  content: OutboundMessage['content'],
  sender = 'news_bot',
): OutboundMessage {
  return {
    sender: { id: sender, display: `@${sender}`, capacity: 1000 },
    to: String(to),
    content,
    purpose: 'broadcast',
    messageId: `m${++counter}`,
  };
}

/** Waits (in real time) until `check` holds. */
export async function until(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** An HTTP server on 127.0.0.1; `close` also ends kept-alive connections. */
export async function serve(handler: RequestListener): Promise<{ origin: string; close(): Promise<void> }> {
  const server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}
