import { createHmac, timingSafeEqual } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  createTidings,
  type InboundMessageEvent,
  type Store,
  sandboxTransport,
  silentLogger,
  type TidingsEvents,
  type TidingsOptions,
  verifyForwardSignature,
} from '../src/index.js';
import { type ManualClock, manualClock, memoryStoreWithBackdoor } from '../src/testing/index.js';
import { fakeFetch, SECRET } from './rules-setup.js';

const T0 = Date.parse('2026-06-01T08:00:00Z');
const HOOK = 'https://crm.example.com/hook';

/** Lets the event loop turn until `condition` holds: for work started by another party, not a sleep. */
async function until(condition: () => boolean | Promise<boolean>) {
  for (let turn = 0; !(await condition()); turn++) {
    if (turn > 10_000) throw new Error('the condition never held');
    await new Promise((resolve) => setImmediate(resolve));
  }
}

let seq = 0;
const inbound = (clock: ManualClock, text: string): InboundMessageEvent => ({
  type: 'message',
  senderId: 'sandbox',
  from: '+436641234567',
  at: clock.now(),
  providerMessageId: `wamid.${++seq}`,
  text,
});

/** A Tidings that forwards every message to HOOK; `start: false` plays an HTTP-only process. */
async function forwarder(
  options: {
    store?: Store;
    clock?: ManualClock;
    start?: boolean;
    fetch?: typeof fetch;
  } & Partial<TidingsOptions> = {},
) {
  const { store: given, clock: givenClock, start = true, fetch: givenFetch, ...rest } = options;
  const clock = givenClock ?? manualClock(T0);
  const http = fakeFetch(() => clock.now());
  const { store: fresh, backdoor } = memoryStoreWithBackdoor();
  const store = given ?? fresh;
  const tidings = createTidings({
    store,
    clock,
    transports: [sandboxTransport()],
    logger: silentLogger,
    fetch: givenFetch ?? http.fetch,
    ...rest,
    forwarding: { secret: SECRET, backoffMs: 1_000, ...rest.forwarding },
  });
  if (start) await tidings.start();
  if (!given) await tidings.rules.set(`when any then forward http ${HOOK}`);
  const failures: TidingsEvents['forward.failed'][] = [];
  const sent: TidingsEvents['forward.sent'][] = [];
  tidings.on('forward.failed', (e) => void failures.push(e));
  tidings.on('forward.sent', (e) => void sent.push(e));
  const write = async (text: string) => {
    await tidings.receive('sandbox', [inbound(clock, text)]);
    await tidings.drain();
  };
  return { tidings, clock, http, store, backdoor, failures, sent, write };
}

describe('forward http: signing (F38)', () => {
  it('signs the raw body with a timestamped HMAC-SHA256 that receivers verify (the README recipe too)', async () => {
    const { http, write, clock } = await forwarder();
    await write('Hallo');
    const [post] = http.posts;
    const header = post!.headers['tidings-signature']!;
    expect(header).toMatch(new RegExp(`^t=${Math.floor(T0 / 1000)},v1=[0-9a-f]{64}$`));
    const check = (over: Partial<Parameters<typeof verifyForwardSignature>[0]>) =>
      verifyForwardSignature({ secret: SECRET, body: post!.body, header, nowMs: clock.now(), ...over });
    expect(await check({})).toBe(true);
    expect(await check({ body: post!.body.replace('Hallo', 'Hallo!') })).toBe(false);
    expect(await check({ secret: 'another secret, 16+ chars' })).toBe(false);
    expect(await check({ nowMs: clock.now() + 6 * 60 * 1000 })).toBe(false);
    expect(await check({ header: 't=1,v1=00' })).toBe(false);
    expect(await check({ header: undefined })).toBe(false);

    // The recipe in the core README, on node:crypto.
    const { t, v1 } = Object.fromEntries(header.split(',').map((kv) => kv.split('='))) as {
      t: string;
      v1: string;
    };
    const expected = createHmac('sha256', SECRET).update(`${t}.${post!.body}`).digest('hex');
    expect(timingSafeEqual(Buffer.from(v1), Buffer.from(expected))).toBe(true);
    expect(Math.abs(clock.now() / 1000 - Number(t))).toBeLessThan(300);
  });
});

