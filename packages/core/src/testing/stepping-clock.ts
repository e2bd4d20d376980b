import type { Clock, TimerHandle } from '../clock/clock.js';

interface Timer {
  at: number;
  seq: number;
  fn: () => void;
}

/** A manual clock whose `advance` waits for real I/O between timers. */
export interface SteppingClock extends Clock {
  advance(ms: number): Promise<void>;
}

/**
 * A manual clock that stands still while real I/O runs: after each timer it awaits `afterEach` (e.g. Tidings'
 * `drain`) before the next one fires. For transports tested against a fake platform over HTTP: with `manualClock`,
 * time moves on while a request to the fake is in flight, so the fake would stamp a send later than the dispatcher
 * made it.
 */
export function steppingClock(startMs: number, afterEach: () => Promise<void>): SteppingClock {
  let current = startMs;
  let seq = 0;
  const timers = new Set<Timer>();
  const next = (limit: number) => {
    let best: Timer | undefined;
    for (const t of timers) {
      if (t.at <= limit && (!best || t.at < best.at || (t.at === best.at && t.seq < best.seq))) best = t;
    }
    return best;
  };
  const clock: SteppingClock = {
    now: () => current,
    setTimer(fn, delayMs) {
      const timer: Timer = { at: current + Math.max(0, delayMs), seq: seq++, fn };
      timers.add(timer);
      return timer as TimerHandle;
    },
    clearTimer(handle) {
      timers.delete(handle as Timer);
    },
    async advance(ms) {
      const target = current + ms;
      await afterEach();
      for (let due = next(target); due; due = next(target)) {
        timers.delete(due);
        current = Math.max(current, due.at);
        due.fn();
        await afterEach();
      }
      current = target;
      await afterEach();
    },
  };
  return clock;
}
