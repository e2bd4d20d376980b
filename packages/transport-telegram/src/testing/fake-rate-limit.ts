/** The limits the fake enforces on sends (PLATFORMS.md §2.5); `false` turns them off. */
export interface FakeRateLimits {
  /** Sends per bot in any one-second window. */
  perBotPerSecond: number;
  /** Minimum gap between two sends to one chat. */
  perChatGapMs: number;
}

export const defaultRateLimits: FakeRateLimits = { perBotPerSecond: 30, perChatGapMs: 1000 };

/** Sliding one-second window per bot, a minimum gap per chat; answers how long to wait, in whole seconds. */
export class FakeRateLimiter {
  private readonly botTimes = new Map<string, number[]>();
  private readonly chatLast = new Map<string, number>();

  constructor(private readonly limits: FakeRateLimits | false) {}

  /** Seconds to wait before this send may go, or 0 when it may go now. */
  check(bot: string, chat: string, now: number): number {
    if (!this.limits) return 0;
    const times = this.window(bot, now);
    let waitMs = 0;
    if (times.length >= this.limits.perBotPerSecond) waitMs = times[0]! + 1000 - now;
    const last = this.chatLast.get(`${bot}/${chat}`);
    if (last !== undefined && now - last < this.limits.perChatGapMs) {
      waitMs = Math.max(waitMs, last + this.limits.perChatGapMs - now);
    }
    return waitMs > 0 ? Math.max(1, Math.ceil(waitMs / 1000)) : 0;
  }

  record(bot: string, chat: string, now: number): void {
    if (!this.limits) return;
    this.window(bot, now).push(now);
    this.chatLast.set(`${bot}/${chat}`, now);
  }

  private window(bot: string, now: number): number[] {
    let times = this.botTimes.get(bot);
    if (!times) {
      times = [];
      this.botTimes.set(bot, times);
    }
    while (times.length > 0 && now - times[0]! >= 1000) times.shift();
    return times;
  }
}
