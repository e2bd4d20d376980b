export { FakeApiError, fakeErrors } from './fake-errors.js';
export type { FakeRateLimits } from './fake-rate-limit.js';
export { type FakeTelegram, type FakeTelegramOptions, fakeTelegram } from './fake-telegram.js';
export type {
  FakeBotInfo,
  FakeFault,
  FakeRequest,
  FakeSentMedia,
  FakeSentMessage,
  FakeUpdate,
  FaultTarget,
} from './fake-types.js';
export type { FakeUser, FakeUserMedia } from './fake-user.js';
