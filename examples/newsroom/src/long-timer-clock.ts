import { type Clock, systemClock } from '@tidings/core';

/** The longest delay `setTimeout` takes; longer ones fire after 1 ms in Node (TimeoutOverflowWarning). */
const maxDelay = 2 ** 31 - 1;

/**
 * The system clock with timers capped at ~24.8 days. A broadcast scheduled further ahead would otherwise wake the
 * dispatcher every millisecond until then; capped, it wakes once after 24.8 days, finds nothing due and sets a
 * new timer. (Workaround in the demo; `systemClock` in `@tidings/core` does not cap the delay yet.)
 */
export function longTimerClock(): Clock {
  const clock = systemClock();
  return { ...clock, setTimer: (fn, delayMs) => clock.setTimer(fn, Math.min(delayMs, maxDelay)) };
}
