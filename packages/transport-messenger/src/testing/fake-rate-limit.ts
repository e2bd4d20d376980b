/** The Send API's per-page limits (PLATFORMS.md §3.3): 300 calls/s, of which 10/s for audio and video. */
export interface FakeRateLimits {
  perSecond: number;
  mediaPerSecond: number;
}

export const defaultRateLimits: FakeRateLimits = { perSecond: 300, mediaPerSecond: 10 };

/** Sliding one-second windows per page, on the fake's clock. */
export class FakeRateLimiter {
  private readonly calls = new Map<string, number[]>();
  private readonly media = new Map<string, number[]>();

  constructor(private readonly limits: FakeRateLimits | false) {}

  /** Counts the call when it fits; false when the page is over its limit. */
  admit(pageId: string, slowMedia: boolean, now: number): boolean {
    if (!this.limits) return true;
    const calls = recent(this.calls, pageId, now);
    const media = recent(this.media, pageId, now);
    if (calls.length >= this.limits.perSecond) return false;
    if (slowMedia && media.length >= this.limits.mediaPerSecond) return false;
    calls.push(now);
    if (slowMedia) media.push(now);
    return true;
  }
}

function recent(map: Map<string, number[]>, key: string, now: number): number[] {
  const list = (map.get(key) ?? []).filter((t) => t > now - 1000);
  map.set(key, list);
  return list;
}
