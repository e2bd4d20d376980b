import { createHmac } from 'node:crypto';
import { manualClock } from '@tidings/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { signBody, verifySignature } from '../src/index.js';
import { type FakeMessenger, fakeMessenger } from '../src/testing/index.js';
import { serve } from './helpers.js';

const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function make(options: Parameters<typeof fakeMessenger>[0] = {}) {
  const clock = manualClock(Date.parse('2026-06-01T08:00:00Z'));
  const fake = await fakeMessenger({ now: clock.now, pages: [{ name: 'dailyplanet' }], ...options });
  cleanup.push(() => fake.close());
  return { fake, clock };
}

/** A callback URL that records what it gets, answering with `status()`. */
async function callback(fake: FakeMessenger, status: () => number = () => 200) {
  const got: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];
  const server = await serve((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.method === 'GET') {
      res.end(
        url.searchParams.get('hub.verify_token') === 'v' ? url.searchParams.get('hub.challenge') : 'no',
      );
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      got.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.statusCode = status();
      res.end();
    });
  });
  cleanup.push(() => server.close());
  await fake.subscribe(`${server.origin}/hook`, 'v');
  return got;
}

// biome-ignore lint/suspicious/noExplicitAny: Graph answers are read field by field in the assertions
type GraphAnswer = Record<string, any>;

