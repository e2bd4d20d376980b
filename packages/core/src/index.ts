export { createTidings, type Tidings } from './tidings.js';
export type { TidingsOptions, ResolvedOptions } from './options.js';

export { TidingsError, type FieldIssue, type TidingsErrorOptions } from './errors/tidings-error.js';
export { errorCodes, type ErrorCode } from './errors/error-codes.js';
export type { SafeResult } from './errors/safe.js';

export { systemClock, type Clock, type TimerHandle } from './clock/clock.js';
export { manualClock, type ManualClock } from './clock/manual-clock.js';
export { defaultLogger, silentLogger, type Logger } from './logger.js';
export type { TidingsEvents, TidingsEventName, Listener } from './events/event-map.js';

export type { Contact, ContactState, NewContact, ContactPatch } from './model/contact.js';
export type { Channel, NewChannel, ChannelPatch } from './model/channel.js';
export type { Subscription } from './model/subscription.js';
export type { ConsentEntry, ConsentAction, ConsentMethod, NewConsentEntry } from './model/consent.js';
export { tokenStatus, type OptinToken, type OptinTokenStatus } from './model/optin-token.js';
export type { Content, Media, MediaKind } from './model/content.js';
export type {
  Message,
  NewMessage,
  MessageDirection,
  MessageKind,
  MessageStatus,
  OutboundPurpose,
} from './model/message.js';
export type { SenderAccount } from './model/sender.js';

export type * from './ports/store.js';
export type * from './ports/transport.js';
export type * from './ports/inbound-event.js';
export type { SendOutcome, SendOutcomeKind } from './ports/send-outcome.js';

export { memoryStore } from './store/memory/memory-store.js';
export { sandboxTransport, type SandboxTransport, type SandboxOptions } from './sandbox/sandbox-transport.js';
export type { SandboxSentMessage, SimulatedInbound } from './sandbox/sandbox-types.js';

export type { ChannelsApi, ChannelInput, ChannelUpdate } from './services/channels-service.js';
export type { ContactsApi, ContactExport } from './services/contacts-service.js';
export type { OptinsApi, OptinStartInput, OptinStarted, OptinStatus } from './services/optins-service.js';
export type { TidingsHandler } from './http/handler.js';
export type { HandlerContext } from './http/client-address.js';
export { problemResponse } from './http/problem.js';
export { constantTimeEqual } from './text/constant-time.js';
export { defaultReplies, type ReplyTexts } from './consent/replies.js';
export { defaultStopWords, defaultStartWords, type WordsByLocale } from './consent/vocabulary.js';
