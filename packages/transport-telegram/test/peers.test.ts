import type { RequestListener } from 'node:http';
import { autoRetry } from '@grammyjs/auto-retry';
import { Bot, GrammyError, InputFile, webhookCallback } from 'grammy';
import { Telegraf } from 'telegraf';
import TelegramServerModule from 'telegram-test-api';
import { afterEach, describe, expect, it } from 'vitest';
import { telegramTransport } from '../src/index.js';
import { type FakeTelegram, fakeTelegram } from '../src/testing/index.js';
import { outbound, serve, until } from './helpers.js';

const cleanup: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function fake(): Promise<FakeTelegram> {
  const f = await fakeTelegram({ rateLimits: false, bots: [{ username: 'news_bot', firstName: 'News' }] });
  cleanup.push(() => f.close());
  return f;
}

async function listen(handler: RequestListener) {
  const server = await serve(handler);
  cleanup.push(() => server.close());
  return `${server.origin}/hook`;
}

describe('grammY against the fake', () => {
  it('sends text and uploads, and reads the real error envelope', async () => {
    const f = await fake();
    const ana = f.user({ firstName: 'Ana' });
    ana.pressStart('news_bot');
    const bot = new Bot(f.bot().token, { client: { apiRoot: f.apiRoot } });
    expect(await bot.api.getMe()).toMatchObject({ username: 'news_bot', is_bot: true });
    const sent = await bot.api.sendMessage(ana.id, 'Hello from grammY', {
      link_preview_options: { is_disabled: true },
    });
    expect(sent).toMatchObject({ chat: { id: ana.id }, text: 'Hello from grammY' });
    await bot.api.sendDocument(ana.id, new InputFile(new TextEncoder().encode('abc'), 'a.txt'), {
      caption: 'doc',
    });
    expect(ana.received().map((m) => [m.method, m.text ?? m.caption, m.media?.source])).toEqual([
      ['sendmessage', 'Hello from grammY', undefined],
      ['senddocument', 'doc', 'upload'],
    ]);
    expect(ana.received()[0]?.linkPreviewDisabled).toBe(true);

    const notFound = await bot.api.sendMessage(42, 'x').catch((e: unknown) => e);
    expect(notFound).toBeInstanceOf(GrammyError);
    expect(notFound).toMatchObject({ error_code: 400, description: 'Bad Request: chat not found' });
    f.inject({ kind: 'rate-limit', retryAfter: 7 });
    const limited = await bot.api.sendMessage(ana.id, 'x').catch((e: unknown) => e);
    expect(limited).toMatchObject({ error_code: 429, parameters: { retry_after: 7 } });
  });

  it("@grammyjs/auto-retry reads the fake's 429 and retries after retry_after", async () => {
    const f = await fake();
    f.setRateLimits({ perChatGapMs: 1000 });
    const ana = f.user();
    ana.pressStart('news_bot');
    const bot = new Bot(f.bot().token, { client: { apiRoot: f.apiRoot } });
    bot.api.config.use(autoRetry());
    await bot.api.sendMessage(ana.id, 'one');
    const started = Date.now();
    await bot.api.sendMessage(ana.id, 'two');
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(ana.texts()).toEqual(['one', 'two']);
    expect(f.requests.filter((r) => r.method === 'sendmessage').map((r) => r.status)).toEqual([
      200, 429, 200,
    ]);
  });

  it('reads updates by long polling (bot.start) and stops', async () => {
    const f = await fake();
    const bot = new Bot(f.bot().token, { client: { apiRoot: f.apiRoot } });
    const payloads: string[] = [];
    bot.command('start', (ctx) => {
      payloads.push(ctx.match);
    });
    const running = bot.start({ timeout: 10 });
    const ana = f.user();
    ana.pressStart('news_bot', 'tok_1');
    ana.pressStart('news_bot');
    await until(() => payloads.length === 2);
    await bot.stop();
    await running;
    expect(payloads).toEqual(['tok_1', '']);
    await f.idle();
  });

  it("accepts the fake's webhooks with the secret through webhookCallback, and refuses a wrong one", async () => {
    const f = await fake();
    const bot = new Bot(f.bot().token, { client: { apiRoot: f.apiRoot } });
    const texts: string[] = [];
    bot.on('message:text', (ctx) => {
      texts.push(ctx.message.text);
    });
    await bot.init();
    const url = await listen(webhookCallback(bot, 'http', { secretToken: 'right_secret' }));
    await bot.api.setWebhook(url, { secret_token: 'right_secret' });
    const ana = f.user();
    ana.send('news_bot', 'via webhook');
    await f.idle();
    expect(texts).toEqual(['via webhook']);

    await bot.api.setWebhook(url, { secret_token: 'wrong_secret' });
    ana.send('news_bot', 'forged');
    await f.idle();
    expect(texts).toEqual(['via webhook']);
    expect((await bot.api.getWebhookInfo()).last_error_message).toContain('401');
  });
});

