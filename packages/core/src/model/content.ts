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

/** An answer offered as a button beside a message (Messenger quick replies); a tap comes back as its title. */
export interface QuickReply {
  title: string;
  /** What the platform reports back with the tap; the title when absent. */
  payload?: string;
}

/** What a message says: text and/or media, or a template; quick replies where the messenger offers them. */
export interface Content {
  text?: string;
  media?: Media;
  template?: TemplateContent;
  quickReplies?: QuickReply[];
}
