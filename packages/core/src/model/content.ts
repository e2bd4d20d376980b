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

/** An approved message template (WhatsApp): the only thing that may go out after the 24-hour window. */
export interface TemplateContent {
  name: string;
  language: string;
  parameters: string[];
}

/** What a message says: text and/or media, or a template. */
export interface Content {
  text?: string;
  media?: Media;
  template?: TemplateContent;
}
