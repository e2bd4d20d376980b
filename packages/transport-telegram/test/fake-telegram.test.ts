import { afterEach, describe, expect, it } from 'vitest';
import { type FakeTelegram, fakeTelegram } from '../src/testing/index.js';

let f: FakeTelegram;
afterEach(() => f.close());

async function setup(options = {}) {
  f = await fakeTelegram({ bots: [{ username: 'news_bot' }], ...options });
  const base = `${f.apiRoot}/bot${f.bot().token}`;
  const call = async (path: string, init?: RequestInit) => {
    const response = await fetch(`${base}/${path}`, init);
    return {
      status: response.status,
      headers: response.headers,
      body: (await response.json()) as Record<string, unknown>,
    };
  };
  return { base, call };
}

describe('the fake Telegram speaks the Bot API', () => {
  it('takes query strings, JSON, forms and multipart, with case-insensitive method names', async () => {
    const { call } = await setup({ rateLimits: false });
    const ana = f.user({ firstName: 'Ana' });
    ana.pressStart('news_bot');
    expect((await call(`SENDMESSAGE?chat_id=${ana.id}&text=query`)).body).toMatchObject({ ok: true });
    await call('sendMessage', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ chat_id: ana.id, text: 'json' }),
    });
    await call('sendmessage', {
      method: 'POST',
      body: new URLSearchParams({ chat_id: String(ana.id), text: 'form' }),
    });
    const form = new FormData();
    form.set('chat_id', String(ana.id));
    form.set('text', 'multipart');
    await call('sendMessage', { method: 'POST', body: form });
    expect(ana.texts()).toEqual(['query', 'json', 'form', 'multipart']);
    expect((await call('getMe')).body).toMatchObject({
      ok: true,
      result: { username: 'news_bot', is_bot: true },
    });
  });

  it('answers with the real error envelope and texts', async () => {
    const { call } = await setup();
    expect((await call('nope')).body).toEqual({
      ok: false,
      error_code: 404,
      description: 'Not Found: method not found',
    });
    const bad = await fetch(`${f.apiRoot}/bot1:wrong/getMe`);
    expect([bad.status, await bad.json()]).toEqual([
      401,
      { ok: false, error_code: 401, description: 'Unauthorized' },
    ]);
    expect((await fetch(`${f.apiRoot}/getMe`)).status).toBe(404);
    expect((await call('sendMessage?chat_id=1&text=x')).body).toMatchObject({
      error_code: 400,
      description: 'Bad Request: chat not found',
    });
    const ana = f.user();
    ana.pressStart('news_bot');
    expect((await call(`sendMessage?chat_id=${ana.id}&text=`)).body.description).toBe(
      'Bad Request: message text is empty',
    );
    expect((await call(`sendMessage?chat_id=${ana.id}&text=${'x'.repeat(4097)}`)).body.description).toBe(
      'Bad Request: message is too long',
    );
  });

  it('rate-limits sends with 429, retry_after in the body and Retry-After in the header', async () => {
    const { call } = await setup({ rateLimits: { perBotPerSecond: 2, perChatGapMs: 0 } });
    const users = [f.user(), f.user(), f.user()];
    for (const u of users) u.pressStart('news_bot');
    for (const u of users.slice(0, 2))
      expect((await call(`sendMessage?chat_id=${u.id}&text=a`)).status).toBe(200);
    const limited = await call(`sendMessage?chat_id=${users[2]!.id}&text=a`);
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({
      ok: false,
      error_code: 429,
      description: 'Too Many Requests: retry after 1',
      parameters: { retry_after: 1 },
    });
    expect(limited.headers.get('retry-after')).toBe('1');
  });

  it('confirms updates by offset, reads from the end with a negative offset, and honours limit', async () => {
    const { call } = await setup();
    const ana = f.user();
    for (const t of ['a', 'b', 'c']) ana.send('news_bot', t);
    const all = (await call('getUpdates')).body.result as { update_id: number; message: { text: string } }[];
    expect(all.map((u) => u.message.text)).toEqual(['a', 'b', 'c']);
    const one = (await call(`getUpdates?offset=${all[1]!.update_id}&limit=1`)).body.result as unknown[];
    expect(one).toEqual([all[1]]);
    const last = (await call('getUpdates?offset=-1')).body.result as unknown[];
    expect(last).toEqual([all[2]]);
    expect((await call(`getUpdates?offset=${all[2]!.update_id + 1}`)).body.result).toEqual([]);
    await f.idle();
  });

  it('long-polls until an update comes, ends a waiting poll when another starts, and refuses polling with a webhook', async () => {
    const { call } = await setup();
    const waiting = call('getUpdates?timeout=5');
    await new Promise((r) => setTimeout(r, 30));
    const second = call('getUpdates?timeout=5');
    expect((await waiting).body).toMatchObject({
      error_code: 409,
      description:
        'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
    });
    await new Promise((r) => setTimeout(r, 30));
    f.user().send('news_bot', 'wake up');
    expect(((await second).body.result as unknown[]).length).toBe(1);

    expect((await call('setWebhook?url=http://127.0.0.1:9/x&secret_token=s3cret')).body).toEqual({
      ok: true,
      result: true,
      description: 'Webhook was set',
    });
    expect((await call('getUpdates')).body).toMatchObject({
      error_code: 409,
      description:
        "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
    });
    expect((await call('setWebhook?url=http://x/&secret_token=bad%20secret')).body.description).toBe(
      'Bad Request: secret token contains unallowed characters',
    );
    expect((await call('deleteWebhook?drop_pending_updates=true')).body.description).toBe(
      'Webhook was deleted',
    );
    expect((await call('getWebhookInfo')).body.result).toMatchObject({ url: '', pending_update_count: 0 });
  });

  it('injects faults: 5xx, dropped connections, no answer', async () => {
    const { call, base } = await setup({ rateLimits: false });
    const ana = f.user();
    ana.pressStart('news_bot');
    f.inject({ kind: 'error', status: 503 }, { method: 'sendMessage', times: 2 });
    expect((await call(`sendMessage?chat_id=${ana.id}&text=a`)).status).toBe(503);
    expect((await call(`sendMessage?chat_id=${ana.id}&text=a`)).status).toBe(503);
    expect((await call(`sendMessage?chat_id=${ana.id}&text=a`)).status).toBe(200);
    f.inject({ kind: 'drop' }, { method: '*' });
    await expect(fetch(`${base}/getMe`)).rejects.toThrow();
    f.inject({ kind: 'timeout' }, { method: 'getMe' });
    await expect(fetch(`${base}/getMe`, { signal: AbortSignal.timeout(100) })).rejects.toThrow();
    expect(f.requests.filter((r) => r.injected).map((r) => r.status)).toEqual([503, 503, 0, 0]);
  });
});
