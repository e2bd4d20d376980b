import { describe, expect, it } from 'vitest';
import { startPayload, type TelegramUpdate, toEvents } from '../src/index.js';

const chat = { id: 5550001, type: 'private', first_name: 'Ana' };
const from = { id: 5550001, first_name: 'Ana', last_name: 'Lima' };
const message = (extra: Record<string, unknown>): TelegramUpdate =>
  ({ update_id: 1, message: { message_id: 7, from, chat, date: 1763740100, ...extra } }) as TelegramUpdate;

describe('update normalisation', () => {
  it('reads text, the sender, the time and a provider id unique per chat', () => {
    expect(toEvents(message({ text: 'SPORT' }), 'news_bot')).toEqual([
      {
        type: 'message',
        senderId: 'news_bot',
        from: '5550001',
        at: 1763740100_000,
        providerMessageId: '5550001:7',
        text: 'SPORT',
        profileName: 'Ana Lima',
      },
    ]);
  });

  it('takes /start <payload> as the start payload, and plain /start as a start without one', () => {
    expect(toEvents(message({ text: '/start ref_AbC-12' }), 'b')[0]).toMatchObject({
      text: '/start ref_AbC-12',
      startPayload: 'ref_AbC-12',
    });
    expect(startPayload('/start@news_bot abc')).toBe('abc');
    const plain = toEvents(message({ text: '/start' }), 'b')[0];
    expect(plain).toMatchObject({ text: '/start' });
    expect(plain).not.toHaveProperty('startPayload');
    // Not a payload Telegram could have sent: over 64 characters, or other characters.
    expect(startPayload(`/start ${'a'.repeat(65)}`)).toBeUndefined();
    expect(startPayload('/start a+b')).toBeUndefined();
    expect(startPayload('/start a b')).toBeUndefined();
  });

  it('reads media: the largest photo, documents with name and type, captions as text', () => {
    const photo = toEvents(
      message({
        caption: 'receipt',
        photo: [
          { file_id: 'small', width: 90, height: 67 },
          { file_id: 'large', width: 800, height: 600 },
        ],
      }),
      'b',
    )[0];
    expect(photo).toMatchObject({
      text: 'receipt',
      media: { kind: 'image', providerMediaId: 'large', caption: 'receipt' },
    });
    const doc = toEvents(
      message({ document: { file_id: 'D', file_name: 'a.pdf', mime_type: 'application/pdf' } }),
      'b',
    )[0];
    expect(doc).toMatchObject({
      media: { kind: 'document', providerMediaId: 'D', filename: 'a.pdf', mimeType: 'application/pdf' },
    });
    expect(toEvents(message({ voice: { file_id: 'V' } }), 'b')[0]).toMatchObject({
      media: { kind: 'audio' },
    });
  });

  it('turns my_chat_member kicked/member into block/unblock', () => {
    const member = (status: string) =>
      ({
        update_id: 2,
        my_chat_member: { chat, date: 1763740300, new_chat_member: { status } },
      }) as TelegramUpdate;
    expect(toEvents(member('kicked'), 'b')).toEqual([
      { type: 'block', senderId: 'b', from: '5550001', at: 1763740300_000 },
    ]);
    expect(toEvents(member('member'), 'b')[0]?.type).toBe('unblock');
    expect(toEvents(member('administrator'), 'b')).toEqual([]);
  });

  it('ignores edited messages, group messages and other updates', () => {
    expect(
      toEvents(
        { update_id: 3, edited_message: { message_id: 1, chat, date: 1, text: 'x' } } as TelegramUpdate,
        'b',
      ),
    ).toEqual([]);
    expect(toEvents(message({ chat: { id: -100, type: 'group' }, text: 'x' }), 'b')).toEqual([]);
    expect(toEvents({ update_id: 4 } as TelegramUpdate, 'b')).toEqual([]);
  });
});
