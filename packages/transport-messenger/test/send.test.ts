import type { TransportContext } from '@tidings/core';
import { manualClock } from '@tidings/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { messagingLabel } from '../src/index.js';
import type { FakeMessenger } from '../src/testing/index.js';
import { fakeAndTransport, outbound } from './helpers.js';

const HOUR = 3_600_000;
let fake: FakeMessenger | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

/** A transport started on a manual clock that the fake reads too. */
async function onClock(fakeOptions: Parameters<typeof fakeAndTransport>[1] = {}) {
  const clock = manualClock(Date.parse('2026-06-01T08:00:00Z'));
  const setup = await fakeAndTransport({}, { now: clock.now, ...fakeOptions });
  fake = setup.fake;
  const context: TransportContext = {
    receive: async () => {},
    now: clock.now,
    settle: async () => {},
    sleep: (ms) => new Promise<void>((resolve) => clock.setTimer(resolve, ms)),
  };
  await setup.transport.start?.(context);
  const user = setup.fake.user({ firstName: 'Ana' });
  user.send('dailyplanet', 'hello');
  return { ...setup, clock, user, psid: user.psid('dailyplanet') };
}

describe('messaging_type by the situation', () => {
  it('labels RESPONSE inside 24 hours, HUMAN_AGENT for an agent up to 7 days, and refuses the rest', () => {
    const t0 = 1_000_000_000_000;
    expect(messagingLabel('reply', t0, t0 + 23 * HOUR)).toEqual({ messaging_type: 'RESPONSE' });
    expect(messagingLabel('broadcast', t0, t0 + 1)).toEqual({ messaging_type: 'RESPONSE' });
    expect(messagingLabel('agent', t0, t0 + 30 * HOUR)).toEqual({
      messaging_type: 'MESSAGE_TAG',
      tag: 'HUMAN_AGENT',
    });
    expect(messagingLabel('agent', t0, t0 + 8 * 24 * HOUR)).toEqual({
      refused: expect.stringContaining('192 hours ago'),
    });
    expect(messagingLabel('broadcast', t0, t0 + 25 * HOUR)).toEqual({
      refused: expect.stringContaining('outside the 24-hour window'),
    });
    // Unknown to the core: RESPONSE, and the platform judges.
    expect(messagingLabel('broadcast', null, t0)).toEqual({ messaging_type: 'RESPONSE' });
    expect(messagingLabel('agent', undefined, t0)).toEqual({ messaging_type: 'RESPONSE' });
  });

  it('sends what it labels, and the fake enforces the same windows', async () => {
    const s = await onClock();
    const lastInboundAt = s.clock.now();
    const send = (purpose: 'agent' | 'broadcast', text: string, last: number | 'unknown' = lastInboundAt) =>
      s.transport.send(
        outbound(s.psid, { text }, s.page.pageId, {
          purpose,
          ...(last !== 'unknown' ? { lastInboundAt: last } : {}),
        }),
      );
    expect(await send('broadcast', 'inside')).toMatchObject({
      kind: 'accepted',
      providerMessageId: expect.stringMatching(/^m_/),
    });
    await s.clock.advance(30 * HOUR);
    expect(await send('broadcast', 'late news')).toMatchObject({ kind: 'window-closed' });
    expect(await send('agent', 'sorry for the wait')).toMatchObject({ kind: 'accepted' });
    // Without lastInboundAt the message goes as RESPONSE and the fake refuses it: 10 / 2018278.
    expect(await send('broadcast', 'unlabelled', 'unknown')).toMatchObject({
      kind: 'window-closed',
      code: '10/2018278',
    });
    await s.clock.advance(7 * 24 * HOUR);
    expect(await send('agent', 'too late')).toMatchObject({
      kind: 'window-closed',
      reason: expect.stringContaining('HUMAN_AGENT tag for 7 days'),
    });
    expect(s.fake.sent.map((m) => [m.text, m.messagingType, m.tag])).toEqual([
      ['inside', 'RESPONSE', undefined],
      ['sorry for the wait', 'MESSAGE_TAG', 'HUMAN_AGENT'],
    ]);
    // The refused ones never reached the API; the unlabelled one did, and was answered with the window error.
    expect(s.fake.requests.map((r) => [r.status, r.code])).toEqual([
      [200, undefined],
      [200, undefined],
      [400, 10],
    ]);
    expect(s.fake.requests.every((r) => r.path === `/v25.0/${s.page.pageId}/messages`)).toBe(true);
  });
});