describe('telegraf against the fake', () => {
  it('sends, reads getUpdates with offsets, and handles webhooks with the secret', async () => {
    const f = await fake();
    const ana = f.user({ firstName: 'Ana' });
    ana.pressStart('news_bot', 'abc');
    const bot = new Telegraf(f.bot().token, { telegram: { apiRoot: f.apiRoot } });
    await bot.telegram.sendMessage(ana.id, 'Hello from telegraf');
    await bot.telegram.sendPhoto(
      ana.id,
      { source: Buffer.from('png'), filename: 'p.png' },
      { caption: 'pic' },
    );
    expect(ana.texts()).toEqual(['Hello from telegraf', 'pic']);

    const updates = await bot.telegram.getUpdates(0, 100, 0, undefined);
    expect(updates).toHaveLength(1);
    const first = updates[0]!;
    expect(first).toMatchObject({ message: { text: '/start abc' } });
    expect(await bot.telegram.getUpdates(0, 100, first.update_id + 1, undefined)).toEqual([]);

    const seen: string[] = [];
    bot.start((ctx) => {
      seen.push(ctx.payload);
    });
    bot.botInfo = await bot.telegram.getMe();
    const callback = bot.webhookCallback('/hook', { secretToken: 'tg_secret' });
    const url = await listen((req, res) => void callback(req, res));
    await bot.telegram.setWebhook(url, { secret_token: 'tg_secret' });
    ana.pressStart('news_bot', 'xyz');
    await f.idle();
    expect(seen).toEqual(['xyz']);
    await bot.telegram.setWebhook(url, { secret_token: 'not_it' });
    ana.pressStart('news_bot', 'forged');
    await f.idle();
    expect(seen).toEqual(['xyz']);
    expect((await bot.telegram.getWebhookInfo()).last_error_message).toMatch(/40[13]/);
  });
});

describe('telegram-test-api as a smoke peer', () => {
  it('takes sends from the transport, and the transport reads its updates', async () => {
    type Server = {
      start(): Promise<void>;
      stop(): Promise<boolean>;
      config: { apiURL: string };
      getClient(
        token: string,
        options?: object,
      ): {
        makeMessage(text: string): object;
        sendMessage(message: object): Promise<unknown>;
        getUpdates(): Promise<{ result: { message: { text: string } }[] }>;
      };
    };
    const mod = TelegramServerModule as unknown as { default?: new (c: object) => Server };
    const TelegramServer = (mod.default ?? mod) as unknown as new (c: object) => Server;
    const server = new TelegramServer({ port: 0, host: '127.0.0.1' });
    await server.start();
    cleanup.push(() => server.stop());
    const token = '123456:ABC-smoke';
    const client = server.getClient(token, { chatId: 777, userId: 777 });
    await client.sendMessage(client.makeMessage('SPORT'));

    const telegram = telegramTransport({
      token,
      username: 'smoke_bot',
      mode: 'polling',
      apiRoot: server.config.apiURL,
    });
    const outcome = await telegram.send(outbound(777, { text: 'Hi from Tidings' }, 'smoke_bot'));
    expect(outcome.kind).toBe('accepted');
    const got = await client.getUpdates();
    expect(got.result.map((u) => u.message.text)).toContain('Hi from Tidings');

    const events: unknown[] = [];
    await telegram.start?.({
      receive: async (list) => {
        events.push(...list);
      },
      now: Date.now,
      settle: async () => {},
      sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
    });
    await until(() => events.length >= 1);
    await telegram.stop?.();
    expect(events[0]).toMatchObject({ type: 'message', senderId: 'smoke_bot', from: '777', text: 'SPORT' });
  });
});