const post = (fake: FakeMessenger, path: string, body: unknown, token = fake.page().accessToken) =>
  fetch(`${fake.baseUrl}${path}?access_token=${encodeURIComponent(token)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }).then(async (r) => ({
    status: r.status,
    headers: r.headers,
    json: (await r.json()) as GraphAnswer,
  }));

describe('the fake Messenger', () => {
  it('refuses a callback URL that fails the GET handshake', async () => {
    const { fake } = await make();
    const server = await serve((_req, res) => res.end('wrong'));
    cleanup.push(() => server.close());
    await expect(fake.subscribe(`${server.origin}/hook`, 'v')).rejects.toThrow(/couldn't be validated/);
  });

  it('posts signed object:"page" webhooks over the exact bytes, in order, and records refused ones', async () => {
    const { fake, clock } = await make({ webhookRetries: 1 });
    let answer = 200;
    const got = await callback(fake, () => answer);
    const ana = fake.user();
    ana.send('dailyplanet', 'one');
    ana.sendAttachment('dailyplanet', { type: 'image', url: 'https://cdn.test/x.jpg' });
    await fake.idle();
    expect(got).toHaveLength(2);
    for (const { headers, body } of got) {
      expect(
        verifySignature(
          new TextEncoder().encode(body),
          String(headers['x-hub-signature-256']),
          fake.appSecret,
        ),
      ).toBe(true);
      expect(headers['x-hub-signature']).toBe(
        `sha1=${createHmac('sha1', fake.appSecret).update(body).digest('hex')}`,
      );
    }
    const first = JSON.parse(got[0]!.body);
    expect(first).toEqual({
      object: 'page',
      entry: [
        {
          id: fake.page().pageId,
          time: clock.now(),
          messaging: [
            {
              sender: { id: ana.psid() },
              recipient: { id: fake.page().pageId },
              timestamp: clock.now(),
              message: { mid: expect.stringMatching(/^m_/), text: 'one' },
            },
          ],
        },
      ],
    });
    expect(JSON.parse(got[1]!.body).entry[0].messaging[0].message.attachments).toEqual([
      { type: 'image', payload: { url: 'https://cdn.test/x.jpg' } },
    ]);
    answer = 500;
    ana.send('dailyplanet', 'lost');
    await fake.idle();
    expect(got).toHaveLength(4); // tried once more
    expect(fake.webhookFailures).toEqual([{ at: clock.now(), error: 'HTTP 500', body: got[3]!.body }]);
    expect(signBody(got[3]!.body, fake.appSecret)).toBe(got[3]!.headers['x-hub-signature-256']);
  });

  it('answers the Send API with Graph envelopes on /me and /{page-id}, form fields included', async () => {
    const { fake } = await make({ echoes: false });
    const ana = fake.user();
    ana.send('dailyplanet', 'hi');
    const ok = await post(fake, '/v26.0/me/messages', {
      recipient: { id: ana.psid() },
      messaging_type: 'RESPONSE',
      message: { text: 'a' },
    });
    expect(ok).toMatchObject({
      status: 200,
      json: { recipient_id: ana.psid(), message_id: expect.stringMatching(/^m_/) },
    });
    const form = await fetch(`${fake.baseUrl}/v25.0/${fake.page().pageId}/messages`, {
      method: 'POST',
      body: new URLSearchParams({
        access_token: fake.page().accessToken,
        recipient: JSON.stringify({ id: ana.psid() }),
        messaging_type: 'RESPONSE',
        message: JSON.stringify({ text: 'b' }),
      }),
    });
    expect(form.status).toBe(200);
    expect(ana.texts()).toEqual(['a', 'b']);
    const cases: [string, unknown, number, number | undefined][] = [
      [
        '/v25.0/me/messages',
        { recipient: { id: ana.psid() }, message: { text: 'x'.repeat(2001) } },
        100,
        undefined,
      ],
      ['/v25.0/me/messages', { recipient: { id: ana.psid() }, message: {} }, 100, undefined],
      [
        '/v25.0/me/messages',
        { recipient: { id: ana.psid() }, messaging_type: 'PROMO', message: { text: 'x' } },
        100,
        undefined,
      ],
      [
        '/v25.0/me/messages',
        { recipient: { id: ana.psid() }, messaging_type: 'MESSAGE_TAG', message: { text: 'x' } },
        100,
        undefined,
      ],
      ['/v25.0/me/messages', { recipient: { id: '1' }, message: { text: 'x' } }, 100, 2018001],
      ['/v25.0/42/messages', { recipient: { id: ana.psid() }, message: { text: 'x' } }, 100, undefined],
      ['/v25.0/me/feed', {}, 2500, undefined],
    ];
    for (const [path, body, code, subcode] of cases) {
      const r = await post(fake, path, body);
      expect(r.status).toBe(400);
      expect(r.json.error).toMatchObject({
        code,
        type: expect.any(String),
        message: expect.any(String),
        fbtrace_id: expect.any(String),
      });
      expect(r.json.error.error_subcode).toBe(subcode);
    }
    const bad = await post(fake, '/v25.0/me/messages', {}, 'nope');
    expect(bad.json.error).toMatchObject({ code: 190, type: 'OAuthException' });
  });

  it('enforces 300 calls/s and 10 audio or video calls/s per page with 613, and the windows', async () => {
    const { fake, clock } = await make({ echoes: false, rateLimits: { perSecond: 30 } });
    const ana = fake.user();
    ana.send('dailyplanet', 'hi');
    const send = (message: unknown, extra: Record<string, unknown> = {}) =>
      post(fake, '/v25.0/me/messages', {
        recipient: { id: ana.psid() },
        messaging_type: 'RESPONSE',
        message,
        ...extra,
      });
    const video = { attachment: { type: 'video', payload: { url: 'https://cdn.test/v.mp4' } } };
    const media = await Promise.all(Array.from({ length: 11 }, () => send(video)));
    expect(media.filter((r) => r.status === 200)).toHaveLength(10);
    const limited = media.find((r) => r.status !== 200)!;
    expect(limited.json.error).toMatchObject({
      code: 613,
      message: '(#613) Calls to this API have exceeded the rate limit.',
    });
    expect(limited.headers.get('retry-after')).toBe('1');
    const texts = await Promise.all(Array.from({ length: 21 }, () => send({ text: 't' })));
    expect(texts.filter((r) => r.status === 200)).toHaveLength(20);
    await clock.advance(1000);
    expect((await send(video)).status).toBe(200);

    await clock.advance(24 * 3_600_000);
    expect((await send({ text: 'late' })).json.error).toMatchObject({ code: 10, error_subcode: 2018278 });
    expect(
      (await send({ text: 'agent' }, { messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' })).status,
    ).toBe(200);
    expect(
      (await send({ text: 'account' }, { messaging_type: 'MESSAGE_TAG', tag: 'ACCOUNT_UPDATE' })).status,
    ).toBe(200);
    await clock.advance(6 * 24 * 3_600_000);
    expect(
      (await send({ text: 'agent' }, { messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' })).json.error,
    ).toMatchObject({
      code: 10,
      error_subcode: 2018278,
    });
    // A Get Started press opens the window again.
    ana.pressGetStarted('dailyplanet');
    expect((await send({ text: 'welcome back' })).status).toBe(200);
  });

  it('gives page-scoped ids: one user, another PSID per page', async () => {
    const { fake } = await make({ pages: [{ name: 'a.page' }, { name: 'b.page' }] });
    const ana = fake.user();
    expect(ana.psid('a.page')).not.toBe(ana.psid('b.page'));
    ana.send('a.page', 'hi');
    const wrongPage = await post(fake, '/v25.0/me/messages', {
      recipient: { id: ana.psid('b.page') },
      message: { text: 'x' },
    });
    expect(wrongPage.json.error).toMatchObject({ code: 100, error_subcode: 2018001 });
  });

  it('plays watermarks: delivery with the new mids, then read', async () => {
    const { fake, clock } = await make();
    const got = await callback(fake);
    const ana = fake.user();
    ana.send('dailyplanet', 'hi');
    const sent = await post(fake, '/v25.0/me/messages', {
      recipient: { id: ana.psid() },
      messaging_type: 'RESPONSE',
      message: { text: 'a', metadata: 'x' },
    });
    await clock.advance(500);
    expect(ana.receiveAll()).toMatchObject({
      delivery: { mids: [sent.json.message_id], watermark: clock.now() },
    });
    expect(ana.receiveAll()).toMatchObject({ delivery: { mids: [] } });
    expect(ana.read()).toMatchObject({ read: { watermark: clock.now() } });
    await fake.idle();
    const items = got.map((g) => JSON.parse(g.body).entry[0].messaging[0]);
    // message, echo (metadata kept), delivery, delivery, read
    expect(
      items.map((i) => Object.keys(i).find((k) => !['sender', 'recipient', 'timestamp'].includes(k))),
    ).toEqual(['message', 'message', 'delivery', 'delivery', 'read']);
    expect(items[1]).toMatchObject({
      sender: { id: fake.page().pageId },
      message: { is_echo: true, metadata: 'x', text: 'a' },
    });
  });
});