describe('content', () => {
  it('sends media by URL or attachment id, the text after it, and quick replies on the last message', async () => {
    const s = await onClock();
    const outcome = await s.transport.send(
      outbound(
        s.psid,
        {
          text: 'Today’s front page',
          media: { kind: 'image', url: 'https://cdn.test/front.jpg' },
          quickReplies: [{ title: 'More', payload: 'MORE' }, { title: 'Stop' }],
        },
        s.page.pageId,
      ),
    );
    expect(outcome.kind).toBe('accepted');
    await s.transport.send(
      outbound(s.psid, { media: { kind: 'document', providerMediaId: '1857777774821032' } }, s.page.pageId),
    );
    expect(s.user.received().map((m) => [m.attachment, m.text, m.quickReplies])).toEqual([
      [{ type: 'image', url: 'https://cdn.test/front.jpg' }, undefined, undefined],
      [
        undefined,
        'Today’s front page',
        [
          { title: 'More', payload: 'MORE' },
          { title: 'Stop', payload: 'Stop' },
        ],
      ],
      [{ type: 'file', attachmentId: '1857777774821032' }, undefined, undefined],
    ]);
    // The accepted outcome names the first message.
    expect(outcome.kind === 'accepted' && outcome.providerMessageId).toBe(s.user.received()[0]!.mid);
    expect(s.fake.sent.every((m) => m.metadata?.startsWith('tidings:'))).toBe(true);
  });

  it('refuses, before sending, what Messenger would refuse', async () => {
    const s = await onClock();
    const refuse = async (content: Parameters<typeof outbound>[1], why: RegExp) => {
      const outcome = await s.transport.send(outbound(s.psid, content, s.page.pageId));
      expect(outcome).toMatchObject({ kind: 'invalid', reason: expect.stringMatching(why) });
    };
    await refuse({ text: 'x'.repeat(2001) }, /2001 characters; Messenger accepts up to 2000/);
    await refuse({ text: '   ' }, /empty/);
    await refuse({ template: { name: 'x', language: 'en', parameters: [] } }, /no message templates/);
    await refuse({ media: { kind: 'image', bytes: new Uint8Array([1]) } }, /without url or providerMediaId/);
    await refuse(
      { text: 'hi', quickReplies: [{ title: 'a title that is far too long' }] },
      /1–20 characters/,
    );
    await refuse(
      { text: 'hi', quickReplies: Array.from({ length: 14 }, (_, i) => ({ title: `q${i}` })) },
      /up to 13/,
    );
    expect(s.fake.requests).toEqual([]);
  });

  it('keeps audio and video to 10 per second per page, waiting on the core clock', async () => {
    const s = await onClock({ rateLimits: {} });
    const video = (i: number) =>
      s.transport.send(
        outbound(s.psid, { media: { kind: 'video', url: `https://cdn.test/${i}.mp4` } }, s.page.pageId),
      );
    const sends = Array.from({ length: 25 }, (_, i) => video(i));
    await until(() => s.fake.sent.length === 10);
    await new Promise((r) => setTimeout(r, 30)); // real I/O time for any send that would wrongly slip through
    expect(s.fake.sent).toHaveLength(10);
    await s.clock.advance(1000);
    await until(() => s.fake.sent.length === 20);
    await new Promise((r) => setTimeout(r, 30));
    expect(s.fake.sent).toHaveLength(20);
    await s.clock.advance(1000);
    const outcomes = await Promise.all(sends);
    expect(outcomes.every((o) => o.kind === 'accepted')).toBe(true);
    expect(s.fake.requests.filter((r) => r.code === 613)).toEqual([]);
  });
});

