import { afterEach, describe, expect, it } from 'vitest';
import type { FakeWhatsApp } from '../src/testing/index.js';
import { fakeAndTransport, outbound } from './helpers.js';

let fake: FakeWhatsApp | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function setup(options: Parameters<typeof fakeAndTransport>[0] = {}) {
  const s = await fakeAndTransport(options);
  fake = s.fake;
  const ana = s.fake.subscriber({ name: 'Ana' });
  await ana.send('hello'); // opens the 24-hour window
  const send = (content: Parameters<typeof outbound>[1], extra = {}) =>
    s.transport.send(outbound(ana.address, content, s.number.phoneNumberId, extra));
  return { ...s, ana, send };
}

describe('sending through the fake Cloud API', () => {
  it('sends text, media by link, by id and by upload, templates and reply buttons — every body valid for Meta’s schema', async () => {
    const s = await setup({ stopButton: { title: 'Stop' } });
    const outcomes = [
      await s.send({ text: 'Hello https://example.com' }),
      await s.send({ media: { kind: 'image', url: 'https://cdn.example/p.jpg' }, text: 'A picture' }),
      await s.send({ media: { kind: 'video', providerMediaId: '1234567890', caption: 'clip' } }),
      await s.send({ media: { kind: 'audio', url: 'https://cdn.example/a.mp3' } }),
      await s.send({
        media: {
          kind: 'document',
          bytes: new Uint8Array([37, 80, 68, 70]),
          mimeType: 'application/pdf',
          filename: 'inv.pdf',
        },
      }),
      await s.send({ template: { name: 'edition', language: 'de', parameters: ['Ana', 'Nr. 7'] } }),
      await s.send({ text: 'Edition 7 is out' }, { purpose: 'broadcast' }),
    ];
    for (const o of outcomes)
      expect(o).toMatchObject({ kind: 'accepted', providerMessageId: expect.stringMatching(/^wamid\./) });
    expect(s.fake.requests.map((r) => [r.path.split('/').at(-1), r.status, r.schemaErrors])).toEqual([
      ['messages', 200, []],
      ['messages', 200, []],
      ['messages', 200, []],
      ['messages', 200, []],
      ['media', 200, []],
      ['messages', 200, []],
      ['messages', 200, []],
      ['messages', 200, []],
    ]);
    const bodies = s.fake.sent.map((m) => m.body);
    expect(bodies[0]).toMatchObject({
      type: 'text',
      text: { body: 'Hello https://example.com', preview_url: true },
    });
    expect(bodies[1]).toMatchObject({
      type: 'image',
      image: { link: 'https://cdn.example/p.jpg', caption: 'A picture' },
    });
    expect(bodies[2]).toMatchObject({ type: 'video', video: { id: '1234567890', caption: 'clip' } });
    expect(bodies[4]).toMatchObject({
      type: 'document',
      document: { id: expect.any(String), filename: 'inv.pdf' },
    });
    expect(bodies[5]).toMatchObject({
      type: 'template',
      template: {
        name: 'edition',
        language: { code: 'de' },
        components: [
          {
            type: 'body',
            parameters: [
              { type: 'text', text: 'Ana' },
              { type: 'text', text: 'Nr. 7' },
            ],
          },
        ],
      },
    });
    expect(bodies[6]).toMatchObject({
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: 'Edition 7 is out' },
        action: { buttons: [{ type: 'reply', reply: { id: 'STOP', title: 'Stop' } }] },
      },
    });
    expect(s.ana.texts()).toEqual([
      'Hello https://example.com',
      'A picture',
      'clip',
      '',
      '',
      'edition Ana Nr. 7',
      'Edition 7 is out',
    ]);
  });

  it('sends quick replies as reply buttons under the text; a tap comes back as the payload, else the title', async () => {
    const s = await setup();
    const asked = await s.send({
      text: 'More sport news?',
      quickReplies: [{ title: 'Yes', payload: 'SPORT' }, { title: 'No thanks' }],
    });
    expect(asked.kind).toBe('accepted');
    expect(s.fake.sent.at(-1)?.body).toMatchObject({
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: 'More sport news?' },
        action: {
          buttons: [
            { type: 'reply', reply: { id: 'SPORT', title: 'Yes' } },
            { type: 'reply', reply: { id: 'No thanks', title: 'No thanks' } },
          ],
        },
      },
    });
    await s.send({
      media: { kind: 'image', url: 'https://cdn.example/p.jpg' },
      text: 'Pick',
      quickReplies: [{ title: 'A' }],
    });
    expect(s.fake.sent.slice(-2).map((m) => m.body.type)).toEqual(['image', 'interactive']);
    const four = [{ title: '1' }, { title: '2' }, { title: '3' }, { title: '4' }];
    expect(await s.send({ text: 'x', quickReplies: four })).toMatchObject({ kind: 'invalid' });
    expect(await s.send({ text: 'x', quickReplies: [{ title: 'x'.repeat(21) }] })).toMatchObject({
      kind: 'invalid',
    });
    expect(
      await s.send({
        media: { kind: 'image', url: 'https://cdn.example/p.jpg' },
        quickReplies: [{ title: 'A' }],
      }),
    ).toMatchObject({
      kind: 'invalid',
    });
    expect(s.fake.requests.flatMap((r) => r.schemaErrors)).toEqual([]);
  });

  it('marks an inbound message read', async () => {
    const s = await setup();
    const id = await s.ana.send('are you there?');
    await s.transport.markRead(s.number.phoneNumberId, id, { typing: true });
    expect(s.fake.requests.at(-1)).toMatchObject({ status: 200, schemaErrors: [] });
    await expect(s.transport.markRead(s.number.phoneNumberId, 'wamid.unknown')).rejects.toThrow(
      /mark as read failed/,
    );
  });

  it('refuses text over 4,096 characters and a caption over 1,024 without calling the API', async () => {
    const s = await setup();
    const before = s.fake.requests.length;
    expect(await s.send({ text: 'x'.repeat(4097) })).toMatchObject({ kind: 'invalid' });
    expect(
      await s.send({ media: { kind: 'image', url: 'https://cdn.example/p.jpg', caption: 'c'.repeat(1025) } }),
    ).toMatchObject({
      kind: 'invalid',
    });
    expect(await s.send({ text: '   ' })).toMatchObject({ kind: 'invalid' });
    const upload = { kind: 'image' as const, bytes: new Uint8Array([1, 2, 3]), mimeType: 'image/png' };
    expect(await s.send({ media: { ...upload, caption: 'c'.repeat(1025) } })).toMatchObject({
      kind: 'invalid',
    });
    expect(s.fake.requests.length).toBe(before);
    expect(await s.send({ text: 'x'.repeat(4096) })).toMatchObject({ kind: 'accepted' });
  });

  it('outside the 24-hour window only a template calls the API', async () => {
    const s = await setup();
    const before = s.fake.requests.length;
    const dayAgo = Date.now() - 24 * 60 * 60 * 1000 - 1;
    expect(await s.send({ text: 'late' }, { lastInboundAt: dayAgo })).toMatchObject({
      kind: 'window-closed',
    });
    expect(await s.send({ text: 'never wrote' }, { lastInboundAt: null })).toMatchObject({
      kind: 'window-closed',
    });
    expect(s.fake.requests.length).toBe(before);
    const template = { name: 'edition', language: 'en', parameters: [] };
    expect(await s.send({ template }, { lastInboundAt: dayAgo })).toMatchObject({ kind: 'accepted' });
    expect(await s.send({ text: 'fresh' }, { lastInboundAt: Date.now() - 1000 })).toMatchObject({
      kind: 'accepted',
    });
  });

  it.each([
    [130429, { kind: 'retry', retryAfterMs: 3000, code: '130429' }, 3],
    [130429, { kind: 'retry', retryAfterMs: null, code: '130429' }, undefined],
    [80007, { kind: 'retry', code: '80007' }, undefined],
    [4, { kind: 'retry', code: '4' }, undefined],
    [131056, { kind: 'retry', retryAfterMs: 6000, code: '131056' }, undefined],
    [131047, { kind: 'window-closed', code: '131047' }, undefined],
    [131026, { kind: 'recipient-gone', code: '131026' }, undefined],
    [
      131049,
      { kind: 'window-closed', code: '131049', reason: expect.stringMatching(/not delivered by Meta/) },
      undefined,
    ],
    [
      131050,
      { kind: 'recipient-blocked', code: '131050', reason: expect.stringMatching(/stopped marketing/) },
      undefined,
    ],
    [368, { kind: 'sender-blocked', code: '368' }, undefined],
    [131048, { kind: 'sender-blocked', code: '131048' }, undefined],
    [190, { kind: 'config-error', code: '190', reason: expect.stringMatching(/accessToken/) }, undefined],
    [131000, { kind: 'retry', code: '131000' }, undefined],
    [100, { kind: 'invalid', code: '100' }, undefined],
  ])('Meta error %i becomes %o', async (code, expected, retryAfterSeconds) => {
    const s = await setup();
    s.fake.inject({ kind: 'error', code, ...(retryAfterSeconds ? { retryAfterSeconds } : {}) });
    expect(await s.send({ text: 'hi' })).toMatchObject(expected);
  });

  it('a wrong token is a configuration error naming the token, never quoting it', async () => {
    const s = await setup({ accessToken: 'EAAG-wrong-token-000' });
    const outcome = await s.send({ text: 'hi' });
    expect(outcome).toMatchObject({ kind: 'config-error', code: '190' });
    expect(JSON.stringify(outcome)).not.toContain('EAAG-wrong-token-000');
  });

  it('server errors and dropped connections are retried', async () => {
    const s = await setup();
    s.fake.inject({ kind: 'server-error', status: 503 });
    expect(await s.send({ text: 'hi' })).toMatchObject({ kind: 'retry' });
    s.fake.inject({ kind: 'drop' });
    expect(await s.send({ text: 'hi' })).toMatchObject({
      kind: 'retry',
      reason: expect.stringMatching(/network/),
    });
  });

  it('a number not in the senders is a configuration error', async () => {
    const s = await setup();
    expect(await s.transport.send(outbound(s.ana.address, { text: 'x' }, '999999999'))).toMatchObject({
      kind: 'config-error',
    });
  });
});
