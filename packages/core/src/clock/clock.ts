/** An opaque timer handle returned by {@link Clock.setTimer}. */
export type TimerHandle = { readonly __timer: unique symbol } | object;

/**
 * Time for every time-dependent path (token expiry, rate limits, scheduling, pacing).
 * Inject {@link manualClock} in tests instead of sleeping.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  setTimer(fn: () => void, delayMs: number): TimerHandle;
  clearTimer(handle: TimerHandle): void;
  /**
   * Lets the event loop run other work (timers, I/O) during a long stretch of in-memory work. The system clock
   * does; a manual clock does not, so tests stay deterministic.
   */
  yield?(): Promise<void>;
}

/** The real clock: `Date.now()` and `setTimeout`. Timers do not keep the process alive. */
export function systemClock(): Clock {
  return {
    now: () => Date.now(),
    setTimer(fn, delayMs) {
      const timer = setTimeout(fn, Math.max(0, delayMs));
      (timer as { unref?: () => void }).unref?.();
      return timer as unknown as TimerHandle;
    },
    clearTimer(handle) {
      clearTimeout(handle as unknown as ReturnType<typeof setTimeout>);
    },
    yield: () =>
      new Promise<void>((resolve) => {
        const immediate = (globalThis as { setImmediate?: (fn: () => void) => unknown }).setImmediate;
        if (immediate) immediate(resolve);
        else setTimeout(resolve, 0);
      }),
  };
}
