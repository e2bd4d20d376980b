/**
 * The platform's lower limit for audio and video (10 calls/s per page, PLATFORMS.md §3.3) beside the core's one
 * rate per sender: a sliding one-second window per page. `acquire` waits (on the core's clock) until a call fits.
 */
export class MediaGate {
  private readonly calls = new Map<string, number[]>();

  constructor(private readonly perSecond: number) {}

  /** How long until one more call fits for `page` at `now` (0: now), noting the call when it fits. */
  take(page: string, now: number): number {
    const recent = (this.calls.get(page) ?? []).filter((t) => t > now - 1000);
    this.calls.set(page, recent);
    if (recent.length < this.perSecond) {
      recent.push(now);
      return 0;
    }
    return recent[recent.length - Math.floor(this.perSecond)]! + 1000 - now;
  }

  async acquire(
    page: string,
    now: () => number,
    sleep: (ms: number, signal?: AbortSignal) => Promise<void>,
    signal?: AbortSignal,
  ): Promise<void> {
    for (let wait = this.take(page, now()); wait > 0; wait = this.take(page, now()))
      await sleep(wait, signal);
  }
}
