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

/** The longest delay `setTimeout` honours; Node fires longer ones after 1 ms (TimeoutOverflowWarning). */
const maxTimeoutMs = 2 ** 31 - 1;

/** A timer beyond `setTimeout`'s range: re-armed in steps until it is due, cleared through this handle. */
class LongTimer {
  timeout: ReturnType<typeof setTimeout> | undefined;
}

function unrefTimeout(fn: () => void, delayMs: number): ReturnType<typeof setTimeout> {
  const timer = setTimeout(fn, delayMs);
  (timer as { unref?: () => void }).unref?.();
  return timer;
}

/** The real clock: `Date.now()` and `setTimeout`. Timers do not keep the process alive; any delay is honoured. */
export function systemClock(): Clock {
  return {
    now: () => Date.now(),
    setTimer(fn, delayMs) {
      if (!(delayMs > maxTimeoutMs)) return unrefTimeout(fn, Math.max(0, delayMs)) as unknown as TimerHandle;
      // A broadcast scheduled months ahead: a single setTimeout would fire at once and busy-loop the dispatcher.
      const handle = new LongTimer();
      const due = Date.now() + delayMs;
      const arm = () => {
        const left = due - Date.now();
        handle.timeout =
          left > maxTimeoutMs ? unrefTimeout(arm, maxTimeoutMs) : unrefTimeout(fn, Math.max(0, left));
      };
      arm();
      return handle;
    },
    clearTimer(handle) {
      clearTimeout((handle instanceof LongTimer ? handle.timeout : handle) as ReturnType<typeof setTimeout>);
    },

    yield: () =>
      new Promise<void>((resolve) => {
        const immediate = (globalThis as { setImmediate?: (fn: () => void) => unknown }).setImmediate;
        if (immediate) immediate(resolve);
        else setTimeout(resolve, 0);
      }),
  };
}
