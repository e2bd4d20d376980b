import type { SandboxOptions, TidingsOptions } from '../src/index.js';
import { setup } from './setup.js';

export { seededAddress as address, seedSubscribers } from '../src/testing/index.js';

/** A Tidings for broadcast tests: paced sandbox, link tracking on a public URL. */
export function broadcastSetup(options: Partial<TidingsOptions> & { sandbox?: SandboxOptions } = {}) {
  return setup({ publicUrl: 'https://news.example/tidings', ...options });
}

/** Sent requests per sender in time order, from the sandbox's request log. */
export function acceptedTimes(
  requests: readonly { at: number; senderId: string; answer: string }[],
  senderId?: string,
): number[] {
  return requests
    .filter((r) => r.answer === 'accepted' && (!senderId || r.senderId === senderId))
    .map((r) => r.at);
}

/** The most requests in any half-open window of `windowMs`. */
export function maxInWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while (sorted[end]! - sorted[start]! >= windowMs) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}
