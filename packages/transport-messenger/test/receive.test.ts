import { afterEach, describe, expect, it } from 'vitest';
import { messengerTransport, signBody, verifySignature } from '../src/index.js';
import type { FakeMessenger } from '../src/testing/index.js';
import { fakeAndTransport, VERIFY } from './helpers.js';

const URL_ = 'http://localhost/tidings/webhooks/messenger';
let fake: FakeMessenger | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const envelope = (pageId: string, ...messaging: unknown[]) => ({
  object: 'page',
  entry: [{ id: pageId, time: 1763740000123, messaging }],
});
const item = (pageId: string, extra: Record<string, unknown>, psid = '7000000000000042') => ({
  sender: { id: psid },
  recipient: { id: pageId },
  timestamp: 1763740000000,
  ...extra,
});

describe('the GET verification handshake', () => {
  it('echoes the challenge when the verify token matches, and refuses otherwise', async () => {
    const setup = await fakeAndTransport();
    fake = setup.fake;
    const get = (token: string, mode = 'subscribe') =>
      setup.transport.parse(
        new Request(`${URL_}?hub.mode=${mode}&hub.challenge=1158201444&hub.verify_token=${token}`),
      );
    const ok = await get(VERIFY);
    expect(ok.response?.status).toBe(200);
    expect(await ok.response?.text()).toBe('1158201444');
    expect((await get('wrong')).response?.status).toBe(403);
    expect((await get(VERIFY, 'unsubscribe')).response?.status).toBe(403);
    expect((await setup.transport.parse(new Request(URL_, { method: 'PUT' }))).response?.status).toBe(405);
  });
});

describe('signed webhook POSTs', () => {
  it('refuses a missing, wrong or other-secret signature before reading the JSON', async () => {
    const setup = await fakeAndTransport();
    fake = setup.fake;
    const pageId = setup.page.pageId;
    const body = envelope(pageId, item(pageId, { message: { mid: 'm_1', text: 'START' } }));
    for (const signature of [
      null,
      'sha256=abc',
      `sha256=${'0'.repeat(64)}`,
      signBody(JSON.stringify(body), 'other-secret'),
    ]) {
      const result = await setup.transport.parse(fake.webhookRequest(URL_, body, { signature }));
      expect(result.events).toBeUndefined();
      expect(result.response?.status).toBe(401);
    }
    // A correct signature over bytes that are not JSON is a 400, not a crash.
    const garbage = await setup.transport.parse(fake.webhookRequest(URL_, '{not json'));
    expect(garbage.response?.status).toBe(400);
    // The signature covers the exact bytes: the same JSON re-serialised with other spacing no longer matches.
    const raw = JSON.stringify(body, null, 2);
    const signed = fake.webhookRequest(URL_, raw);
    const tampered = new Request(URL_, {
      method: 'POST',
      headers: signed.headers,
      body: JSON.stringify(body),
    });
    expect((await setup.transport.parse(tampered)).response?.status).toBe(401);
    expect((await setup.transport.parse(fake.webhookRequest(URL_, raw))).events).toHaveLength(1);
  });

  it('verifySignature accepts upper-case hex and compares the whole digest', () => {
    const body = new TextEncoder().encode('{"object":"page","entry":[]}');
    const good = signBody(body, 's3cret');
    expect(verifySignature(body, good, 's3cret')).toBe(true);
    expect(verifySignature(body, `sha256=${good.slice(7).toUpperCase()}`, 's3cret')).toBe(true);
    expect(verifySignature(body, good.slice(0, -2), 's3cret')).toBe(false);
    expect(verifySignature(body, good.replace('sha256', 'sha1'), 's3cret')).toBe(false);
    expect(verifySignature(body, good, 'other')).toBe(false);
  });
});

