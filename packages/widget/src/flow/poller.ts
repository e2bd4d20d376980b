import type { OptinStatus } from '../api/api-types.js';

/** How often the widget asks for the sign-up's status: quick at first, then gentler. */
export interface PollTiming {
  /** The first wait, in ms. Default 2000. */
  initialMs: number;
  /** The longest wait, in ms. Default 15000. */
  maxMs: number;
  /** Each wait is the previous one times this. Default 1.5. */
  factor: number;
}

export const defaultPollTiming: PollTiming = { initialMs: 2000, maxMs: 15_000, factor: 1.5 };

/** The waits of a poll, in order: 2000, 3000, 4500, … up to `maxMs`. */
export function nextDelay(previousMs: number | null, timing: PollTiming): number {
  if (previousMs === null) return timing.initialMs;
  return Math.min(Math.max(previousMs * timing.factor, timing.initialMs), timing.maxMs);
}

export type PollEnd = { status: 'confirmed'; channels: OptinStatus['channels'] } | { status: 'expired' };

export interface PollerInput {
  token: string;
  expiresAt: number;
  timing: PollTiming;
  fetchStatus: (token: string, signal: AbortSignal) => Promise<OptinStatus | null>;
  onEnd: (end: PollEnd) => void;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (id: unknown) => void;
}

/**
 * Polls `GET /optin/:token` with back-off until the sign-up is confirmed or expired (a 404 counts as
 * expired). A failed request is retried at the next turn: the server may be restarting. `stop()` ends it.
 */
export function startPolling(input: PollerInput): { stop(): void } {
  const now = input.now ?? Date.now;
  const setTimer = input.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = input.clearTimer ?? ((id) => clearTimeout(id as ReturnType<typeof setTimeout>));
  const abort = new AbortController();
  let timer: unknown = null;
  let stopped = false;
  const end = (result: PollEnd) => {
    if (stopped) return;
    stopped = true;
    input.onEnd(result);
  };
  const schedule = (delay: number) => {
    timer = setTimer(() => void turn(delay), delay);
  };
  const turn = async (delay: number) => {
    if (stopped) return;
    try {
      const status = await input.fetchStatus(input.token, abort.signal);
      if (stopped) return;
      if (status === null || status.status === 'expired') return end({ status: 'expired' });
      if (status.status === 'confirmed') return end({ status: 'confirmed', channels: status.channels });
    } catch {
      if (stopped) return;
    }
    if (now() >= input.expiresAt) return end({ status: 'expired' });
    schedule(nextDelay(delay, input.timing));
  };
  schedule(nextDelay(null, input.timing));
  return {
    stop() {
      stopped = true;
      abort.abort();
      if (timer !== null) clearTimer(timer);
    },
  };
}
