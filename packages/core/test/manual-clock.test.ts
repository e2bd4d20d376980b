import { describe, expect, it } from 'vitest';
import { manualClock } from '../src/index.js';

describe('manualClock', () => {
  it('fires timers in time order as time advances, never by itself', async () => {
    const clock = manualClock(1_000);
    const fired: string[] = [];
    clock.setTimer(() => fired.push(`b@${clock.now()}`), 200);
    clock.setTimer(() => fired.push(`a@${clock.now()}`), 100);
    const cancelled = clock.setTimer(() => fired.push('never'), 150);
    clock.clearTimer(cancelled);
    clock.setTimer(() => fired.push(`c@${clock.now()}`), 200);
    await clock.advance(99);
    expect(fired).toEqual([]);
    await clock.advance(500);
    expect(fired).toEqual(['a@1100', 'b@1200', 'c@1200']);
    expect(clock.now()).toBe(1_599);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('runs timers that timers set, within the same advance', async () => {
    const clock = manualClock(0);
    const fired: number[] = [];
    const tick = () => {
      fired.push(clock.now());
      if (fired.length < 3) clock.setTimer(tick, 10);
    };
    clock.setTimer(tick, 10);
    await clock.advance(100);
    expect(fired).toEqual([10, 20, 30]);
    await expect(clock.setTime(50)).rejects.toThrow(RangeError);
  });
});
