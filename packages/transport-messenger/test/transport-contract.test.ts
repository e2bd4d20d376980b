import type { Tidings } from '@tidings/core';
import { toNodeHandler } from '@tidings/core/node';
import { transportContract } from '@tidings/core/testing';
import { messengerTransport } from '../src/index.js';
import { type FakeMessengerUser, fakeMessenger } from '../src/testing/index.js';
import { serve, VERIFY } from './helpers.js';

/** The Messenger transport passes the contract every messenger plugin passes, against the fake Messenger. */
transportContract('messenger', async () => {
  const fake = await fakeMessenger({ pages: [{ name: 'contractpage' }], rateLimits: false });
  const transport = messengerTransport({
    pages: fake.pages,
    appSecret: fake.appSecret,
    verifyToken: VERIFY,
    baseUrl: fake.baseUrl,
  });
  const users = new Map<string, FakeMessengerUser>();
  const user = (name: string) => {
    if (!users.has(name)) users.set(name, fake.user({ firstName: name }));
    return users.get(name)!;
  };
  let tidings: Tidings | null = null;
  let server: Awaited<ReturnType<typeof serve>> | null = null;
  const settle = async () => {
    await fake.idle(30_000);
    await tidings?.drain();
    await fake.idle(30_000);
  };
  return {
    transport,
    async connect(t) {
      tidings = t;
      server = await serve(toNodeHandler(t.handler));
      await fake.subscribe(`${server.origin}/tidings/webhooks/messenger`, VERIFY);
    },
    async userWrites(name, input) {
      if (input.startPayload !== undefined) {
        user(name).openLink('contractpage', input.startPayload);
        user(name).pressGetStarted('contractpage');
      } else user(name).send('contractpage', input.text ?? '');
      await settle();
    },
    addressOf: (name) => user(name).psid('contractpage'),
    async received(name) {
      return user(name).texts('contractpage');
    },
    async blockBy(name) {
      user(name).block('contractpage');
    },
    rateLimitNextSend(seconds) {
      fake.inject({ kind: 'rate-limit', retryAfter: seconds });
    },
    forgedWebhook() {
      return fake.webhookRequest(
        'http://localhost/tidings/webhooks/messenger',
        {
          object: 'page',
          entry: [
            {
              id: fake.page().pageId,
              time: 1,
              messaging: [
                {
                  sender: { id: '1' },
                  recipient: { id: fake.page().pageId },
                  timestamp: 1,
                  message: { mid: 'm_1', text: 'START' },
                },
              ],
            },
          ],
        },
        { signature: `sha256=${'0'.repeat(64)}` },
      );
    },
    async close() {
      await server?.close();
      await fake.close();
    },
  };
});