describe('forward http: retries from the durable queue', () => {
  it('retries with exponential backoff on the clock, reporting each failure, with the same event', async () => {
    const { tidings, http, write, clock, failures, sent } = await forwarder();
    http.plan.push(503, 502);
    await write('Hallo');
    expect(failures.map((f) => [f.error, f.willRetry])).toEqual([['HTTP 503', true]]);
    const [queued] = (await tidings.rules.listForwards({ status: 'queued' })).items;
    expect(queued).toMatchObject({ attempts: 1, lastError: 'HTTP 503', nextAttemptAt: T0 + 1_000 });
    await clock.advance(999);
    await tidings.drain();
    expect(http.posts).toHaveLength(1);
    await clock.advance(1);
    await tidings.drain();
    expect(failures.map((f) => f.error)).toEqual(['HTTP 503', 'HTTP 502']);
    await clock.advance(2_000);
    await tidings.drain();
    expect(http.posts.map((p) => p.at - T0)).toEqual([0, 1_000, 3_000]);
    expect(new Set(http.posts.map((p) => p.body)).size).toBe(1);
    expect(sent).toHaveLength(1);
    expect((await tidings.rules.listForwards()).items).toEqual([]);
  });

  it('a 4xx fails at once and stays visible until it is retried (replayed)', async () => {
    const { tidings, http, write, failures } = await forwarder();
    http.plan.push(400);
    await write('Hallo');
    expect(failures).toEqual([expect.objectContaining({ error: 'HTTP 400', willRetry: false })]);
    const { items } = await tidings.rules.listForwards({ status: 'failed' });
    expect(items).toEqual([
      expect.objectContaining({ status: 'failed', attempts: 1, target: HOOK, via: 'http' }),
    ]);
    await tidings.rules.retryForward(items[0]!.id);
    await tidings.drain();
    expect(http.posts).toHaveLength(2);
    expect((await tidings.rules.listForwards()).items).toEqual([]);
    await expect(tidings.rules.retryForward(items[0]!.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('gives up after maxAttempts', async () => {
    const { tidings, http, write, clock, failures } = await forwarder({ forwarding: { maxAttempts: 3 } });
    http.plan.push(500, 500, 500, 500);
    await write('Hallo');
    // Step by step: the manual clock moves on as soon as timers have run, not when the work they started is done.
    for (const ms of [1_000, 2_000, 60_000]) {
      await clock.advance(ms);
      await tidings.drain();
    }
    expect(http.posts.map((p) => p.at - T0)).toEqual([0, 1_000, 3_000]);
    expect(failures.map((f) => f.willRetry)).toEqual([true, true, false]);
    expect((await tidings.rules.listForwards({ status: 'failed' })).items[0]).toMatchObject({
      attempts: 3,
      lastError: 'HTTP 500',
    });
  });

  it('times out a receiver that does not answer, then retries', async () => {
    const { tidings, http, clock, failures, sent } = await forwarder({ forwarding: { timeoutMs: 5_000 } });
    http.plan.push('hang');
    await tidings.receive('sandbox', [inbound(clock, 'Hallo')]);
    await until(() => http.posts.length === 1); // the receiver has the post and says nothing
    await clock.advance(5_000);
    await tidings.drain();
    expect(failures).toEqual([
      expect.objectContaining({ error: 'no answer within 5000 ms', willRetry: true }),
    ]);
    await clock.advance(1_000);
    await tidings.drain();
    expect(sent).toHaveLength(1);
  });

  it('a restart loses nothing: forwards queued by an HTTP-only process go out from a new worker', async () => {
    const http = await forwarder({ start: false });
    await http.write('Hallo');
    expect(http.http.posts).toEqual([]);
    expect(await http.backdoor.forwards('default')).toEqual([expect.objectContaining({ status: 'queued' })]);
    const worker = await forwarder({ store: http.store, clock: http.clock });
    await worker.tidings.drain();
    expect(worker.http.posts.map((p) => JSON.parse(p.body).message.text)).toEqual(['Hallo']);
    expect(await http.backdoor.forwards('default')).toEqual([]);
  });

  it('a worker that dies mid-attempt: its lease runs out and the new worker delivers the same event', async () => {
    const dead = manualClock(T0);
    const never = (() => new Promise<Response>(() => {})) as typeof fetch;
    const first = await forwarder({ clock: dead, fetch: never });
    await first.tidings.receive('sandbox', [inbound(dead, 'Hallo')]);
    await until(async () => (await first.backdoor.forwards('default'))[0]?.attempts === 1);
    const [inFlight] = await first.backdoor.forwards('default');
    expect(inFlight).toMatchObject({ attempts: 1, leaseUntil: T0 + 10_000 + 60_000 });

    const clock = manualClock(T0);
    const second = await forwarder({ store: first.store, clock });
    await second.tidings.drain();
    expect(second.http.posts).toEqual([]);
    await clock.advance(70_000);
    await second.tidings.drain();
    expect(second.http.posts).toHaveLength(1);
    expect(JSON.parse(second.http.posts[0]!.body).id).toBe(JSON.parse(inFlight!.body).id);
    expect(await first.backdoor.forwards('default')).toEqual([]);
  });
});
