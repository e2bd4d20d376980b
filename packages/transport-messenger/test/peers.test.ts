import { manualClock } from '@tidings/core/testing';
import { MessengerClient } from 'messaging-api-messenger';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeMessenger, fakeMessenger } from '../src/testing/index.js';

/** messaging-api-messenger (Yoctol/bottender), a Send API client we did not write, against the fake Messenger. */
const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function setup() {
  const clock = manualClock(Date.parse('2026-06-01T08:00:00Z'));
  // The app requires appsecret_proof: the client's own proof must match the fake's.
  const fake: FakeMessenger = await fakeMessenger({
    pages: [{ name: 'dailyplanet' }],
    now: clock.now,
    requireProof: true,
  });
  cleanup.push(() => fake.close());
  const client = new MessengerClient({
    accessToken: fake.page().accessToken,
    appSecret: fake.appSecret,
    origin: fake.baseUrl,
    version: '25.0',
  });
  const ana = fake.user({ firstName: 'Ana' });
  ana.send('dailyplanet', 'hi');
  return { fake, client, clock, ana, psid: ana.psid('dailyplanet') };
}

describe('messaging-api-messenger against the fake', () => {
  it('sends text with quick replies, an image and a file by URL, and reads the Graph answer', async () => {
    const { fake, client, ana, psid } = await setup();
    const text = await client.sendText(psid, 'Hello from bottender', {
      messagingType: 'RESPONSE',
      quickReplies: [{ contentType: 'text', title: 'More', payload: 'MORE' }],
    });
    expect(text).toEqual({ recipientId: psid, messageId: expect.stringMatching(/^m_/) });
    await client.sendImage(psid, 'https://cdn.test/front.jpg', { messagingType: 'RESPONSE' });
    await client.sendFile(psid, { attachmentId: '1857777774821032' }, { messagingType: 'RESPONSE' });
    expect(ana.received().map((m) => [m.messagingType, m.text, m.attachment, m.quickReplies])).toEqual([
      ['RESPONSE', 'Hello from bottender', undefined, [{ title: 'More', payload: 'MORE' }]],
      ['RESPONSE', undefined, { type: 'image', url: 'https://cdn.test/front.jpg' }, undefined],
      ['RESPONSE', undefined, { type: 'file', attachmentId: '1857777774821032' }, undefined],
    ]);
    expect(ana.received()[0]?.mid).toBe(text.messageId);
    expect(fake.requests.map((r) => [r.path, r.status])).toEqual([
      ['/v25.0/me/messages', 200],
      ['/v25.0/me/messages', 200],
      ['/v25.0/me/messages', 200],
    ]);
  });

  it('gets the window error after 24 hours, and through with HUMAN_AGENT until 7 days', async () => {
    const { client, clock, ana, psid } = await setup();
    await clock.advance(30 * 3_600_000);
    const outside = await client
      .sendText(psid, 'late', { messagingType: 'RESPONSE' })
      .catch((e: unknown) => e);
    expect(String((outside as Error).message)).toBe(
      'Messenger API - 10 OAuthException (#10) This message is sent outside of allowed window. Learn more about the new policy here: https://developers.facebook.com/docs/messenger-platform/policy-overview',
    );
    // The client camel-cases Graph's envelope; the subcode is there.
    expect((outside as { response?: unknown }).response).toMatchObject({
      status: 400,
      data: {
        error: { code: 10, errorSubcode: 2018278, type: 'OAuthException', fbtraceId: expect.any(String) },
      },
    });
    await client.sendText(psid, 'An agent here', { tag: 'HUMAN_AGENT' });
    expect(ana.received().map((m) => [m.messagingType, m.tag])).toEqual([['MESSAGE_TAG', 'HUMAN_AGENT']]);
    await clock.advance(7 * 24 * 3_600_000);
    await expect(client.sendText(psid, 'too late', { tag: 'HUMAN_AGENT' })).rejects.toThrow(/\(#10\)/);
  });

  it('is refused with a wrong appsecret_proof or token, and for a blocked user', async () => {
    const { fake, ana, psid } = await setup();
    const wrongSecret = new MessengerClient({
      accessToken: fake.page().accessToken,
      appSecret: 'not-the-secret',
      origin: fake.baseUrl,
      version: '25.0',
    });
    await expect(wrongSecret.sendText(psid, 'x')).rejects.toThrow(
      'Invalid appsecret_proof provided in the API argument',
    );
    const badToken = new MessengerClient({
      accessToken: 'bad-token',
      skipAppSecretProof: true,
      origin: fake.baseUrl,
      version: '25.0',
    });
    await expect(badToken.sendText(psid, 'x')).rejects.toThrow(
      /^Messenger API - 190 OAuthException Invalid OAuth access token/,
    );
    ana.block('dailyplanet');
    const ok = new MessengerClient({
      accessToken: fake.page().accessToken,
      appSecret: fake.appSecret,
      origin: fake.baseUrl,
      version: '25.0',
    });
    await expect(ok.sendText(psid, 'x', { messagingType: 'RESPONSE' })).rejects.toThrow(
      "Messenger API - 551 OAuthException (#551) This person isn't available right now.",
    );
  });
});
