import type { Content, Media, MediaKind } from '@tidings/core';
import type { ApiBody } from './bot-api.js';
import { telegramCapabilities } from './capabilities.js';

/** One Bot API call that sends (part of) a message. */
export interface SendCall {
  method: string;
  body: ApiBody;
}

export interface SendSettings {
  longText: 'refuse' | 'split';
  linkPreviews: boolean;
}

const mediaMethod: Record<MediaKind, { method: string; field: string }> = {
  image: { method: 'sendPhoto', field: 'photo' },
  audio: { method: 'sendAudio', field: 'audio' },
  video: { method: 'sendVideo', field: 'video' },
  document: { method: 'sendDocument', field: 'document' },
};

/**
 * The calls for one message, or the reason it cannot go out (checked before anything is sent). Media carry the
 * text as their caption when it fits; a longer text (or one beside a caption of its own) follows as a message.
 */
export function sendCalls(chatId: string, content: Content, settings: SendSettings): SendCall[] | string {
  if (content.template) return 'Telegram has no message templates';
  const text = content.text;
  if (!content.media) return textCalls(chatId, text ?? '', settings);
  const max = telegramCapabilities.captionMaxLength;
  const caption = content.media.caption ?? (text !== undefined && text.length <= max ? text : undefined);
  const media = mediaCall(chatId, content.media, caption);
  if (typeof media === 'string') return media;
  if (text === undefined || text === caption) return [media];

  const after = textCalls(chatId, text, settings);
  return typeof after === 'string' ? after : [media, ...after];
}

function textCalls(chatId: string, text: string, settings: SendSettings): SendCall[] | string {
  if (text.trim() === '') return 'message text is empty';
  const max = telegramCapabilities.textMaxLength;
  if (text.length > max && settings.longText === 'refuse') {
    return `text of ${text.length} characters; Telegram accepts up to ${max} (pass longText: 'split' to split it)`;
  }
  const preview = settings.linkPreviews ? {} : { link_preview_options: { is_disabled: true } };
  return splitText(text, max).map((part) => ({
    method: 'sendMessage',
    body: { chat_id: chatId, text: part, ...preview },
  }));
}

function mediaCall(chatId: string, media: Media, caption: string | undefined): SendCall | string {
  if (caption !== undefined && caption.length > telegramCapabilities.captionMaxLength) {
    return `caption of ${caption.length} characters; Telegram accepts up to ${telegramCapabilities.captionMaxLength}`;
  }
  const { method, field } = mediaMethod[media.kind];
  const source = media.providerMediaId ?? media.url;
  if (source !== undefined) {
    return { method, body: { chat_id: chatId, [field]: source, ...(caption ? { caption } : {}) } };
  }
  if (!media.bytes) return `${media.kind} without url, bytes or providerMediaId`;
  const form = new FormData();
  form.set('chat_id', chatId);
  if (caption) form.set('caption', caption);
  const blob = new Blob([new Uint8Array(media.bytes)], {
    type: media.mimeType ?? 'application/octet-stream',
  });
  form.set(field, blob, media.filename ?? `${field}${extension(media.mimeType)}`);
  return { method, body: form };
}

function extension(mimeType: string | undefined): string {
  const sub = mimeType?.split('/')[1];
  return sub ? `.${sub.replace('jpeg', 'jpg').replace('mpeg', 'mp3')}` : '';
}

/** Splits at the last line break or space before the limit, so words stay whole where they can. */
export function splitText(text: string, max: number): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    const cut = Math.max(window.lastIndexOf('\n'), window.lastIndexOf(' '));
    const at = cut > max / 2 ? cut : max;
    parts.push(rest.slice(0, at));
    rest = rest.slice(at).replace(/^[\n ]/, '');
  }
  parts.push(rest);
  return parts;
}
