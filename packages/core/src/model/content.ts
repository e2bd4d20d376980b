export type MediaKind = 'image' | 'audio' | 'video' | 'document';

/** Media by URL, by bytes, or by an id the platform already holds. */
export interface Media {
  kind: MediaKind;
  url?: string;
  bytes?: Uint8Array;
  /** An id on the platform (WhatsApp media id, Telegram file id, Messenger attachment id). */
  providerMediaId?: string;
  mimeType?: string;
  filename?: string;
  caption?: string;
}

/** What a message says. At least one of `text` and `media`. */
export interface Content {
  text?: string;
  media?: Media;
}
