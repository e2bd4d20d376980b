/**
 * What happened to one send, in words the dispatcher understands without knowing the messenger.
 * `code` is the platform's raw error code, kept for diagnosis.
 */
export type SendOutcome =
  | { kind: 'accepted'; providerMessageId: string }
  | { kind: 'retry'; retryAfterMs: number | null; reason: string; code?: string }
  | { kind: 'recipient-gone'; reason: string; code?: string }
  | { kind: 'recipient-blocked'; reason: string; code?: string }
  | { kind: 'window-closed'; reason: string; code?: string }
  | { kind: 'sender-blocked'; reason: string; code?: string }
  | { kind: 'invalid'; reason: string; code?: string }
  | { kind: 'config-error'; reason: string; code?: string };

export type SendOutcomeKind = SendOutcome['kind'];
