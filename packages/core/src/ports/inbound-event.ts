import type { Media } from '../model/content.js';

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

/** What a transport's `parse` yields: verified, normalised, messenger-independent. */
export type InboundEvent = InboundMessageEvent | StatusEvent | BlockEvent | CallEvent | ReferralEvent;
