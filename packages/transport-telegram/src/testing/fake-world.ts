import type { FakeBot } from './fake-bot.js';
import type { FakeRateLimiter } from './fake-rate-limit.js';
import type { FakeRequest, FakeSentMessage } from './fake-types.js';

/** A Telegram user the fake plays. */
export interface FakeUserState {
  id: number;
  firstName: string;
  lastName?: string;
  languageCode: string;
  /** Bots this user has written to (pressed Start): only those may message them. */
  started: Set<string>;
  blocked: Set<string>;
  deactivated: boolean;
  received: FakeSentMessage[];
}

/** Everything the fake holds: bots, users, what was sent, every request. */
export interface FakeWorld {
  bots: Map<string, FakeBot>;
  byToken: Map<string, FakeBot>;
  users: Map<number, FakeUserState>;
  sent: FakeSentMessage[];
  requests: FakeRequest[];
  limiter: FakeRateLimiter;
  now(): number;
  fileCounter: number;
}
