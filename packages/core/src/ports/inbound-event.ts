import type { Content, Media } from '../model/content.js';

interface EventBase {
  /** The sender account (number, bot, page) the event arrived at. */
  senderId: string;
  /** The contact's address on this transport. */
  from: string;
  /** Platform time in ms since the epoch. */
  at: number;
}

/** A message a contact sent. */
export interface InboundMessageEvent extends EventBase {
  type: 'message';
  providerMessageId: string;
  text?: string;
  media?: Media;
  /** A start payload carried outside the text: Telegram `/start <payload>`, Messenger `ref`. */
  startPayload?: string;
  /** The contact's phone (E.164) where the platform tells it beside another address. */
  phone?: string;
  profileName?: string;
}

/** A platform's status report for a message we sent. */
export interface StatusEvent {
  type: 'status';
  senderId: string;
  providerMessageId: string;
  status: 'sent' | 'delivered' | 'read' | 'failed';
  at: number;
  error?: { code: string; reason: string };
}

/** The contact blocked or unblocked the sender. */
export interface BlockEvent extends EventBase {
  type: 'block' | 'unblock';
}

/** The contact tried to call (F29). */
export interface CallEvent extends EventBase {
  type: 'call';
  providerCallId: string;
}

/** A start payload without a message (Messenger referral, Get Started with a ref). */
export interface ReferralEvent extends EventBase {
  type: 'referral';
  providerEventId: string;
  startPayload: string;
}

/**
 * Every message sent to the contact up to `at` reached `status` — a watermark without message ids (Messenger's
 * delivery and read receipts). Messages still below `status` move on; none moves back.
 */
export interface WatermarkEvent extends EventBase {
  type: 'watermark';
  status: 'delivered' | 'read';
}

/**
 * A message the sender account sent to the contact from outside Tidings (the page's own inbox, another app): kept
 * in the conversation as outbound history. Transports drop echoes of what Tidings sent itself.
 */
export interface EchoEvent extends EventBase {
  type: 'echo';
  providerMessageId: string;
  content: Content;
}

/** What a transport's `parse` yields: verified, normalised, messenger-independent. */
export type InboundEvent =
  | InboundMessageEvent
  | StatusEvent
  | BlockEvent
  | CallEvent
  | ReferralEvent
  | WatermarkEvent
  | EchoEvent;
