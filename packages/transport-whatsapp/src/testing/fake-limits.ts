import type { FakeLimits } from './fake-types.js';

const DAY = 24 * 60 * 60 * 1000;

/** Throughput per number (sliding second), pair gap per number and person, and the rolling daily tier. */
export class FakeLimiter {
  private readonly numberTimes = new Map<string, number[]>();
  private readonly pairLast = new Map<string, number>();
  /** person → when first reached outside the window in the current 24 h. */
  private readonly reached = new Map<string, number>();

  constructor(readonly limits: FakeLimits | false) {}

  /** 'throughput' or 'pair' when the send must be refused now; null when it may go. */
  check(phoneNumberId: string, to: string, now: number): 'throughput' | 'pair' | null {
    if (!this.limits) return null;
    if (this.window(phoneNumberId, now).length >= this.limits.perNumberPerSecond) return 'throughput';
    const last = this.pairLast.get(`${phoneNumberId}/${to}`);
    if (last !== undefined && now - last < this.limits.pairGapMs) return 'pair';
    return null;
  }

  record(phoneNumberId: string, to: string, now: number): void {
    if (!this.limits) return;
    this.window(phoneNumberId, now).push(now);
    this.pairLast.set(`${phoneNumberId}/${to}`, now);
  }

  /** A business-initiated message outside the window: false once the tier is used up by other people. */
  admitOutsideWindow(to: string, now: number): boolean {
    if (!this.limits || this.limits.dailyTier === null) return true;
    for (const [person, at] of this.reached) if (now - at >= DAY) this.reached.delete(person);
    if (this.reached.has(to)) return true;
    if (this.reached.size >= this.limits.dailyTier) return false;
    this.reached.set(to, now);
    return true;
  }

  private window(phoneNumberId: string, now: number): number[] {
    let times = this.numberTimes.get(phoneNumberId);
    if (!times) {
      times = [];
      this.numberTimes.set(phoneNumberId, times);
    }
    while (times.length > 0 && now - times[0]! >= 1000) times.shift();
    return times;
  }
}
