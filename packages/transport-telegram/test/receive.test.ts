import type { InboundEvent, TransportContext } from '@tidings/core';
import { toRequest, writeResponse } from '@tidings/core/node';
import { afterEach, describe, expect, it } from 'vitest';
import type { TelegramTransport } from '../src/index.js';
import { fakeAndTransport, SECRET, serve, until } from './helpers.js';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function setup(options = {}) {
  const s = await fakeAndTransport(options);
  cleanup.push(() => s.fake.close());
  return s;
}

const post = (
  body: unknown,
  headers: Record<string, string> = {},
  url = 'http://x/tidings/webhooks/telegram',
) =>
  new Request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

/** A webhook endpoint on 127.0.0.1 that parses with the transport; `status` decides the answers. */
async function endpoint(transport: TelegramTransport, status: () => number = () => 200) {
  const events: InboundEvent[] = [];
  const headers: string[] = [];
  const server = await serve(async (req, res) => {
    headers.push(String(req.headers['x-telegram-bot-api-secret-token']));
    const result = await transport.parse(toRequest(req));
    const code = status();
    if (code === 200) events.push(...(result.events ?? []));
    await writeResponse(result.response ?? new Response('{}', { status: code }), res);
  });
  cleanup.push(() => server.close());
  return { url: `${server.origin}/tidings/webhooks/telegram`, events, headers };
}

describe('webhook mode', () => {
  it('requires the secret token in webhook mode', async () => {
    const { telegramTransport } = await import('../src/index.js');
    expect(() => telegramTransport({ token: '1:a', username: 'news_bot' })).toThrow(/secretToken: required/);
    expect(() => telegramTransport({ token: 'nope', username: 'news_bot', mode: 'polling' })).toThrow(
      /token/,
    );
  });

  it('refuses a missing or wrong secret before reading the body, and GET', async () => {
    const { transport } = await setup();
    const update = {
      update_id: 1,
      message: { message_id: 1, chat: { id: 1, type: 'private' }, date: 1, text: 'x' },
    };
    for (const headers of [{}, { 'x-telegram-bot-api-secret-token': 'wrong' }]) {
      const result = await transport.parse(post(update, headers));
      expect(result.events).toBeUndefined();
      expect(result.response?.status).toBe(401);
    }
    expect((await transport.parse(new Request('http://x/', { method: 'GET' }))).response?.status).toBe(405);
    const ok = await transport.parse(post(update, { 'x-telegram-bot-api-secret-token': SECRET }));
    expect(ok.events).toHaveLength(1);
    const bad = await transport.parse(post('{nope', { 'x-telegram-bot-api-secret-token': SECRET }));
    expect(bad.response?.status).toBe(400);
    const unknown = await transport.parse(
      post(update, { 'x-telegram-bot-api-secret-token': SECRET }, 'http://x/w?bot=other_bot'),
    );
    expect(unknown.response?.status).toBe(404);
  });

  it('registers its webhook; the fake delivers with the secret header and retries a failed POST', async () => {
    const { transport, fake } = await setup();
    const answers = [500, 200];
    const hook = await endpoint(transport, () => answers.shift() ?? 200);
    await transport.setWebhooks(hook.url);
    expect(fake.webhookOf()).toEqual({ url: `${hook.url}?bot=news_bot`, secretToken: SECRET });
    const ana = fake.user({ firstName: 'Ana' });
    ana.pressStart('news_bot', 'abc123');
    ana.block('news_bot');
    await fake.idle();
    expect(hook.headers.every((h) => h === SECRET)).toBe(true);
    expect(hook.headers).toHaveLength(3);
    expect(hook.events.map((e) => e.type)).toEqual(['message', 'block']);
    expect(hook.events[0]).toMatchObject({
      senderId: 'news_bot',
      from: String(ana.id),
      startPayload: 'abc123',
    });
    expect(await transport.webhookInfo()).toMatchObject({ pending_update_count: 0 });
  });

  it('gives an update up after the retries and says so in getWebhookInfo', async () => {
    const { transport, fake } = await setup();
    const hook = await endpoint(transport, () => 503);
    await transport.setWebhooks(hook.url);
    fake.user().send('news_bot', 'hello');
    await fake.idle();
    expect(hook.headers).toHaveLength(4);
    expect(await transport.webhookInfo()).toMatchObject({
      last_error_message: expect.stringContaining('503'),
      pending_update_count: 0,
    });
    await transport.deleteWebhooks();
    expect(fake.webhookOf()).toBeNull();
  });
});

