export type {
  ChannelsResponse,
  FieldIssue,
  OptinRequest,
  OptinStarted,
  OptinStatus,
} from './api/api-types.js';
export type { ChannelInfo } from './config/channels.js';
export type { MessengerKind } from './config/transports.js';
export { defineTidingsOptin } from './define.js';
export type { TidingsOptinEventMap } from './element/events.js';
export { TidingsOptin } from './element/tidings-optin.js';
export type { PollTiming } from './flow/poller.js';
export type { Lang, StringOverrides, WidgetStrings } from './i18n/strings.js';
export { de } from './i18n/strings-de.js';
export { en } from './i18n/strings-en.js';