describe('normalising entry[].messaging[]', () => {
  it('turns every kind of item into core events, across several entries and pages', async () => {
    fake = (await fakeAndTransport()).fake;
    const transport = messengerTransport({
      pages: [
        { pageId: '111', accessToken: 'a' },
        { pageId: '222', accessToken: 'b', name: 'second.page' },
      ],
      appSecret: fake.appSecret,
      verifyToken: VERIFY,
      appId: '999',
    });
    const p = '111';
    const payload = {
      object: 'page',
      entry: [
        {
          id: p,
          time: 1,
          messaging: [
            item(p, { message: { mid: 'm_text', text: 'Hallo 👋' } }),
            item(p, { message: { mid: 'm_qr', text: 'Yes please', quick_reply: { payload: 'YES' } } }),
            item(p, {
              message: {
                mid: 'm_img',
                attachments: [{ type: 'image', payload: { url: 'https://cdn.test/a.jpg' } }],
              },
            }),
            item(p, {
              message: {
                mid: 'm_file',
                attachments: [{ type: 'file', payload: { url: 'https://cdn.test/a.pdf' } }],
              },
            }),
            item(p, {
              message: {
                mid: 'm_first',
                text: 'hi',
                referral: { ref: 'tok12345678901234567', source: 'SHORTLINK', type: 'OPEN_THREAD' },
              },
            }),
            item(p, {
              postback: {
                mid: 'm_pb',
                title: 'Get Started',
                payload: 'GET_STARTED',
                referral: { ref: 'abcdefghij0123456789', source: 'SHORTLINK', type: 'OPEN_THREAD' },
              },
            }),
            item(p, { postback: { title: 'Get Started', payload: 'GET_STARTED' } }),
            item(p, { referral: { ref: 'zzzzzzzzzz0123456789', source: 'SHORTLINK', type: 'OPEN_THREAD' } }),
            item(p, { delivery: { mids: ['m_out'], watermark: 1763740000500 } }),
            item(p, { read: { watermark: 1763740000900 } }),
          ],
        },
        {
          id: '222',
          time: 2,
          messaging: [
            // An echo of something Tidings sent (its metadata) and one from this app: ignored.
            {
              sender: { id: '222' },
              recipient: { id: '7000000000000043' },
              timestamp: 5,
              message: { is_echo: true, app_id: 1, metadata: 'tidings:d1', mid: 'm_e1', text: 'ours' },
            },
            {
              sender: { id: '222' },
              recipient: { id: '7000000000000043' },
              timestamp: 6,
              message: { is_echo: true, app_id: 999, mid: 'm_e2', text: 'ours too' },
            },
            // Written in the page inbox by a person: kept as outbound history.
            {
              sender: { id: '222' },
              recipient: { id: '7000000000000043' },
              timestamp: 7,
              message: { is_echo: true, app_id: 263902037430900, mid: 'm_e3', text: 'Hi from Eva' },
            },
          ],
        },
        // A page this transport does not own: ignored.
        { id: '333', time: 3, messaging: [item('333', { message: { mid: 'm_x', text: 'not ours' } })] },
      ],
    };
    const result = await transport.parse(fake.webhookRequest(URL_, payload));
    const base = { senderId: p, from: '7000000000000042', at: 1763740000000 };
    expect(result.events).toEqual([
      { type: 'message', ...base, providerMessageId: 'm_text', text: 'Hallo 👋' },
      { type: 'message', ...base, providerMessageId: 'm_qr', text: 'Yes please' },
      {
        type: 'message',
        ...base,
        providerMessageId: 'm_img',
        media: { kind: 'image', url: 'https://cdn.test/a.jpg' },
      },
      {
        type: 'message',
        ...base,
        providerMessageId: 'm_file',
        media: { kind: 'document', url: 'https://cdn.test/a.pdf' },
      },
      {
        type: 'message',
        ...base,
        providerMessageId: 'm_first',
        text: 'hi',
        startPayload: 'tok12345678901234567',
      },
      {
        type: 'message',
        ...base,
        providerMessageId: 'm_pb',
        text: 'Get Started',
        startPayload: 'abcdefghij0123456789',
      },
      {
        type: 'message',
        ...base,
        providerMessageId: `postback:7000000000000042:1763740000000`,
        text: 'Get Started',
      },
      {
        type: 'referral',
        ...base,
        providerEventId: 'referral:7000000000000042:1763740000000',
        startPayload: 'zzzzzzzzzz0123456789',
      },
      { type: 'watermark', ...base, at: 1763740000500, status: 'delivered' },
      { type: 'watermark', ...base, at: 1763740000900, status: 'read' },
      {
        type: 'echo',
        senderId: '222',
        from: '7000000000000043',
        at: 7,
        providerMessageId: 'm_e3',
        content: { text: 'Hi from Eva' },
      },
    ]);
  });

  it('acknowledges other objects without events', async () => {
    const setup = await fakeAndTransport();
    fake = setup.fake;
    const result = await setup.transport.parse(fake.webhookRequest(URL_, { object: 'instagram', entry: [] }));
    expect(result).toEqual({ events: [] });
  });
});

describe('options and links', () => {
  it('checks the options with zod and names each bad field', () => {
    expect(() =>
      messengerTransport({
        pages: [
          { pageId: 'abc', accessToken: '' },
          { pageId: '1', accessToken: 'x' },
          { pageId: '1', accessToken: 'y' },
        ],
        appSecret: '',
        verifyToken: 'v',
        apiVersion: '25',
      }),
    ).toThrow(
      /Invalid messengerTransport options — pages\.0\.pageId: the numeric page id; pages\.0\.accessToken: a page access token; appSecret: .*; apiVersion: a Graph API version such as v25\.0; pages\.2\.pageId: page 1 twice/,
    );
    expect(() => messengerTransport({ pages: [], appSecret: 's', verifyToken: 'v' })).toThrow(
      /pages: at least one page/,
    );
  });

  it('makes m.me links by the page username, or its id when the name is only a display name', () => {
    const transport = messengerTransport({
      pages: [
        { pageId: '111', accessToken: 'a', name: 'daily.planet' },
        { pageId: '222', accessToken: 'b', name: 'Daily Planet Sport' },
      ],
      appSecret: 's',
      verifyToken: 'v',
    });
    const [first, second] = transport.senders;
    expect(transport.senders.map((s) => s.display)).toEqual(['daily.planet', 'Daily Planet Sport']);
    expect(transport.optinLink(first!, 'abc').url).toBe('https://m.me/daily.planet?ref=abc');
    expect(transport.optinLink(second!, 'abc')).toEqual({
      url: 'https://m.me/222?ref=abc',
      text: null,
      qrPayload: 'https://m.me/222?ref=abc',
    });
    expect(() => transport.optinLink(first!, 'x'.repeat(2084))).toThrow(RangeError);
  });
});