/** A context whose `sleep` is recorded and whose `receive` collects events. */
function context() {
  const events: InboundEvent[] = [];
  const sleeps: number[] = [];
  const errors: string[] = [];
  const ctx: TransportContext = {
    receive: async (list) => {
      events.push(...list);
    },
    now: () => Date.now(),
    settle: async () => {},
    sleep: (ms, signal) => {
      sleeps.push(ms);
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, 20);
        signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(signal.reason);
        });
      });
    },
    logger: {
      debug: () => {},
      info: () => {},
      warn: (m: string) => errors.push(m),
      error: (m: string) => errors.push(m),
    },
  };
  return { ctx, events, sleeps, errors };
}

describe('polling mode', () => {
  it('long-polls getUpdates, confirms with offset, and stops cleanly mid-poll', async () => {
    const { transport, fake } = await setup({ mode: 'polling', pollTimeoutSeconds: 30 });
    const c = context();
    await transport.start?.(c.ctx);
    const ana = fake.user({ firstName: 'Ana' });
    ana.pressStart('news_bot', 'tok_1');
    ana.sendMedia('news_bot', { kind: 'photo', caption: 'look' });
    await fake.idle();
    await until(() => c.events.length === 2);
    ana.block('news_bot');
    await fake.idle();
    await until(() => c.events.length === 3);
    expect(c.events.map((e) => e.type)).toEqual(['message', 'message', 'block']);
    expect(c.events[0]).toMatchObject({ startPayload: 'tok_1' });
    expect(c.events[1]).toMatchObject({ media: { kind: 'image' } });
    const polls = fake.requests.filter((r) => r.method === 'getupdates');
    expect(polls.length).toBeGreaterThanOrEqual(2);

    const started = Date.now();
    await transport.stop?.();
    expect(Date.now() - started).toBeLessThan(1000);
    // The hung-up poll is logged when the fake notices; after that, nothing more comes.
    await new Promise((r) => setTimeout(r, 50));
    const after = fake.requests.length;
    await new Promise((r) => setTimeout(r, 150));
    expect(fake.requests.length).toBe(after);
  });

  it('backs off on the core clock while a webhook is set (409), doubling, and goes on once it is removed', async () => {
    const { transport, fake } = await setup({ mode: 'polling', pollTimeoutSeconds: 1 });
    const c = context();
    await transport.setWebhooks('http://127.0.0.1:9/nowhere');
    await transport.start?.(c.ctx);
    await until(() => c.sleeps.length >= 3);
    expect(c.sleeps.slice(0, 3)).toEqual([500, 1000, 2000]);
    expect(c.errors[0]).toContain("Conflict: can't use getUpdates method while webhook is active");
    await transport.deleteWebhooks();
    fake.user().send('news_bot', 'hi');
    await until(() => c.events.length === 1);
    await transport.stop?.();
  });

  it('gives up a poll that never answers and polls again', async () => {
    const { transport, fake } = await setup({ mode: 'polling', pollTimeoutSeconds: 0, pollGraceMs: 100 });
    fake.inject({ kind: 'timeout' }, { method: 'getUpdates' });
    const c = context();
    await transport.start?.(c.ctx);
    fake.user().send('news_bot', 'still there?');
    await until(() => c.events.length === 1);
    expect(c.errors[0]).toMatch(/getUpdates failed \(.*timeout\); next try in 500 ms/);
    await transport.stop?.();
  });

  it('stops polling when the token is refused', async () => {
    const { fake } = await setup();
    const { telegramTransport } = await import('../src/index.js');
    const wrong = telegramTransport({
      token: '1:bad',
      username: 'news_bot',
      mode: 'polling',
      apiRoot: fake.apiRoot,
    });
    const c = context();
    await wrong.start?.(c.ctx);
    await until(() => c.errors.length === 1);
    expect(c.errors[0]).toContain('401');
    await wrong.stop?.();
  });
});
