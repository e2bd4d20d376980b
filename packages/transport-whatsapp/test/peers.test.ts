import { WhatsAppClient } from '@kapso/whatsapp-cloud-api';
import { verifySignature as kapsoVerify } from '@kapso/whatsapp-cloud-api/server';
import { afterEach, describe, expect, it } from 'vitest';
import { WhatsAppAPI } from 'whatsapp-api-js';
import { BodyComponent, BodyParameter, Image, Language, Template, Text } from 'whatsapp-api-js/messages';
import { type FakeWhatsApp, fakeWhatsApp } from '../src/testing/index.js';
import { openapiPath } from './helpers.js';

let fake: FakeWhatsApp | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

/** Sends whatsapp-api-js's requests for graph.facebook.com to the fake instead. */
const redirectTo =
  (baseUrl: string): typeof fetch =>
  (input, init) =>
    fetch(
      String(input instanceof Request ? input.url : input).replace('https://graph.facebook.com', baseUrl),
      init,
    );

describe('real WhatsApp clients agree with the fake', () => {
  it('whatsapp-api-js sends text, media and a template through it, every body valid for Meta’s schema', async () => {
    fake = await fakeWhatsApp({ openapi: openapiPath, limits: false });
    const ana = fake.subscriber({ name: 'Ana' });
    await ana.send('hi'); // opens the window for free-form messages
    const api = new WhatsAppAPI({
      token: fake.accessToken,
      appSecret: fake.appSecret,
      v: 'v23.0',
      ponyfill: { fetch: redirectTo(fake.baseUrl) },
    });
    const id = fake.number().phoneNumberId;
    const answers = [
      await api.sendMessage(id, ana.phone!, new Text('Hello from whatsapp-api-js')),
      await api.sendMessage(id, ana.phone!, new Image('https://cdn.example/p.jpg', false, 'A picture')),
      await api.sendMessage(
        id,
        ana.phone!,
        new Template('edition', new Language('en_US'), new BodyComponent(new BodyParameter('Ana'))),
      ),
    ];
    for (const answer of answers) {
      expect(answer).toMatchObject({
        messaging_product: 'whatsapp',
        messages: [{ id: expect.stringMatching(/^wamid\./) }],
      });
    }
    expect(fake.requests.map((r) => [r.status, r.schemaErrors])).toEqual([
      [200, []],
      [200, []],
      [200, []],
    ]);
    expect(ana.texts()).toEqual(['Hello from whatsapp-api-js', 'A picture', 'edition Ana']);
  });

  it('whatsapp-api-js sees the fake’s errors in Meta’s envelope', async () => {
    fake = await fakeWhatsApp({ openapi: openapiPath, limits: false });
    const ana = fake.subscriber();
    await ana.send('hi');
    const api = new WhatsAppAPI({
      token: 'EAAG-not-the-token',
      secure: false,
      v: 'v23.0',
      ponyfill: { fetch: redirectTo(fake.baseUrl) },
    });
    const answer = await api.sendMessage(fake.number().phoneNumberId, ana.phone!, new Text('x'));
    expect(answer).toMatchObject({
      error: { code: 190, type: 'OAuthException', fbtrace_id: expect.any(String) },
    });
  });

  it('whatsapp-api-js’s own signature check accepts the fake’s webhooks (non-ASCII included) and rejects a tampered one', async () => {
    fake = await fakeWhatsApp({ openapi: openapiPath, limits: false });
    const ana = fake.subscriber({ name: 'Zoë' });
    await ana.send('Grüße aus Köln 👋');
    await ana.tapButton('STOP', 'Stop');
    await ana.call();
    const api = new WhatsAppAPI({ token: fake.accessToken, appSecret: fake.appSecret, v: 'v23.0' });
    const received: { from: string; name?: string; body?: string }[] = [];
    api.on.message = ({ from, name, message }) => {
      received.push({
        from,
        ...(name ? { name } : {}),
        ...('text' in message ? { body: message.text.body } : {}),
      });
    };
    for (const webhook of fake.webhooks) {
      expect(await api.verifyRequestSignature(webhook.raw, webhook.signature)).toBe(true);
      expect(
        kapsoVerify({ appSecret: fake.appSecret, rawBody: webhook.raw, signatureHeader: webhook.signature }),
      ).toBe(true);
      expect(webhook.schemaErrors).toEqual([]);
    }
    const first = fake.webhooks[0]!;
    await api.post(JSON.parse(first.raw), first.raw, first.signature);
    expect(received).toEqual([{ from: ana.phone, name: 'Zoë', body: 'Grüße aus Köln 👋' }]);

    const tampered = first.raw.replace('K\\u00f6ln', 'Bonn');
    expect(await api.verifyRequestSignature(tampered, first.signature)).toBe(false);
    await expect(api.post(JSON.parse(tampered), tampered, first.signature)).rejects.toThrow();
    expect(
      kapsoVerify({ appSecret: fake.appSecret, rawBody: tampered, signatureHeader: first.signature }),
    ).toBe(false);
  });

  it('@kapso/whatsapp-cloud-api sends a text and a template to the fake by baseUrl', async () => {
    fake = await fakeWhatsApp({ openapi: openapiPath, limits: false });
    const bo = fake.subscriber({ name: 'Bo' });
    await bo.send('hello');
    const client = new WhatsAppClient({
      accessToken: fake.accessToken,
      baseUrl: fake.baseUrl,
      graphVersion: 'v23.0',
    });
    const phoneNumberId = fake.number().phoneNumberId;
    const text = await client.messages.sendText({
      phoneNumberId,
      to: `+${bo.phone}`,
      body: 'Hello from Kapso',
    });
    const template = await client.messages.sendTemplate({
      phoneNumberId,
      to: bo.phone!,
      template: {
        name: 'order_update',
        language: { code: 'en_US' },
        components: [{ type: 'body', parameters: [{ type: 'text', text: 'Bo' }] }],
      },
    });
    expect(text.messages[0]?.id).toMatch(/^wamid\./);
    expect(template.messages[0]?.id).toMatch(/^wamid\./);
    expect(fake.requests.map((r) => [r.status, r.schemaErrors])).toEqual([
      [200, []],
      [200, []],
    ]);
    expect(bo.texts()).toEqual(['Hello from Kapso', 'order_update Bo']);
  });

  it('@kapso/whatsapp-cloud-api gets Meta’s error envelope for a pair-rate refusal', async () => {
    fake = await fakeWhatsApp({ openapi: openapiPath });
    const bo = fake.subscriber();
    await bo.send('hello');
    const client = new WhatsAppClient({
      accessToken: fake.accessToken,
      baseUrl: fake.baseUrl,
      graphVersion: 'v23.0',
    });
    const phoneNumberId = fake.number().phoneNumberId;
    await client.messages.sendText({ phoneNumberId, to: bo.phone!, body: 'one' });
    const refused = await client.messages
      .sendText({ phoneNumberId, to: bo.phone!, body: 'two' })
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 131056 });
  });
});
