import type { FakeBot } from './fake-bot.js';
import type { FakeSentMessage, FakeUpdate } from './fake-types.js';
import type { FakeUserState, FakeWorld } from './fake-world.js';

/** Media a played user sends. */
export interface FakeUserMedia {
  kind: 'photo' | 'audio' | 'video' | 'document' | 'voice';
  caption?: string;
  fileName?: string;
  mimeType?: string;
}

/** A Telegram user played by a test: writes to bots, presses Start, blocks them, reads what arrived. */
export interface FakeUser {
  readonly id: number;
  /** Sends a text message to `bot` (its username); any message opens the chat, as in Telegram. */
  send(bot: string, text: string): FakeUpdate;
  /** Presses Start, as after opening `t.me/<bot>?start=<payload>`; unblocks a blocked bot first. */
  pressStart(bot: string, payload?: string): FakeUpdate;
  sendMedia(bot: string, media: FakeUserMedia): FakeUpdate;
  /**
   * Blocks the bot: sends fail with 403 and a `my_chat_member` kicked update goes out — unless `notify: false`,
   * which plays an update the bot never saw (the 403 is then its only news).
   */
  block(bot: string, options?: { notify?: boolean }): FakeUpdate | null;
  unblock(bot: string): FakeUpdate;
  /** Deletes the account: sends fail with 403 "user is deactivated". */
  deactivate(): void;
  /** Messages received, oldest first (from one bot when given). */
  received(bot?: string): FakeSentMessage[];
  texts(bot?: string): string[];
}

export function fakeUser(world: FakeWorld, state: FakeUserState, botOf: (name: string) => FakeBot): FakeUser {
  const userJson = () => ({
    id: state.id,
    is_bot: false,
    first_name: state.firstName,
    ...(state.lastName ? { last_name: state.lastName } : {}),
    language_code: state.languageCode,
  });
  const chatJson = () => ({ id: state.id, type: 'private', first_name: state.firstName });
  const message = (bot: FakeBot, extra: Record<string, unknown>) => {
    state.started.add(bot.info.username);
    return bot.enqueue({
      message: {
        message_id: bot.nextMessageId(state.id),
        from: userJson(),
        chat: chatJson(),
        date: Math.floor(world.now() / 1000),
        ...extra,
      },
    });
  };
  const memberChange = (bot: FakeBot, from: string, to: string) =>
    bot.enqueue({
      my_chat_member: {
        chat: chatJson(),
        from: userJson(),
        date: Math.floor(world.now() / 1000),
        old_chat_member: {
          status: from,
          user: { id: bot.info.id, is_bot: true, first_name: bot.info.firstName },
        },
        new_chat_member: {
          status: to,
          user: { id: bot.info.id, is_bot: true, first_name: bot.info.firstName },
          ...(to === 'kicked' ? { until_date: 0 } : {}),
        },
      },
    });
  const textMessage = (bot: FakeBot, text: string) => {
    const command = /^\/\w+(@\w+)?/.exec(text);
    return message(bot, {
      text,
      ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] } : {}),
    });
  };
  const received = (bot?: string) =>
    bot === undefined ? [...state.received] : state.received.filter((m) => m.bot === bot.replace(/^@/, ''));

  return {
    id: state.id,
    send: (bot, text) => textMessage(botOf(bot), text),
    pressStart(bot, payload) {
      const b = botOf(bot);
      if (state.blocked.has(b.info.username)) this.unblock(bot);
      return textMessage(b, payload === undefined ? '/start' : `/start ${payload}`);
    },
    sendMedia(bot, media) {
      const file = {
        file_id: `IN-${++world.fileCounter}`,
        file_unique_id: `uIN-${world.fileCounter}`,
        file_size: 1000,
        ...(media.fileName ? { file_name: media.fileName } : {}),
        ...(media.mimeType ? { mime_type: media.mimeType } : {}),
      };
      const body =
        media.kind === 'photo'
          ? {
              photo: [
                { ...file, width: 90, height: 67 },
                { ...file, width: 800, height: 600 },
              ],
            }
          : { [media.kind]: file };
      return message(botOf(bot), { ...body, ...(media.caption ? { caption: media.caption } : {}) });
    },
    block(bot, options = {}) {
      const b = botOf(bot);
      state.blocked.add(b.info.username);
      return options.notify === false ? null : memberChange(b, 'member', 'kicked');
    },

    unblock(bot) {
      const b = botOf(bot);
      state.blocked.delete(b.info.username);
      return memberChange(b, 'kicked', 'member');
    },
    deactivate() {
      state.deactivated = true;
    },
    received,
    texts: (bot) => received(bot).map((m) => m.text ?? m.caption ?? ''),
  };
}
