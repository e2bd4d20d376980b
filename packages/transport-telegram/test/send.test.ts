import { afterEach, describe, expect, it } from 'vitest';
import type { FakeTelegram } from '../src/testing/index.js';
import { fakeAndTransport, outbound } from './helpers.js';

const fakes: FakeTelegram[] = [];
let fake: FakeTelegram | undefined;
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});

async function started(options = {}) {
  const s = await fakeAndTransport(options);
  fake = s.fake;
  fakes.push(s.fake);
  const ana = s.fake.user({ firstName: 'Ana' });
  ana.pressStart('news_bot');
  return { ...s, ana };
}

describe('sending', () => {
  it('sends text and answers with the chat and message id', async () => {
    const { transport, ana, fake } = await started();
    const outcome = await transport.send(outbound(ana.id, { text: 'Hello 👋' }));
    expect(outcome).toEqual({ kind: 'accepted', providerMessageId: `${ana.id}:2` });
    expect(ana.texts()).toEqual(['Hello 👋']);
    expect(fake.sent[0]).toMatchObject({ method: 'sendmessage', linkPreviewDisabled: false });
  });

  it('turns link previews off when asked', async () => {
    const { transport, ana } = await started({ linkPreviews: false });
    await transport.send(outbound(ana.id, { text: 'https://example.com' }));
    expect(ana.received()[0]?.linkPreviewDisabled).toBe(true);
  });

  it('refuses text over 4,096 characters before sending, or splits it when asked', async () => {
    const { transport, ana, fake } = await started();
    const long = `${'word '.repeat(1000)}end`;
    const refused = await transport.send(outbound(ana.id, { text: long }));
    expect(refused).toMatchObject({ kind: 'invalid', reason: expect.stringContaining('4096') });
    expect(fake.requests.filter((r) => r.method === 'sendmessage')).toHaveLength(0);

    const { transport: splitting, ana: bo } = await started({ longText: 'split' });
    const outcome = await splitting.send(outbound(bo.id, { text: long }));
    expect(outcome.kind).toBe('accepted');
    const parts = bo.texts();
    expect(parts.length).toBe(2);
    expect(parts.every((p) => p.length <= 4096)).toBe(true);
    expect(parts.join(' ')).toBe(long);
  });

  it('sends media by URL, by file id and by upload, with captions', async () => {
    const { transport, ana } = await started();
    await transport.send(
      outbound(ana.id, { media: { kind: 'image', url: 'https://cdn.example/a.jpg', caption: 'Look' } }),
    );
    await transport.send(outbound(ana.id, { media: { kind: 'audio', providerMediaId: 'AUDIO-1' } }));
    await transport.send(outbound(ana.id, { media: { kind: 'video', url: 'https://cdn.example/v.mp4' } }));
    const bytes = new TextEncoder().encode('%PDF-1.4 tiny');
    const uploaded = await transport.send(
      outbound(ana.id, {
        text: 'The programme',
        media: { kind: 'document', bytes, mimeType: 'application/pdf', filename: 'programme.pdf' },
      }),
    );
    expect(uploaded.kind).toBe('accepted');
    const got = ana.received();
    expect(got.map((m) => [m.method, m.media?.source, m.caption])).toEqual([
      ['sendphoto', 'url', 'Look'],
      ['sendaudio', 'file_id', undefined],
      ['sendvideo', 'url', undefined],
      ['senddocument', 'upload', 'The programme'],
    ]);
    expect(got[3]?.media).toMatchObject({
      fileName: 'programme.pdf',
      size: bytes.length,
      mimeType: 'application/pdf',
    });
  });

  it('sends a text too long for a caption, or beside a caption, as a message after the media', async () => {
    const { transport, ana } = await started();
    const long = 'x'.repeat(1500);
    expect(
      (
        await transport.send(
          outbound(ana.id, { text: long, media: { kind: 'image', url: 'https://a/b.png' } }),
        )
      ).kind,
    ).toBe('accepted');
    await transport.send(
      outbound(ana.id, {
        text: 'Details below',
        media: { kind: 'image', url: 'https://a/c.png', caption: 'Poster' },
      }),
    );
    expect(ana.received().map((m) => [m.method, m.caption ?? m.text?.length])).toEqual([
      ['sendphoto', undefined],
      ['sendmessage', 1500],
      ['sendphoto', 'Poster'],
      ['sendmessage', 13],
    ]);
  });

  it('refuses long captions and templates before sending', async () => {
    const { transport, ana } = await started();
    const caption = 'x'.repeat(1025);
    expect(
      await transport.send(outbound(ana.id, { media: { kind: 'image', url: 'https://a/b.png', caption } })),
    ).toMatchObject({ kind: 'invalid' });
    expect(
      await transport.send(outbound(ana.id, { template: { name: 't', language: 'en', parameters: [] } })),
    ).toMatchObject({ kind: 'invalid', reason: 'Telegram has no message templates' });
    expect(ana.received()).toEqual([]);
  });
});

