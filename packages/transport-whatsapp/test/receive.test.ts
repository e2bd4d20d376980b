import { afterEach, describe, expect, it } from 'vitest';
import { signatureCheck, signBody, verifySignature } from '../src/index.js';
import type { FakeWhatsApp } from '../src/testing/index.js';
import { fakeAndTransport, parsingEndpoint, VERIFY } from './helpers.js';

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup) await c();
  cleanup = [];
});

async function setup() {
  const s = await fakeAndTransport();
  const endpoint = await parsingEndpoint((r) => s.transport.parse(r));
  cleanup.push(
    () => endpoint.close(),
    () => s.fake.close(),
  );
  await s.fake.setWebhook(endpoint.url, VERIFY);
  return { ...s, endpoint };
}

const allValid = (fake: FakeWhatsApp) => fake.webhooks.map((w) => w.schemaErrors).filter((e) => e.length > 0);

describe('receiving webhooks', () => {
  it('answers the GET handshake only with the verify token', async () => {
    const s = await setup();
    const url = (token: string) =>
      new Request(
        `http://x/tidings/webhooks/whatsapp?hub.mode=subscribe&hub.challenge=42&hub.verify_token=${token}`,
      );
    const ok = await s.transport.parse(url(VERIFY));
    expect(ok.response?.status).toBe(200);
    expect(await ok.response?.text()).toBe('42');
    expect((await s.transport.parse(url('nope'))).response?.status).toBe(403);
    await expect(s.fake.setWebhook(s.endpoint.url, 'wrong')).rejects.toThrow(/did not answer the challenge/);
  });

  it('refuses a missing, wrong or tampered signature before reading the body', async () => {
    const s = await setup();
    await s.fake.subscriber({ name: 'Ana' }).send('hello');
    const genuine = s.fake.webhooks[0]!;
    const post = (body: string, signature?: string) =>
      s.transport.parse(
        new Request('http://x/tidings/webhooks/whatsapp', {
          method: 'POST',
          headers: signature ? { 'x-hub-signature-256': signature } : {},
          body,
        }),
      );
    expect((await post(genuine.raw, genuine.signature)).events).toHaveLength(1);
    for (const result of [
      await post(genuine.raw),
      await post(genuine.raw.replace('hello', 'STOP!'), genuine.signature),
      await post(
        genuine.raw,
        genuine.signature.replace(/.$/, (c) => (c === '0' ? '1' : '0')),
      ),
      await post(genuine.raw, 'sha256=zz'),
      await post('not json', genuine.signature),
    ]) {
      expect(result.events ?? []).toEqual([]);
      expect(result.response?.status).toBe(401);
    }
    const key = await crypto.subtle.importKey(
      'raw',
      new TextEncoder().encode(s.fake.appSecret),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign'],
    );
    const bad = await post('not json', await signBody(key, new TextEncoder().encode('not json')));
    expect(bad.response?.status).toBe(400);
    // Signed JSON that is not a WhatsApp Business webhook is refused too, with no events.
    for (const shape of [
      { object: 'page', entry: [] },
      { object: 'whatsapp_business_account', entry: {} },
      { object: 'whatsapp_business_account', entry: [{ changes: [{ field: 'messages', value: null }] }] },
      { object: 'whatsapp_business_account', entry: [{ changes: [{ value: {} }] }] },
      {
        object: 'whatsapp_business_account',
        entry: [{ changes: [{ field: 'messages', value: { metadata: { phone_number_id: 42 } } }] }],
      },
    ]) {
      const text = JSON.stringify(shape);
      const wrong = await post(text, await signBody(key, new TextEncoder().encode(text)));
      expect(wrong.events ?? []).toEqual([]);
      expect(wrong.response?.status).toBe(400);
    }
  });

  it('checks signatures alike with node:crypto and with Web Crypto (other runtimes)', async () => {
    const secret = 'an-app-secret-123';
    const key = await crypto.subtle.importKey(
      'raw',
      new TextEncoder().encode(secret),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign', 'verify'],
    );
    const body = new TextEncoder().encode('{"object":"whatsapp_business_account","entry":[]}');
    const header = await signBody(key, body);
    const other = new TextEncoder().encode('{"object":"whatsapp_business_account","entry":[{}]}');
    const check = signatureCheck(secret);
    expect([await check(body, header), await verifySignature(key, body, header)]).toEqual([true, true]);
    expect([await check(other, header), await verifySignature(key, other, header)]).toEqual([false, false]);
    expect([
      await check(body, header.toUpperCase()),
      await check(body, null),
      await check(body, 'sha1=abc'),
    ]).toEqual([false, false, false]);
    // The hex digits may come in either case; anything else in their place is refused.
    const upperHex = `sha256=${header.slice(7).toUpperCase()}`;
    expect([await check(body, upperHex), await verifySignature(key, body, upperHex)]).toEqual([true, true]);
    expect([
      await check(body, `${header.slice(0, -1)}g`),
      await check(body, `${header}0`),
      await check(body, ` ${header} `),
    ]).toEqual([false, false, true]);
  });

  it('normalises texts, names, media, button replies, unsupported messages and calls', async () => {
    const s = await setup();
    const ana = s.fake.subscriber({ name: 'Ana', phone: '+49 151 1234 5678' });
    await ana.send('Grüße 👍');
    await ana.sendMedia('image', { caption: 'look' });
    await ana.sendMedia('document', { filename: 'cv.pdf', mimeType: 'application/pdf' });
    await ana.tapButton('STOP', 'Stop');
    await ana.tapQuickReply('STOP', 'Unsubscribe');
    await ana.sendUnsupported();
    await ana.call();
    const number = s.number.phoneNumberId;
    const base = { senderId: number, from: '+4915112345678', at: expect.any(Number) };
    expect(s.endpoint.events).toEqual([
      {
        type: 'message',
        ...base,
        providerMessageId: expect.stringMatching(/^wamid\./),
        phone: '+4915112345678',
        profileName: 'Ana',
        text: 'Grüße 👍',
      },
      expect.objectContaining({
        media: {
          kind: 'image',
          providerMediaId: expect.any(String),
          mimeType: 'image/jpeg',
          caption: 'look',
        },
      }),
      expect.objectContaining({ media: expect.objectContaining({ kind: 'document', filename: 'cv.pdf' }) }),
      expect.objectContaining({ type: 'message', text: 'STOP' }),
      expect.objectContaining({ type: 'message', text: 'STOP' }),
      expect.not.objectContaining({ text: expect.anything() }),
      { type: 'call', ...base, providerCallId: expect.stringMatching(/^wacid\./) },
    ]);
    // Meta's escaping: non-ASCII as lowercase \uXXXX in the signed bytes.
    expect(s.fake.webhooks[0]!.raw).toContain('Gr\\u00fc\\u00dfe \\ud83d\\udc4d');
    expect(allValid(s.fake)).toEqual([]);
  });

  it('downloads what a contact sent by its media id (metadata, then the bytes, both with the token)', async () => {
    const s = await setup();
    const ana = s.fake.subscriber({ name: 'Ana' });
    await ana.sendMedia('audio', { mimeType: 'audio/ogg' });
    const event = s.endpoint.events[0];
    const id = event?.type === 'message' ? event.media?.providerMediaId : undefined;
    expect(id).toBeTruthy();
    const file = await s.transport.downloadMedia(id!);
    expect(file.mimeType).toBe('audio/ogg');
    expect(new TextDecoder().decode(file.bytes)).toBe(`audio from ${ana.bsuid}`);
    await expect(s.transport.downloadMedia('123')).rejects.toThrow(/media 123/);
  });

  it('addresses a person by business-scoped id when the webhook carries no phone', async () => {
    const s = await setup();
    const bo = s.fake.subscriber({ name: 'Bo', hidePhone: true });
    await bo.send('hi');
    expect(bo.address).toMatch(/^US\./);
    expect(s.endpoint.events).toEqual([
      expect.objectContaining({ type: 'message', from: bo.address, profileName: 'Bo', text: 'hi' }),
    ]);
    expect(s.endpoint.events[0]).not.toHaveProperty('phone');
    // …and can be written to by that id (`recipient`).
    const outcome = await s.transport.send({
      sender: s.transport.senders[0]!,
      to: bo.address,
      content: { text: 'hello Bo' },
      purpose: 'reply',
      messageId: 'r1',
    });
    expect(outcome.kind).toBe('accepted');
    expect(s.fake.sent.at(-1)?.body).toMatchObject({ recipient: bo.address });
    expect(bo.texts()).toEqual(['hello Bo']);
    expect(allValid(s.fake)).toEqual([]);
  });

  it('turns statuses into status events: sent, delivered, read, and failed with its error', async () => {
    const s = await setup();
    const cy = s.fake.subscriber({ name: 'Cy' });
    await cy.send('hi');
    const send = (text: string) =>
      s.transport.send({
        sender: s.transport.senders[0]!,
        to: cy.address,
        content: { text },
        purpose: 'reply',
        messageId: text,
      });
    const first = await send('one');
    const id = first.kind === 'accepted' ? first.providerMessageId : '';
    s.fake.flushStatuses();
    await s.fake.idle();
    await cy.read();
    await s.fake.reportStatus(id, 'failed', 131050);
    const statuses = s.endpoint.events.filter((e) => e.type !== 'message');
    expect(statuses).toEqual([
      {
        type: 'status',
        senderId: s.number.phoneNumberId,
        providerMessageId: id,
        status: 'sent',
        at: expect.any(Number),
      },
      expect.objectContaining({ status: 'delivered' }),
      expect.objectContaining({ status: 'read' }),
      expect.objectContaining({ status: 'failed', error: { code: '131050', reason: expect.any(String) } }),
      // 131050: the person stopped marketing messages — recorded on the contact.
      { type: 'block', senderId: s.number.phoneNumberId, from: cy.address, at: expect.any(Number) },
    ]);
    expect(allValid(s.fake)).toEqual([]);
  });

  it('ignores changes for numbers it does not send from', async () => {
    const other = await fakeAndTransport({}, { numbers: [{ phoneNumberId: '111111111111' }] });
    const s = await setup();
    cleanup.push(() => other.fake.close());
    // The other fake signs with the same default app secret, for a number this transport does not have.
    await other.fake.setWebhook(s.endpoint.url, VERIFY);
    await other.fake.subscriber().send('hello');
    expect(other.fake.webhooks.map((w) => w.status)).toEqual([200]);
    expect(s.endpoint.events).toEqual([]);
  });
});
