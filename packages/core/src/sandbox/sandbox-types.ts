import type { Content, Media } from '../model/content.js';
import type { OutboundPurpose } from '../model/message.js';

/** A message the sandbox "delivered" to a simulated phone. */
export interface SandboxSentMessage {
  providerMessageId: string;
  senderId: string;
  to: string;
  content: Content;
  purpose: OutboundPurpose;
  at: number;
}

/** What a simulated subscriber sends. */
export interface SimulatedInbound {
  from: string;
  text?: string;
  media?: Media;
  /** A start payload outside the text, as Telegram's `/start <payload>` or Messenger's `ref`. */
  startPayload?: string;
  /** The sender account written to; the first sender when omitted. */
  to?: string;
  /** The platform's message id; set it to simulate a replayed webhook. */
  id?: string;
  profileName?: string;
}
