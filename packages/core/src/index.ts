export { type Clock, systemClock, type TimerHandle } from './clock/clock.js';
export { type ManualClock, manualClock } from './clock/manual-clock.js';
export { defaultReplies, type ReplyTexts } from './consent/replies.js';
export { defaultStartWords, defaultStopWords, type WordsByLocale } from './consent/vocabulary.js';
export { type ErrorCode, errorCodes } from './errors/error-codes.js';
export type { SafeResult } from './errors/safe.js';
export { type FieldIssue, TidingsError, type TidingsErrorOptions } from './errors/tidings-error.js';
export type { Listener, TidingsEventName, TidingsEvents } from './events/event-map.js';
export * from './forwarding/index.js';

export type { HandlerContext } from './http/client-address.js';
export type { TidingsHandler } from './http/handler.js';
export { problemResponse } from './http/problem.js';
export { defaultLogger, type Logger, silentLogger } from './logger.js';
export type { Channel, ChannelPatch, NewChannel } from './model/channel.js';
export type { ConsentAction, ConsentEntry, ConsentMethod, NewConsentEntry } from './model/consent.js';
export type { Contact, ContactPatch, ContactState, NewContact } from './model/contact.js';
export type { Content, Media, MediaKind } from './model/content.js';
export type {
  Message,
  MessageDirection,
  MessageKind,
  MessageStatus,
  NewMessage,
  OutboundPurpose,
} from './model/message.js';
export { type OptinToken, type OptinTokenStatus, tokenStatus } from './model/optin-token.js';
export type { SenderAccount } from './model/sender.js';
export type { Subscription } from './model/subscription.js';
export type { ResolvedOptions, TidingsOptions } from './options.js';
export type * from './ports/inbound-event.js';
export type * from './ports/rule-store.js';
export type { SendOutcome, SendOutcomeKind } from './ports/send-outcome.js';
export type * from './ports/store.js';
export type * from './ports/transport.js';
export * from './rules/index.js';
export { type SandboxOptions, type SandboxTransport, sandboxTransport } from './sandbox/sandbox-transport.js';
export type { SandboxSentMessage, SimulatedInbound } from './sandbox/sandbox-types.js';
export type { ChannelInput, ChannelsApi, ChannelUpdate } from './services/channels-service.js';
export type { ContactExport, ContactsApi } from './services/contacts-service.js';
export type { OptinStarted, OptinStartInput, OptinStatus, OptinsApi } from './services/optins-service.js';
export { memoryStore } from './store/memory/memory-store.js';

export { constantTimeEqual } from './text/constant-time.js';
export { createTidings, type Tidings } from './tidings.js';
