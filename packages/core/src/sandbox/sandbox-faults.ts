import type { SendOutcome } from '../ports/send-outcome.js';
import type { OutboundMessage } from '../ports/transport.js';

/** What the sandbox does with one send: answer with an outcome, or never answer (`'timeout'`). */
export type SandboxAnswer = SendOutcome | 'timeout';

/**
 * Decides a send's fate before the sandbox accepts it: return an answer to inject a failure, or undefined to
 * accept. `attempt` counts sends of the same message (1 for the first).
 */
export type SandboxBehaviour = (message: OutboundMessage, attempt: number) => SandboxAnswer | undefined;

/** One send request as the "platform" saw it, accepted or not: what pacing tests measure. */
export interface SandboxRequest {
  at: number;
  senderId: string;
  to: string;
  messageId: string;
  /** `accepted`, `timeout`, or the injected outcome's kind. */
  answer: string;
}

/** The usual failures, ready to inject. */
export const sandboxFaults = {
  rateLimited: (retryAfterMs: number): SendOutcome => ({
    kind: 'retry',
    retryAfterMs,
    reason: 'Too Many Requests',
    code: '429',
  }),
  serverError: (): SendOutcome => ({
    kind: 'retry',
    retryAfterMs: null,
    reason: 'Internal Server Error',
    code: '500',
  }),
  blockedByRecipient: (): SendOutcome => ({
    kind: 'recipient-blocked',
    reason: 'the recipient blocked the sender',
    code: '403',
  }),
  recipientGone: (): SendOutcome => ({ kind: 'recipient-gone', reason: 'no such recipient', code: '400' }),
  senderBanned: (): SendOutcome => ({
    kind: 'sender-blocked',
    reason: 'the sender account is restricted',
    code: '368',
  }),
  windowClosed: (): SendOutcome => ({
    kind: 'window-closed',
    reason: 'outside the 24-hour window',
    code: '131047',
  }),
  timeout: (): 'timeout' => 'timeout',
};