describe('outcomes (PLATFORMS.md §3.1)', () => {
  it('maps Graph errors to what the dispatcher does next', async () => {
    const s = await onClock();
    const send = () => s.transport.send(outbound(s.psid, { text: 'hi' }, s.page.pageId));
    const cases: [Parameters<FakeMessenger['inject']>[0], Record<string, unknown>][] = [
      [
        { kind: 'graph-error', code: 10, subcode: 2018278 },
        { kind: 'window-closed', code: '10/2018278' },
      ],
      [
        { kind: 'graph-error', code: 551, subcode: 1545041 },
        { kind: 'recipient-gone', code: '551/1545041' },
      ],
      [{ kind: 'graph-error', code: 100, subcode: 2018001 }, { kind: 'recipient-gone' }],
      [
        { kind: 'rate-limit', retryAfter: 7 },
        { kind: 'retry', retryAfterMs: 7000, code: '613' },
      ],
      [
        { kind: 'graph-error', code: 4, subcode: 2018022 },
        { kind: 'retry', retryAfterMs: null, code: '4/2018022' },
      ],
      [{ kind: 'graph-error', code: 32 }, { kind: 'retry' }],
      [{ kind: 'graph-error', code: 1200 }, { kind: 'retry' }],
      [
        { kind: 'graph-error', code: 200, message: '(#200) Requires pages_messaging permission' },
        {
          kind: 'config-error',
          reason: expect.stringMatching(/^page dailyplanet \(\d+\) lacks a permission/),
        },
      ],
      [
        { kind: 'graph-error', code: 190, message: 'Error validating access token: Session has expired' },
        {
          kind: 'config-error',
          reason: expect.stringMatching(/^Graph refused the access token of page dailyplanet/),
        },
      ],
      [{ kind: 'graph-error', code: 10, subcode: 1893063 }, { kind: 'sender-blocked' }],
      [{ kind: 'graph-error', code: 100, message: '(#100) Invalid parameter' }, { kind: 'invalid' }],
      [{ kind: 'error', status: 503 }, { kind: 'retry' }],
      [{ kind: 'drop' }, { kind: 'retry', reason: expect.stringMatching(/^network/) }],
    ];
    for (const [fault, expected] of cases) {
      s.fake.inject(fault);
      expect(await send()).toMatchObject(expected);
    }
    expect(await send()).toMatchObject({ kind: 'accepted' });
  });

  it('reads the platform itself: a blocked user, an unknown PSID, a bad token, a missing permission', async () => {
    const s = await onClock();
    s.user.block();
    expect(await s.transport.send(outbound(s.psid, { text: 'hi' }, s.page.pageId))).toMatchObject({
      kind: 'recipient-gone',
      reason: "(#551) This person isn't available right now.",
    });
    expect(await s.transport.send(outbound('7999999999999999', { text: 'hi' }, s.page.pageId))).toMatchObject(
      {
        kind: 'recipient-gone',
        code: '100/2018001',
      },
    );
    const other = await onClockWithToken(s.fake, 'not-a-token');
    const refused = await other.send(outbound(s.psid, { text: 'hi' }, s.page.pageId));
    expect(refused).toMatchObject({ kind: 'config-error', code: '190' });
    expect(JSON.stringify(refused)).not.toContain('not-a-token');
    s.user.unblock();
    s.fake.setHumanAgent(undefined, false);
    expect(
      await s.transport.send(
        outbound(s.psid, { text: 'hi' }, s.page.pageId, {
          purpose: 'agent',
          lastInboundAt: s.clock.now() - 30 * HOUR,
        }),
      ),
    ).toMatchObject({ kind: 'config-error', code: '200', reason: expect.stringContaining('human_agent') });
    expect(await s.transport.send(outbound(s.psid, { text: 'hi' }, 'no-such-page'))).toMatchObject({
      kind: 'config-error',
    });
  });

  it('proves each call with appsecret_proof, which the fake checks when the app requires it', async () => {
    const s = await onClock({ requireProof: true });
    expect(await s.transport.send(outbound(s.psid, { text: 'hi' }, s.page.pageId))).toMatchObject({
      kind: 'accepted',
    });
    const wrongSecret = await onClockWithToken(s.fake, s.page.accessToken, 'wrong-secret');
    expect(await wrongSecret.send(outbound(s.psid, { text: 'hi' }, s.page.pageId))).toMatchObject({
      kind: 'invalid',
      reason: 'Invalid appsecret_proof provided in the API argument',
    });
  });
});

async function until(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 2));
  }
}

async function onClockWithToken(fake: FakeMessenger, accessToken: string, appSecret = fake.appSecret) {
  const { messengerTransport } = await import('../src/index.js');
  return messengerTransport({
    pages: [{ ...fake.page(), accessToken }],
    appSecret,
    verifyToken: 'v',
    baseUrl: fake.baseUrl,
  });
}
