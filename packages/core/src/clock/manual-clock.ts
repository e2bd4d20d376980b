import type { Clock, TimerHandle } from './clock.js';

interface PendingTimer {
  at: number;
  seq: number;
  fn: () => void;
}

/** A clock that moves only when told to: tests advance time instead of sleeping. */
export interface ManualClock extends Clock {
  /** Moves time forward, firing every timer that falls due on the way, in order. */
  advance(ms: number): Promise<void>;
  /** Jumps to an absolute time (never backwards), firing due timers. */
  setTime(epochMs: number): Promise<void>;
  /** Timers not yet fired. */
  pendingTimers(): number;
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * @example
 * const clock = manualClock(Date.parse('2026-03-29T00:30:00Z'));
 * const tidings = createTidings({ clock, transports: [sandboxTransport()] });
 * await clock.advance(24 * 60 * 60 * 1000); // a day passes, instantly
 */
export function manualClock(startMs = Date.parse('2026-01-01T00:00:00Z')): ManualClock {
  let current = startMs;
  let seq = 0;
  const timers = new Set<PendingTimer>();

  const nextDue = (limit: number): PendingTimer | undefined => {
    let best: PendingTimer | undefined;
    for (const t of timers) {
      if (t.at > limit) continue;
      if (!best || t.at < best.at || (t.at === best.at && t.seq < best.seq)) best = t;
    }
    return best;
  };

  const runUntil = async (target: number) => {
    if (target < current) throw new RangeError(`manualClock cannot go back from ${current} to ${target}`);
    await settle();
    for (let due = nextDue(target); due; due = nextDue(target)) {
      timers.delete(due);
      current = Math.max(current, due.at);
      due.fn();
      await settle();
    }
    current = target;
    await settle();
  };

  return {
    now: () => current,
    setTimer(fn, delayMs) {
      const timer: PendingTimer = { at: current + Math.max(0, delayMs), seq: seq++, fn };
      timers.add(timer);
      return timer as TimerHandle;
    },
    clearTimer(handle) {
      timers.delete(handle as PendingTimer);
    },
    advance: (ms) => runUntil(current + ms),
    setTime: (epochMs) => runUntil(epochMs),
    pendingTimers: () => timers.size,
  };
}
