import type { Tidings } from '@tidings/core';
import { toNodeHandler } from '@tidings/core/node';
import { transportContract } from '@tidings/core/testing';
import { whatsappTransport } from '../src/index.js';
import { type FakeSubscriber, fakeWhatsApp } from '../src/testing/index.js';
import { openapiPath, serve, VERIFY } from './helpers.js';

/** The WhatsApp transport passes the contract every messenger plugin passes, against the fake Cloud API. */
transportContract('whatsapp', async () => {
  const fake = await fakeWhatsApp({
    limits: false,
    openapi: openapiPath,
    // The contract expects a refusal once the user blocked us; WhatsApp itself stays silent (the default).
    behaviour: { blockedAnswer: 'undeliverable' },
  });
  const number = fake.number();
  const transport = whatsappTransport({
    senders: [{ phoneNumberId: number.phoneNumberId, displayNumber: number.displayNumber }],
    accessToken: fake.accessToken,
    appSecret: fake.appSecret,
    verifyToken: VERIFY,
    apiVersion: 'v23.0',
    baseUrl: fake.baseUrl,
  });
  const people = new Map<string, FakeSubscriber>();
  const person = (name: string) => {
    if (!people.has(name)) people.set(name, fake.subscriber({ name }));
    return people.get(name)!;
  };
  let tidings: Tidings | null = null;
  let server: Awaited<ReturnType<typeof serve>> | null = null;
  return {
    transport,
    async connect(t) {
      tidings = t;
      server = await serve(toNodeHandler(t.handler));
      await fake.setWebhook(`${server.origin}/tidings/webhooks/whatsapp`, VERIFY);
    },
    async userWrites(name, input) {
      await person(name).send(input.text ?? `START ${input.startPayload}`);
      await fake.idle();
      await tidings?.drain();
    },
    addressOf: (name) => person(name).address,
    async received(name) {
      return person(name).texts();
    },
    async blockBy(name) {
      person(name).block();
    },
    rateLimitNextSend(seconds) {
      fake.inject({ kind: 'error', code: 130429, retryAfterSeconds: seconds });
    },
    forgedWebhook() {
      return new Request('http://localhost/tidings/webhooks/whatsapp', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${'ab'.repeat(32)}` },
        body: JSON.stringify({
          object: 'whatsapp_business_account',
          entry: [
            {
              id: '1',
              changes: [
                {
                  field: 'messages',
                  value: {
                    messaging_product: 'whatsapp',
                    metadata: {
                      display_phone_number: number.displayNumber,
                      phone_number_id: number.phoneNumberId,
                    },
                    contacts: [{ profile: { name: 'Eve' }, wa_id: '4915100000000' }],
                    messages: [
                      {
                        from: '4915100000000',
                        id: 'wamid.X',
                        timestamp: '1',
                        type: 'text',
                        text: { body: 'START' },
                      },
                    ],
                  },
                },
              ],
            },
          ],
        }),
      });
    },
    async close() {
      await server?.close();
      await fake.close();
      // Every request the transport sent and every webhook the fake sent fit Meta's OpenAPI description.
      const problems = [...fake.requests, ...fake.webhooks].flatMap((r) => r.schemaErrors);
      if (problems.length > 0) throw new Error(`schema problems: ${problems.join('; ')}`);
      if (fake.requests.length === 0 || fake.webhooks.length === 0) throw new Error('nothing was checked');
    },
  };
});
