/** A page the fake knows. */
export interface FakePageInfo {
  pageId: string;
  /** The page's username, as m.me links name it. */
  name: string;
  accessToken: string;
}

/** An attachment a page sent, as the fake saw it. */
export interface FakeSentAttachment {
  type: 'image' | 'audio' | 'video' | 'file' | 'template';
  url?: string;
  attachmentId?: string;
}

/** A message a page sent and the fake accepted. */
export interface FakeSentMessage {
  mid: string;
  pageId: string;
  psid: string;
  messagingType: string;
  tag?: string;
  text?: string;
  attachment?: FakeSentAttachment;
  quickReplies?: { title: string; payload: string }[];
  metadata?: string;
  /** Sent from the page's inbox (a person), not through the Send API. */
  fromInbox: boolean;
  /** On the fake's clock (ms). */
  at: number;
}

/** One Graph request and how the fake answered it. */
export interface FakeRequest {
  at: number;
  /** The page the token belongs to, or null when the token was unknown. */
  pageId: string | null;
  method: string;
  path: string;
  status: number;
  /** Graph's error code when it failed. */
  code?: number;
  psid?: string;
  messagingType?: string;
  tag?: string;
  /** True when an injected fault produced the answer. */
  injected: boolean;
}

/** A failure to inject: a 5xx, any Graph error, the rate limit (613), no answer, or a dropped connection. */
export type FakeFault =
  | { kind: 'error'; status?: 500 | 502 | 503 | 504 }
  | { kind: 'graph-error'; code: number; subcode?: number; message?: string; status?: number }
  | { kind: 'rate-limit'; retryAfter?: number }
  | { kind: 'timeout' }
  | { kind: 'drop' };

/** Which sends a fault hits: one page's (by id or name) or any; `times` sends (default 1). */
export interface FaultTarget {
  page?: string;
  times?: number;
}

/** One `entry[].messaging[]` item as the fake sends it. */
export type FakeMessagingItem = {
  sender: { id: string };
  recipient: { id: string };
  timestamp: number;
} & Record<string, unknown>;

/** A webhook POST the callback did not take (non-2xx or no answer after the retries). */
export interface FakeWebhookFailure {
  at: number;
  error: string;
  body: string;
}
