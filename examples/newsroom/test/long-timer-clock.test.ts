import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { longTimerClock } from '../src/long-timer-clock.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const maxDelay = 2 ** 31 - 1;

it('caps a timer far ahead at ~24.8 days instead of letting it fire at once', () => {
  const fired = vi.fn();
  longTimerClock().setTimer(fired, 100 * 365 * 86_400_000);
  vi.advanceTimersByTime(1000);
  expect(fired).not.toHaveBeenCalled();
  vi.advanceTimersByTime(maxDelay - 1000);
  expect(fired).toHaveBeenCalledTimes(1);
});

it('leaves shorter timers as they are, and clears them', () => {
  const clock = longTimerClock();
  const fired = vi.fn();
  clock.setTimer(fired, 5000);
  const cleared = vi.fn();
  clock.clearTimer(clock.setTimer(cleared, 5000));
  vi.advanceTimersByTime(4999);
  expect(fired).not.toHaveBeenCalled();
  vi.advanceTimersByTime(1);
  expect(fired).toHaveBeenCalledTimes(1);
  expect(cleared).not.toHaveBeenCalled();
});
