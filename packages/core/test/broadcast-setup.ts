import type { SandboxOptions, TidingsOptions } from '../src/index.js';
import { setup } from './setup.js';

export { maxInWindow, seededAddress as address, seedSubscribers } from '../src/testing/index.js';

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
