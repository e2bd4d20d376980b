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
