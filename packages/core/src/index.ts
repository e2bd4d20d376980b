export { type Clock, systemClock, type TimerHandle } from './clock/clock.js';
export { type ManualClock, manualClock } from './clock/manual-clock.js';
export { defaultReplies, type ReplyTexts } from './consent/replies.js';
export { defaultStartWords, defaultStopWords, type WordsByLocale } from './consent/vocabulary.js';
export type { PacingLimits } from './dispatch/pacing-limits.js';
export type { SendJob, SendStep, SendWrapper, StepResult } from './dispatch/send-step.js';
export type { QuietHours } from './dispatch/wrappers/quiet-hours.js';
export { type ErrorCode, errorCodes } from './errors/error-codes.js';
export { invalidOptions, type SchemaIssue } from './errors/invalid-options.js';

export type { SafeResult } from './errors/safe.js';
export { type FieldIssue, TidingsError, type TidingsErrorOptions } from './errors/tidings-error.js';
export type { Listener, TidingsEventName, TidingsEvents } from './events/event-map.js';
export * from './forwarding/index.js';

export type { HandlerContext } from './http/client-address.js';
export type { TidingsHandler } from './http/handler.js';
export { problemResponse } from './http/problem.js';
export { defaultLogger, type Logger, silentLogger } from './logger.js';
export type { Agent, AgentPatch, NewAgent } from './model/agent.js';
export type {
  Audience,
  Broadcast,
  BroadcastContent,
  BroadcastPatch,
  BroadcastStatus,
  LinkTracking,
  NewBroadcast,
  Template,
} from './model/broadcast.js';
export type { CannedAnswer, CannedAnswerPatch, NewCannedAnswer } from './model/canned-answer.js';
export type { Channel, ChannelPatch, NewChannel } from './model/channel.js';
export type { ConsentAction, ConsentEntry, ConsentMethod, NewConsentEntry } from './model/consent.js';
export type { Contact, ContactPatch, ContactState, NewContact } from './model/contact.js';
export type { Content, Media, MediaKind, TemplateContent } from './model/content.js';
export type {
  Conversation,
  ConversationState,
  ConversationWindow,
  WindowStatus,
} from './model/conversation.js';
export type { Delivery, DeliveryRetry, Lane, NewDelivery } from './model/delivery.js';
export type { LinkClick, TrackedLink } from './model/link.js';
export type {
  FinalStatus,
  Message,
  MessageDirection,
  MessageKind,
  MessageStatus,
  NewMessage,
  OutboundPurpose,
} from './model/message.js';
export { type OptinToken, type OptinTokenStatus, tokenStatus } from './model/optin-token.js';
export type { SenderAccount } from './model/sender.js';
export type { SenderState } from './model/sender-state.js';
export type { Subscription } from './model/subscription.js';
export type { ResolvedOptions, TidingsOptions } from './options.js';
export type * from './ports/broadcast-store.js';
export type * from './ports/inbound-event.js';
export type * from './ports/outbox-store.js';
export type * from './ports/rule-store.js';
export type { SendOutcome, SendOutcomeKind } from './ports/send-outcome.js';
export type * from './ports/store.js';
export type * from './ports/transport.js';
export * from './rules/index.js';
export {
  type SandboxAnswer,
  type SandboxBehaviour,
  type SandboxRequest,
  sandboxFaults,
} from './sandbox/sandbox-faults.js';
export { type SandboxOptions, type SandboxTransport, sandboxTransport } from './sandbox/sandbox-transport.js';
export type { SandboxSentMessage, SimulatedInbound } from './sandbox/sandbox-types.js';
export type { CreateBroadcastInput, UpdateBroadcastInput } from './services/broadcasts/broadcast-input.js';
export type { BroadcastStats } from './services/broadcasts/broadcast-stats.js';
export type { BroadcastsApi } from './services/broadcasts/broadcasts-service.js';
export type { PreflightReport } from './services/broadcasts/preflight.js';
export type { ChannelInput, ChannelsApi, ChannelUpdate } from './services/channels-service.js';
export type { ContactExport, ContactQuery, ContactsApi } from './services/contacts-service.js';
export type {
  AgentInput,
  AgentsApi,
  CannedAnswerInput,
  CannedAnswersApi,
  ConversationQuery,
  InboxApi,
  ReplyContent,
  ReplyOptions,
} from './services/inbox/inbox-api.js';
export type { OptinStarted, OptinStartInput, OptinStatus, OptinsApi } from './services/optins-service.js';
export type { SenderInfo, SendersApi } from './services/senders-service.js';
export type {
  BroadcastFunnel,
  ConsentDay,
  ConsentStats,
  StatsApi,
  StatsRange,
} from './services/stats/stats-api.js';
/** For store implementers: the least-loaded sender with room, as every store assigns new contacts (F34). */
export { pickSender } from './store/memory/memory-contacts.js';
export { memoryStore } from './store/memory/memory-store.js';
export { constantTimeEqual } from './text/constant-time.js';
export { createTidings, type Tidings } from './tidings.js';
