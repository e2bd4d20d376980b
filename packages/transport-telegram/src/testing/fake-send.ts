import { type FakeParams, intParam, isUpload } from './fake-body.js';
import type { FakeBot } from './fake-bot.js';
import { fakeErrors } from './fake-errors.js';
import type { FakeSentMedia, FakeSentMessage } from './fake-types.js';
import type { FakeUserState, FakeWorld } from './fake-world.js';

export const sendMethods: Record<string, FakeSentMedia['kind'] | 'text'> = {
  sendmessage: 'text',
  sendphoto: 'photo',
  sendaudio: 'audio',
  sendvideo: 'video',
  senddocument: 'document',
  sendvoice: 'voice',
};

/** Checks the chat before anything else, as Telegram does: unknown, never started, blocked, deactivated. */
export function recipientOf(world: FakeWorld, bot: FakeBot, params: FakeParams): FakeUserState {
  if (params.chat_id === undefined || params.chat_id === '') throw fakeErrors.chatIdEmpty();
  const chatId = intParam(params, 'chat_id');
  const user = chatId === undefined ? undefined : world.users.get(chatId);
  if (!user) throw fakeErrors.chatNotFound();
  if (user.deactivated) throw fakeErrors.deactivated();
  if (user.blocked.has(bot.info.username)) throw fakeErrors.blocked();
  if (!user.started.has(bot.info.username)) throw fakeErrors.cantInitiate();
  return user;
}

/** sendMessage and the media sends: validate, apply the rate limits, keep the message, answer a `Message`. */
export function send(
  world: FakeWorld,
  bot: FakeBot,
  method: string,
  params: FakeParams,
): Record<string, unknown> {
  const kind = sendMethods[method]!;
  const user = recipientOf(world, bot, params);
  const record: Omit<FakeSentMessage, 'messageId' | 'at'> = {
    bot: bot.info.username,
    chatId: user.id,
    method,
    linkPreviewDisabled: false,
  };
  if (kind === 'text') {
    const text = typeof params.text === 'string' ? params.text : '';
    if (text.trim() === '') throw fakeErrors.textEmpty();
    if ([...text].length > 4096) throw fakeErrors.textTooLong();
    record.text = text;
    const preview = params.link_preview_options as { is_disabled?: boolean } | undefined;
    record.linkPreviewDisabled = preview?.is_disabled === true || params.disable_web_page_preview === true;
  } else {
    record.media = mediaOf(world, kind, params[kind]);
    if (typeof params.caption === 'string') {
      if ([...params.caption].length > 1024) throw fakeErrors.captionTooLong();
      record.caption = params.caption;
    }
  }
  const now = world.now();
  const wait = world.limiter.check(bot.info.username, String(user.id), now);
  if (wait > 0) throw fakeErrors.tooManyRequests(wait);
  world.limiter.record(bot.info.username, String(user.id), now);
  const message: FakeSentMessage = { ...record, messageId: bot.nextMessageId(user.id), at: now };
  world.sent.push(message);
  user.received.push(message);
  return messageJson(bot, user, message);
}

function mediaOf(world: FakeWorld, kind: FakeSentMedia['kind'], value: unknown): FakeSentMedia {
  const fileId = `${kind.toUpperCase()}-${++world.fileCounter}`;
  if (isUpload(value)) {
    return { kind, source: 'upload', fileId, fileName: value.name, size: value.size, mimeType: value.type };
  }
  if (typeof value === 'string' && /^https?:\/\//.test(value))
    return { kind, source: 'url', url: value, fileId };
  if (typeof value === 'string' && value !== '') return { kind, source: 'file_id', fileId: value };
  throw fakeErrors.noFile(kind);
}

function messageJson(bot: FakeBot, user: FakeUserState, m: FakeSentMessage): Record<string, unknown> {
  const json: Record<string, unknown> = {
    message_id: m.messageId,
    from: { id: bot.info.id, is_bot: true, first_name: bot.info.firstName, username: bot.info.username },
    chat: { id: user.id, type: 'private', first_name: user.firstName },
    date: Math.floor(m.at / 1000),
  };
  if (m.text !== undefined) json.text = m.text;
  if (m.caption !== undefined) json.caption = m.caption;
  if (m.media) {
    const file = {
      file_id: m.media.fileId,
      file_unique_id: `u${m.media.fileId}`,
      file_size: m.media.size ?? 0,
    };
    json[m.media.kind] = m.media.kind === 'photo' ? [{ ...file, width: 800, height: 600 }] : file;
  }
  return json;
}
