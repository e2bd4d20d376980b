import type { Logger } from '../logger.js';
import type { Content, MediaKind } from '../model/content.js';
import type { OutboundPurpose } from '../model/message.js';
import type { SenderAccount } from '../model/sender.js';
import type { InboundEvent } from './inbound-event.js';
import type { SendOutcome } from './send-outcome.js';

/** How a transport addresses contacts. `phone`: the address is an E.164 number known before the first message. */
export type AddressKind = 'phone' | 'opaque';

export interface MediaLimit {
  maxBytes: number;
  mimeTypes: readonly string[];
  maxWidth?: number;
  maxHeight?: number;
}

/** What a messenger can do, and its default limits. The dispatcher and the checks read these. */
export interface TransportCapabilities {
  addressKind: AddressKind;
  textMaxLength: number;
  captionMaxLength: number;
  media: Partial<Record<MediaKind, MediaLimit>>;
  /** Messages per second per sender account. */
  perSenderPerSecond: number;
  /** Minimum gap between two messages to one recipient. */
  perRecipientGapMs: number;
  /** Unique recipients per sender per day, where the platform caps them. */
  dailyUniqueRecipients: number | null;
  readReceipts: boolean;
  /** The free-form service window after a contact's last message, where the platform has one. */
  serviceWindowMs: number | null;
  /**
   * How long after the contact's last message a staff member's reply (purpose `agent`) may still go out without a
   * template, where the platform allows that longer than `serviceWindowMs` (Messenger's HUMAN_AGENT tag: 7 days).
   * Absent or null: the service window applies to agents too.
   */
  agentWindowMs?: number | null;
  templates: boolean;
}

/** How a person reaches a sender to confirm a sign-up: a deep link and what to encode in a QR code. */
export interface OptinLink {
  url: string;
  /** The text the subscriber sends, where the link pre-fills one (`START <token>`). */
  text: string | null;
  qrPayload: string;
}

export interface OutboundMessage {
  sender: SenderAccount;
  to: string;
  content: Content;
  purpose: OutboundPurpose;
  /** Our id for the message; transports may pass it as an idempotency key. */
  messageId: string;
  /**
   * When the contact last wrote to us, as the core knows it (null: never). Transports that must label a message by
   * its situation (Messenger's `messaging_type`: RESPONSE inside the window, HUMAN_AGENT tag after it) read this.
   */
  lastInboundAt?: number | null;
}

/** What a transport needs from the core while it runs (polling loops, the sandbox). */
export interface TransportContext {
  /** Hands events to the core's pipeline; resolves once they are handled. */
  receive(events: InboundEvent[]): Promise<void>;
  /** The core's clock, for event times. */
  now(): number;
  /** Resolves when the work those events caused and that is due now (replies) is done — for simulators and tests. */
  settle(): Promise<void>;
  /** Waits on the core's clock (a manual clock in tests); rejects when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;

  logger?: Logger;
}

/** `parse` either yields events or answers the request itself (handshakes, bad signatures). */
export type ParseResult =
  | { events: InboundEvent[]; response?: Response }
  | { response: Response; events?: undefined };

/**
 * A messenger plugin (F39). See `@tidings/core/testing`'s `transportContract` for the behaviour every transport must show.
 */
export interface Transport {
  /** Lower-case name, used in URLs (`/webhooks/:name`) and stored on every contact. */
  readonly name: string;
  readonly capabilities: TransportCapabilities;
  readonly senders: readonly SenderAccount[];
  send(message: OutboundMessage, options?: { signal?: AbortSignal }): Promise<SendOutcome>;
  /** Verifies and normalises a webhook request. Must not trust the body before checking its signature. */
  parse(request: Request): Promise<ParseResult>;
  optinLink(sender: SenderAccount, token: string): OptinLink;
  start?(context: TransportContext): void | Promise<void>;
  stop?(): void | Promise<void>;
}