describe('outcomes (PLATFORMS.md §2.3)', () => {
  it('429 → retry after retry_after seconds', async () => {
    const { transport, ana, fake } = await started();
    fake.inject({ kind: 'rate-limit', retryAfter: 3 });
    expect(await transport.send(outbound(ana.id, { text: 'a' }))).toEqual({
      kind: 'retry',
      retryAfterMs: 3000,
      reason: 'Too Many Requests: retry after 3',
      code: '429',
    });
    expect((await transport.send(outbound(ana.id, { text: 'a' }))).kind).toBe('accepted');
  });

  it('the fake enforces 1 message/s per chat with a 429', async () => {
    const { transport, ana } = await started();
    fake!.setRateLimits({});
    expect((await transport.send(outbound(ana.id, { text: 'a' }))).kind).toBe('accepted');
    expect(await transport.send(outbound(ana.id, { text: 'b' }))).toMatchObject({
      kind: 'retry',
      retryAfterMs: 1000,
    });
  });

  it('403 blocked → recipient blocked; deactivated and never started → recipient gone', async () => {
    const { transport, ana, fake } = await started();
    ana.block('news_bot');
    expect(await transport.send(outbound(ana.id, { text: 'a' }))).toEqual({
      kind: 'recipient-blocked',
      reason: 'Forbidden: bot was blocked by the user',
      code: '403',
    });
    const stranger = fake.user();
    expect(await transport.send(outbound(stranger.id, { text: 'a' }))).toMatchObject({
      kind: 'recipient-gone',
      reason: "Forbidden: bot can't initiate conversation with a user",
    });
    const gone = fake.user();
    gone.pressStart('news_bot');
    gone.deactivate();
    expect(await transport.send(outbound(gone.id, { text: 'a' }))).toMatchObject({
      kind: 'recipient-gone',
      reason: 'Forbidden: user is deactivated',
    });
  });

  it('400 chat not found → recipient gone', async () => {
    const { transport } = await started();
    expect(await transport.send(outbound(123, { text: 'a' }))).toEqual({
      kind: 'recipient-gone',
      reason: 'Bad Request: chat not found',
      code: '400',
    });
  });

  it('401 → a configuration error that names the bot and its id, never the secret', async () => {
    const { fake: f, ana } = await started();
    const { telegramTransport } = await import('../src/index.js');
    const wrong = telegramTransport({
      token: '7000000001:WRONG-secret',
      username: 'news_bot',
      mode: 'polling',
      apiRoot: f.apiRoot,
    });
    const outcome = await wrong.send(outbound(ana.id, { text: 'a' }));
    expect(outcome).toMatchObject({ kind: 'config-error', code: '401' });
    expect(outcome.kind !== 'accepted' && outcome.reason).toContain('@news_bot (bot id 7000000001)');
    expect(JSON.stringify(outcome)).not.toContain('WRONG-secret');
  });

  it('5xx, a dropped connection and no answer → retry', async () => {
    const { transport, ana, fake } = await started();
    fake.inject({ kind: 'error', status: 502 });
    expect(await transport.send(outbound(ana.id, { text: 'a' }))).toMatchObject({
      kind: 'retry',
      code: '502',
    });
    fake.inject({ kind: 'drop' });
    expect(await transport.send(outbound(ana.id, { text: 'a' }))).toMatchObject({
      kind: 'retry',
      reason: expect.stringMatching(/^network: /),
    });
    fake.inject({ kind: 'timeout' });
    const outcome = await transport.send(outbound(ana.id, { text: 'a' }), {
      signal: AbortSignal.timeout(100),
    });
    expect(outcome).toMatchObject({ kind: 'retry', reason: expect.stringMatching(/^network: /) });
    expect(ana.texts()).toEqual([]);
  });

  it('uses the injected fetch', async () => {
    const { fake: f, ana } = await started();
    const { telegramTransport } = await import('../src/index.js');
    const urls: string[] = [];
    const counting: typeof fetch = (input, init) => {
      urls.push(String(input));
      return fetch(input, init);
    };
    const t = telegramTransport({
      token: f.bot().token,
      username: 'news_bot',
      mode: 'polling',
      apiRoot: f.apiRoot,
      fetch: counting,
    });
    expect((await t.send(outbound(ana.id, { text: 'a' }))).kind).toBe('accepted');
    expect(urls).toEqual([`${f.apiRoot}/bot${f.bot().token}/sendMessage`]);
  });

  it('an unknown sender is a configuration error', async () => {
    const { transport, ana } = await started();
    expect(await transport.send(outbound(ana.id, { text: 'a' }, 'other_bot'))).toMatchObject({
      kind: 'config-error',
    });
  });
});
