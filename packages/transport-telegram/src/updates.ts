import type { InboundEvent, InboundMessageEvent, Media } from '@tidings/core';
import { startPayloadPattern } from './deep-link.js';

interface TgFile {
  file_id: string;
  file_name?: string;
  mime_type?: string;
}
interface TgUser {
  id: number;
  first_name?: string;
  last_name?: string;
}
interface TgMessage {
  message_id: number;
  from?: TgUser;
  chat: { id: number; type: string; first_name?: string; last_name?: string };
  date: number;
  text?: string;
  caption?: string;
  photo?: TgFile[];
  audio?: TgFile;
  voice?: TgFile;
  video?: TgFile;
  document?: TgFile;
}

/** The parts of a Telegram `Update` Tidings reads; everything else is ignored. */
export interface TelegramUpdate {
  update_id: number;
  message?: TgMessage;
  edited_message?: TgMessage;
  my_chat_member?: {
    chat: { id: number; type: string };
    date: number;
    new_chat_member: { status: string };
  };
}

/**
 * Normalises one update (PLATFORMS.md §2.4): messages with text or media, `/start <payload>` as a start payload,
 * a private `my_chat_member` kicked/member as block/unblock. Edited messages, groups and callbacks yield nothing.
 */
export function toEvents(update: TelegramUpdate, senderId: string): InboundEvent[] {
  const member = update.my_chat_member;
  if (member && member.chat.type === 'private') {
    const status = member.new_chat_member.status;
    if (status !== 'kicked' && status !== 'member') return [];
    return [
      {
        type: status === 'kicked' ? 'block' : 'unblock',
        senderId,
        from: String(member.chat.id),
        at: member.date * 1000,
      },
    ];
  }
  const message = update.message;
  if (message?.chat.type !== 'private') return [];
  const event: InboundMessageEvent = {
    type: 'message',
    senderId,
    from: String(message.chat.id),
    at: message.date * 1000,
    providerMessageId: `${message.chat.id}:${message.message_id}`,
  };
  const text = message.text ?? message.caption;
  if (text !== undefined) event.text = text;
  const payload = message.text !== undefined ? startPayload(message.text) : undefined;
  if (payload !== undefined) event.startPayload = payload;
  const media = mediaOf(message);
  if (media) event.media = media;
  const name = [message.from?.first_name, message.from?.last_name].filter(Boolean).join(' ');
  if (name) event.profileName = name;
  return [event];
}

/** `/start abc` or `/start@my_bot abc` → `abc`; a payload that breaks Telegram's rule is not a payload. */
export function startPayload(text: string): string | undefined {
  const match = /^\/start(?:@\w+)?\s+(\S+)\s*$/.exec(text);
  const payload = match?.[1];
  return payload !== undefined && startPayloadPattern.test(payload) ? payload : undefined;
}

function mediaOf(message: TgMessage): Media | undefined {
  const largest = message.photo?.at(-1);
  const pick: [Media['kind'], TgFile | undefined][] = [
    ['image', largest],
    ['audio', message.audio ?? message.voice],
    ['video', message.video],
    ['document', message.document],
  ];
  for (const [kind, file] of pick) {
    if (!file) continue;
    const media: Media = { kind, providerMediaId: file.file_id };
    if (file.mime_type) media.mimeType = file.mime_type;
    if (file.file_name) media.filename = file.file_name;
    if (message.caption !== undefined) media.caption = message.caption;
    return media;
  }
  return undefined;
}
