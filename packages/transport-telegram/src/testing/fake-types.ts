/** A bot the fake knows. */
export interface FakeBotInfo {
  id: number;
  token: string;
  username: string;
  firstName: string;
}

/** Media a bot sent, as the fake saw it: by URL, by file id, or uploaded. */
export interface FakeSentMedia {
  kind: 'photo' | 'audio' | 'video' | 'document' | 'voice';
  source: 'url' | 'file_id' | 'upload';
  url?: string;
  fileId: string;
  fileName?: string;
  size?: number;
  mimeType?: string;
}

/** A message a bot sent and the fake accepted. */
export interface FakeSentMessage {
  messageId: number;
  bot: string;
  chatId: number;
  method: string;
  text?: string;
  caption?: string;
  media?: FakeSentMedia;
  linkPreviewDisabled: boolean;
  /** On the fake's clock. */
  at: number;
}

/** One API request and how the fake answered it. */
export interface FakeRequest {
  at: number;
  /** The bot's username, or null when the token was unknown. */
  bot: string | null;
  method: string;
  status: number;
  chatId?: number;
  /** True when an injected fault produced the answer. */
  injected: boolean;
}

/** A failure to inject: an error status, a 429, no answer at all, or a dropped connection. */
export type FakeFault =
  | { kind: 'error'; status?: 500 | 502 | 503 | 504 }
  | { kind: 'rate-limit'; retryAfter: number }
  | { kind: 'timeout' }
  | { kind: 'drop' };

/** Where a fault applies: a method (case-insensitive), `'send*'` (every send, the default) or `'*'`. */
export interface FaultTarget {
  method?: string;
  bot?: string;
  times?: number;
}

/** A Telegram `Update` as the fake produces it. */
export type FakeUpdate = { update_id: number } & Record<string, unknown>;
