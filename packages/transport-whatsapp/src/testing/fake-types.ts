/** A number the fake serves. */
export interface FakeNumber {
  phoneNumberId: string;
  /** Digits, international, no `+`. */
  displayNumber: string;
}

/** A message a number sent and the fake accepted. */
export interface FakeSentMessage {
  wamid: string;
  phoneNumberId: string;
  /** The subscriber's phone (digits) or BSUID. */
  to: string;
  type: string;
  /** Text, caption, interactive body or the template's name with its parameters. */
  text?: string;
  body: Record<string, unknown>;
  status: 'accepted' | 'sent' | 'delivered' | 'read' | 'failed';
  /** On the fake's clock. */
  at: number;
}

/** One API request and how the fake answered it. */
export interface FakeRequest {
  at: number;
  path: string;
  phoneNumberId: string | null;
  to?: string;
  status: number;
  /** Meta's error code when refused. */
  code?: number;
  /** True when an injected fault produced the answer. */
  injected: boolean;
  /** What Meta's OpenAPI schema said about the body (empty: valid, or not checked). */
  schemaErrors: string[];
}

/** A webhook the fake posted, as the exact bytes it signed. */
export interface FakeWebhook {
  raw: string;
  signature: string;
  body: Record<string, unknown>;
  /** The answer's status (0: no answer). */
  status: number;
  schemaErrors: string[];
}

/**
 * A failure to inject into the next matching sends: a Graph error by code (answered at once), a failed status
 * webhook after accepting (`async: true`), a server error, or a dropped connection.
 */
export type FakeFault =
  | { kind: 'error'; code: number; async?: boolean; retryAfterSeconds?: number; status?: number }
  | { kind: 'server-error'; status?: 500 | 502 | 503 }
  | { kind: 'drop' };

/** Which sends a fault applies to: a number, a recipient, how many times (default once). */
export interface FaultTarget {
  phoneNumberId?: string;
  to?: string;
  times?: number;
}

/** The limits the fake enforces (PLATFORMS.md §1.7); `false` turns them off. */
export interface FakeLimits {
  /** Messages per second per number (130429 past it). */
  perNumberPerSecond: number;
  /** Gap between two messages from one number to one person (131056 inside it). */
  pairGapMs: number;
  /** Unique people reached outside their window per 24 h, across all numbers (null: unlimited). */
  dailyTier: number | null;
}

export const defaultLimits: FakeLimits = { perNumberPerSecond: 80, pairGapMs: 6000, dailyTier: 250 };
