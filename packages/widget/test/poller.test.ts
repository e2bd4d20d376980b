import { describe, expect, it } from 'vitest';
import type { OptinStatus } from '../src/api/api-types.js';
import { defaultPollTiming, nextDelay, type PollEnd, startPolling } from '../src/flow/poller.js';

/** Timers the test runs by hand: no real waiting. */
function manualTimers() {
  const queue: { fn: () => void; ms: number; id: number }[] = [];
  let next = 0;
  return {
    waits: [] as number[],
    setTimer(fn: () => void, ms: number) {
      const id = ++next;
      queue.push({ fn, ms, id });
      this.waits.push(ms);
      return id;
    },
    clearTimer(id: unknown) {
      const i = queue.findIndex((t) => t.id === id);
      if (i >= 0) queue.splice(i, 1);
    },
    async fire() {
      const timer = queue.shift();
      if (!timer) throw new Error('no timer due');
      timer.fn();
      await new Promise((resolve) => setImmediate(resolve));
    },
    get pending() {
      return queue.length;
    },
  };
}

const pending: OptinStatus = { status: 'pending', expiresAt: '', channels: [] };

describe('polling the status', () => {
  it('backs off from the first wait by the factor up to the longest', () => {
    const waits = [null, 2000, 3000, 4500, 6750, 10125, 15000].map((p) => nextDelay(p, defaultPollTiming));
    expect(waits).toEqual([2000, 3000, 4500, 6750, 10125, 15000, 15000]);
  });

  it('asks until confirmed, keeps going after a failed request, and reports the channels', async () => {
    const timers = manualTimers();
    const answers: (OptinStatus | Error)[] = [
      pending,
      new Error('offline'),
      { status: 'confirmed', expiresAt: '', channels: [{ slug: 'news', name: 'News' }] },
    ];
    const ends: PollEnd[] = [];
    startPolling({
      token: 't',
      expiresAt: Number.POSITIVE_INFINITY,
      timing: { initialMs: 100, maxMs: 250, factor: 2 },
      fetchStatus: async () => {
        const answer = answers.shift()!;
        if (answer instanceof Error) throw answer;
        return answer;
      },
      onEnd: (end) => ends.push(end),
      setTimer: (fn, ms) => timers.setTimer(fn, ms),
      clearTimer: (id) => timers.clearTimer(id),
    });
    await timers.fire();
    await timers.fire();
    await timers.fire();
    expect(timers.waits).toEqual([100, 200, 250]);
    expect(ends).toEqual([{ status: 'confirmed', channels: [{ slug: 'news', name: 'News' }] }]);
    expect(timers.pending).toBe(0);
  });

  it('ends as expired on a 404, on "expired", or once the token’s time is up', async () => {
    for (const [answer, expiresAt] of [
      [null, Number.POSITIVE_INFINITY],
      [{ ...pending, status: 'expired' }, Number.POSITIVE_INFINITY],
      [pending, 0],
    ] as const) {
      const timers = manualTimers();
      const ends: PollEnd[] = [];
      startPolling({
        token: 't',
        expiresAt,
        timing: defaultPollTiming,
        fetchStatus: async () => answer,
        onEnd: (end) => ends.push(end),
        setTimer: (fn, ms) => timers.setTimer(fn, ms),
        clearTimer: (id) => timers.clearTimer(id),
        now: () => 1,
      });
      await timers.fire();
      expect(ends).toEqual([{ status: 'expired' }]);
    }
  });

  it('stops when asked: no more requests, no report', async () => {
    const timers = manualTimers();
    let asked = 0;
    const poll = startPolling({
      token: 't',
      expiresAt: Number.POSITIVE_INFINITY,
      timing: defaultPollTiming,
      fetchStatus: async () => {
        asked++;
        return pending;
      },
      onEnd: () => {
        throw new Error('no end expected');
      },
      setTimer: (fn, ms) => timers.setTimer(fn, ms),
      clearTimer: (id) => timers.clearTimer(id),
    });
    await timers.fire();
    poll.stop();
    expect(asked).toBe(1);
    expect(timers.pending).toBe(0);
  });
});
