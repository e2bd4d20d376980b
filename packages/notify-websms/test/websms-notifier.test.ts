import { createTidings, sandboxTransport, silentLogger, type TidingsEvents } from '@tidings/core';
import { manualClock } from '@tidings/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { websmsNotifier } from '../src/index.js';
import { fakeWebsms } from './fake-websms.js';

const TOKEN = 'websms-access-token';

describe('websmsNotifier against a local fake of the websms REST API', () => {
  let fake: Awaited<ReturnType<typeof fakeWebsms>>;
  beforeAll(async () => {
    fake = await fakeWebsms(TOKEN);
  });
  afterAll(() => fake.close());

  /** A Tidings whose "forward sms" rules go to the fake; the clock is manual, the HTTP real. */
  async function tidingsWithSms(rules: string) {
    const clock = manualClock(Date.parse('2026-06-01T08:00:00Z'));
    const sandbox = sandboxTransport();
    const sms = websmsNotifier({
      accessToken: TOKEN,
      baseUrl: fake.baseUrl,
      senderAddress: 'Newsroom',
      senderAddressType: 'alphanumeric',
    });
    const tidings = createTidings({
      clock,
      transports: [sandbox],
      logger: silentLogger,
      forwarding: { sms, backoffMs: 1_000 },
    });
    const failed: TidingsEvents['forward.failed'][] = [];
    tidings.on('forward.failed', (e) => void failed.push(e));
    await tidings.start();
    await tidings.rules.set(rules);
    return { tidings, sandbox, clock, failed };
  }

  it('sends what a "forward sms" rule forwards, as websms expects it', async () => {
    const { tidings, sandbox } = await tidingsWithSms('when keyword "😡" then forward sms +436601234567');
    await sandbox.simulateInbound({ from: '+436641234567', text: '😡', profileName: 'Erika' });
    await tidings.drain();
    await tidings.stop();
    expect(fake.requests.at(-1)).toEqual({
      authorization: `Bearer ${TOKEN}`,
      body: {
        recipientAddressList: ['436601234567'],
        messageContent: 'Erika (sandbox): 😡',
        maxSmsPerMessage: 3,
        test: false,
        senderAddress: 'Newsroom',
        senderAddressType: 'alphanumeric',
      },
    });
  });

  it('retries a server error on the clock, and succeeds', async () => {
    const { tidings, sandbox, clock, failed } = await tidingsWithSms(
      'when any then forward sms +436601234567',
    );
    fake.plan.push({ statusCode: 5000, statusMessage: 'internal error' });
    const before = fake.requests.length;
    await sandbox.simulateInbound({ from: '+436641234567', text: 'Hallo' });
    await tidings.drain();
    expect(failed).toEqual([
      expect.objectContaining({ willRetry: true, error: 'websms: status 5000 internal error' }),
    ]);
    await clock.advance(1_000);
    await tidings.drain();
    await tidings.stop();
    expect(fake.requests.length - before).toBe(2);
    expect((await tidings.rules.listForwards()).items).toEqual([]);
  });

  it('tells permanent failures from ones worth retrying', async () => {
    const outcome = async (
      plan: { statusCode: number; statusMessage: string; http?: number } | null,
      token = TOKEN,
      to = '+436601234567',
    ) => {
      if (plan) fake.plan.push(plan);
      const sms = websmsNotifier({ accessToken: token, baseUrl: fake.baseUrl });
      return sms.send({ to, text: 'x' }, { signal: new AbortController().signal }).then(
        () => 'sent',
        (error: Error & { permanent: boolean }) => [error.message, error.permanent],
      );
    };
    expect(await outcome({ statusCode: 2001, statusMessage: 'OK (queued)' })).toBe('sent');
    expect(await outcome(null, TOKEN, '+0')).toEqual(['websms: status 4002 invalid recipient', true]);
    expect(await outcome(null, 'wrong')).toEqual(['websms: HTTP 401 (invalid credentials)', true]);
    expect(await outcome({ statusCode: 4023, statusMessage: 'throttled' })).toEqual([
      'websms: status 4023 throttled',
      false,
    ]);
    expect(await outcome({ statusCode: 5003, statusMessage: 'unavailable', http: 503 })).toEqual([
      'websms: HTTP 503 (unavailable)',
      false,
    ]);
  });

  it('checks its options, naming the bad one', () => {
    expect(() => websmsNotifier({ accessToken: '' })).toThrow(/accessToken/);
    expect(() => websmsNotifier({ accessToken: 'x', baseUrl: 'not a url' })).toThrow(/baseUrl/);
  });
});
