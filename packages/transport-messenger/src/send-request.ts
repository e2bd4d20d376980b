import type { Content, Media, MediaKind, QuickReply } from '@tidings/core';
import { messengerCapabilities } from './capabilities.js';

/** One Send API message body, without recipient and labels. */
export interface MessageBody {
  text?: string;
  attachment?: Attachment;
  quick_replies?: QuickReplyBody[];
}

export interface Attachment {
  type: AttachmentType;
  payload: { url: string; is_reusable: true } | { attachment_id: string };
}

export interface QuickReplyBody {
  content_type: 'text';
  title: string;
  payload: string;
}

export type AttachmentType = 'image' | 'audio' | 'video' | 'file';

const attachmentType: Record<MediaKind, AttachmentType> = {
  image: 'image',
  audio: 'audio',
  video: 'video',
  document: 'file',
};

/** Quick replies per message, and the length of a title and a payload (Send API reference). */
export const quickReplyLimits = { count: 13, title: 20, payload: 1000 };

/**
 * The messages one content becomes, or why it cannot go (checked before anything is sent). A message holds text
 * or one attachment: media go first and the text (or the caption) follows; quick replies ride on the last message.
 */
export function messageBodies(content: Content): MessageBody[] | string {
  if (content.template) return 'Messenger has no message templates';
  const bodies: MessageBody[] = [];
  if (content.media) {
    const attachment = attachmentOf(content.media);
    if (typeof attachment === 'string') return attachment;
    bodies.push({ attachment });
  }
  const text = content.text ?? content.media?.caption;
  if (text !== undefined) {
    if (text.trim() === '') return 'message text is empty';
    const max = messengerCapabilities.textMaxLength;
    if (text.length > max) return `text of ${text.length} characters; Messenger accepts up to ${max}`;
    bodies.push({ text });
  }
  if (bodies.length === 0) return 'nothing to send: no text and no media';
  if (content.quickReplies?.length) {
    const replies = quickReplies(content.quickReplies);
    if (typeof replies === 'string') return replies;
    bodies[bodies.length - 1]!.quick_replies = replies;
  }
  return bodies;
}

function attachmentOf(media: Media): Attachment | string {
  const type = attachmentType[media.kind];
  if (media.providerMediaId !== undefined) return { type, payload: { attachment_id: media.providerMediaId } };
  if (media.url !== undefined) return { type, payload: { url: media.url, is_reusable: true } };
  return `${media.kind} without url or providerMediaId (upload it and pass the attachment id, or give a URL)`;
}

function quickReplies(list: readonly QuickReply[]): QuickReplyBody[] | string {
  const { count, title, payload } = quickReplyLimits;
  if (list.length > count) return `${list.length} quick replies; Messenger takes up to ${count}`;
  const out: QuickReplyBody[] = [];
  for (const reply of list) {
    if (reply.title.length === 0 || reply.title.length > title)
      return `quick reply "${reply.title}": a title has 1–${title} characters`;
    const value = reply.payload ?? reply.title;
    if (value.length > payload)
      return `quick reply "${reply.title}": a payload has up to ${payload} characters`;
    out.push({ content_type: 'text', title: reply.title, payload: value });
  }
  return out;
}

/** Audio and video share the platform's lower per-page limit. */
export const isSlowMedia = (body: MessageBody) =>
  body.attachment?.type === 'audio' || body.attachment?.type === 'video';
