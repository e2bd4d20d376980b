import type { OutboundPurpose } from '@tidings/core';
import { messengerCapabilities } from './capabilities.js';

/** How a message is labelled on the Send API: a response inside the window, or a tag after it. */
export type MessagingLabel =
  | { messaging_type: 'RESPONSE' }
  | { messaging_type: 'MESSAGE_TAG'; tag: 'HUMAN_AGENT' }
  | { refused: string };

/**
 * Picks `messaging_type` by the situation (PLATFORMS.md §3.4): RESPONSE inside the 24-hour window; a person's reply
 * (purpose `agent`) up to 7 days after the contact's last message goes as MESSAGE_TAG + HUMAN_AGENT; nothing else
 * goes out after the window. When the core does not say when the contact last wrote (`undefined`, or null for
 * "never"), the message goes as RESPONSE and the platform judges.
 */
export function messagingLabel(
  purpose: OutboundPurpose,
  lastInboundAt: number | null | undefined,
  now: number,
): MessagingLabel {
  if (lastInboundAt === undefined || lastInboundAt === null) return { messaging_type: 'RESPONSE' };
  const since = now - lastInboundAt;
  const windowMs = messengerCapabilities.serviceWindowMs ?? 0;
  const agentMs = messengerCapabilities.agentWindowMs ?? 0;
  if (since < windowMs) return { messaging_type: 'RESPONSE' };
  const hours = Math.floor(since / 3_600_000);
  if (purpose === 'agent') {
    if (since < agentMs) return { messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' };
    return {
      refused: `outside the window: the contact last wrote ${hours} hours ago; an agent may answer with the HUMAN_AGENT tag for 7 days (168 hours)`,
    };
  }
  return {
    refused: `outside the 24-hour window: the contact last wrote ${hours} hours ago, and Messenger allows only replies (and an agent's HUMAN_AGENT reply for 7 days) after it`,
  };
}
