import type { Tidings } from '@tidings/core';
import { toNodeHandler } from '@tidings/core/node';
import { transportContract } from '@tidings/core/testing';
import { telegramTransport } from '../src/index.js';
import { type FakeUser, fakeTelegram } from '../src/testing/index.js';
import { SECRET, serve } from './helpers.js';

/** The Telegram transport passes the contract every messenger plugin passes, against the fake Telegram. */
transportContract('telegram', async () => {
  const fake = await fakeTelegram({ bots: [{ username: 'contract_bot' }], rateLimits: false });
  const transport = telegramTransport({
    bots: fake.bots.map((b) => ({ token: b.token, username: b.username })),
    secretToken: SECRET,
    apiRoot: fake.apiRoot,
  });
  const users = new Map<string, FakeUser>();
  const user = (name: string) => {
    if (!users.has(name)) users.set(name, fake.user({ firstName: name }));
    return users.get(name)!;
  };
  let tidings: Tidings | null = null;
  let server: Awaited<ReturnType<typeof serve>> | null = null;
  const settle = async () => {
    await fake.idle(30_000);
    await tidings?.drain();
  };
  return {
    transport,
    async connect(t) {
      tidings = t;
      server = await serve(toNodeHandler(t.handler));
      await transport.setWebhooks(`${server.origin}/tidings/webhooks/telegram`);
    },
    async userWrites(name, input) {
      if (input.startPayload !== undefined) user(name).pressStart('contract_bot', input.startPayload);
      else user(name).send('contract_bot', input.text ?? '');
      await settle();
    },
    addressOf: (name) => String(user(name).id),
    async received(name) {
      return user(name).texts('contract_bot');
    },
    async blockBy(name) {
      user(name).block('contract_bot', { notify: false });
    },
    rateLimitNextSend(seconds) {
      fake.inject({ kind: 'rate-limit', retryAfter: seconds });
    },
    forgedWebhook() {
      return new Request('http://localhost/tidings/webhooks/telegram', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 'not-the-secret' },
        body: JSON.stringify({
          update_id: 1,
          message: { message_id: 1, date: 1, chat: { id: 1, type: 'private' }, text: 'START' },
        }),
      });
    },
    async close() {
      await server?.close();
      await fake.close();
    },
  };
});
