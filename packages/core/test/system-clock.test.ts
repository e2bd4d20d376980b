import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { systemClock } from '../src/index.js';

// The system clock itself is under test here, so Vitest's fake timers stand in for real time.
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const maxTimeoutMs = 2 ** 31 - 1;
const DAY = 86_400_000;

it('fires a timer beyond setTimeout’s range at its time, not at once', () => {
  const fired = vi.fn();
  systemClock().setTimer(fired, 100 * DAY);
  vi.advanceTimersByTime(1000);
  expect(fired).not.toHaveBeenCalled();
  vi.advanceTimersByTime(maxTimeoutMs);
  expect(fired).not.toHaveBeenCalled();
  vi.advanceTimersByTime(100 * DAY - maxTimeoutMs - 1001);
  expect(fired).not.toHaveBeenCalled();
  vi.advanceTimersByTime(1);
  expect(fired).toHaveBeenCalledTimes(1);
});

it('clears long and short timers, and fires short ones on time', () => {
  const clock = systemClock();
  const short = vi.fn();
  const clearedShort = vi.fn();
  const clearedLong = vi.fn();
  clock.setTimer(short, 5000);
  clock.clearTimer(clock.setTimer(clearedShort, 5000));
  const long = clock.setTimer(clearedLong, 60 * DAY);
  vi.advanceTimersByTime(maxTimeoutMs + 10);
  clock.clearTimer(long);
  vi.advanceTimersByTime(60 * DAY);
  expect(short).toHaveBeenCalledTimes(1);
  expect(clearedShort).not.toHaveBeenCalled();
  expect(clearedLong).not.toHaveBeenCalled();
});
