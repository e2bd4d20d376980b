export { FakeGraphError, fakeErrors } from './fake-errors.js';
export { type FakeMessenger, type FakeMessengerOptions, fakeMessenger } from './fake-messenger.js';
export type { FakeRateLimits } from './fake-rate-limit.js';
export type {
  FakeFault,
  FakeMessagingItem,
  FakePageInfo,
  FakeRequest,
  FakeSentAttachment,
  FakeSentMessage,
  FakeWebhookFailure,
  FaultTarget,
} from './fake-types.js';
export type { FakeMessengerUser, FakeUserAttachment } from './fake-user.js';
export { pageEnvelope, signedHeaders } from './fake-webhook.js';
