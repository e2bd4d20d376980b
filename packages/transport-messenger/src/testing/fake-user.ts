import type { FakeMessagingItem, FakeSentMessage } from './fake-types.js';
import { type FakePage, type FakeUserState, type FakeWorld, nextMid, pageOf, psidFor } from './fake-world.js';

/** An attachment a played user sends. */
export interface FakeUserAttachment {
  type: 'image' | 'audio' | 'video' | 'file';
  url?: string;
}

/** A Messenger user played by a test. Pages are named by id or username; the first page when left out. */
export interface FakeMessengerUser {
  readonly id: number;
  readonly firstName: string;
  /** The user's page-scoped id for the page (what Tidings knows them by). */
  psid(page?: string): string;
  /** Writes to the page; a pending m.me ref of a new thread rides along as `message.referral`. */
  send(page: string | undefined, text: string): FakeMessagingItem;
  sendAttachment(page: string | undefined, attachment: FakeUserAttachment): FakeMessagingItem;
  /** Taps a quick reply the page offered: a message with the title as text and `quick_reply.payload`. */
  tapQuickReply(page: string | undefined, title: string, payload?: string): FakeMessagingItem;
  /** Presses Get Started in a new thread: a postback, carrying a pending m.me ref as `postback.referral`. */
  pressGetStarted(page?: string, payload?: string): FakeMessagingItem;
  /** Presses a postback button. */
  pressButton(page: string | undefined, title: string, payload: string): FakeMessagingItem;
  /**
   * Opens `m.me/<page>?ref=<ref>`. In an existing thread a referral event goes out at once; in a new thread the ref
   * waits for Get Started (or, on a page without that button, the first message). Returns the event, if any.
   */
  openLink(page: string | undefined, ref: string): FakeMessagingItem | null;
  /** The page's messages arrive on the user's phone: a delivery watermark (with their mids) up to now. */
  receiveAll(page?: string): FakeMessagingItem | null;
  /** The user reads the thread: a read watermark up to now (delivered, too, if it was not yet). */
  read(page?: string): FakeMessagingItem | null;
  /** Blocks the page's messages: sends fail with 551. Messenger sends no webhook for it. */
  block(page?: string): void;
  unblock(page?: string): void;
  /** Messages received, oldest first (from one page when given). */
  received(page?: string): FakeSentMessage[];
  texts(page?: string): string[];
}

export function fakeUser(world: FakeWorld, state: FakeUserState): FakeMessengerUser {
  const thread = (page: FakePage) => state.psids.has(page.info.pageId);
  const item = (page: FakePage, extra: Record<string, unknown>, opensWindow: boolean): FakeMessagingItem => {
    const psid = psidFor(world, state, page.info.pageId);
    const now = world.now();
    if (opensWindow) state.lastActiveAt.set(page.info.pageId, now);
    const event = { sender: { id: psid }, recipient: { id: page.info.pageId }, timestamp: now, ...extra };
    world.emit(page.info.pageId, event);
    return event;
  };
  const takeRef = (page: FakePage) => {
    const ref = state.pendingRef.get(page.info.pageId);
    state.pendingRef.delete(page.info.pageId);
    return ref;
  };
  const message = (ref: string | undefined, body: Record<string, unknown>) => {
    const page = pageOf(world, ref);
    const pending = takeRef(page);
    const referral = pending ? { referral: { ref: pending, source: 'SHORTLINK', type: 'OPEN_THREAD' } } : {};
    return item(page, { message: { mid: nextMid(page), ...body, ...referral } }, true);
  };
  const postback = (ref: string | undefined, title: string, payload: string) => {
    const page = pageOf(world, ref);
    const pending = takeRef(page);
    const referral = pending ? { referral: { ref: pending, source: 'SHORTLINK', type: 'OPEN_THREAD' } } : {};
    return item(page, { postback: { mid: nextMid(page), title, payload, ...referral } }, true);
  };
  const received = (ref?: string) => {
    if (ref === undefined) return [...state.received];
    const page = pageOf(world, ref);
    return state.received.filter((m) => m.pageId === page.info.pageId);
  };
  const watermark = (ref: string | undefined, kind: 'delivery' | 'read') => {
    const page = pageOf(world, ref);
    const id = page.info.pageId;
    if (!thread(page)) return null;
    const now = world.now();
    const delivered = state.deliveredUpTo.get(id) ?? Number.NEGATIVE_INFINITY;
    const fresh = state.received.filter((m) => m.pageId === id && m.at > delivered && m.at <= now);
    if (kind === 'read') {
      state.readUpTo.set(id, now);
      state.deliveredUpTo.set(id, now);
      return item(page, { read: { watermark: now } }, false);
    }
    state.deliveredUpTo.set(id, now);
    return item(page, { delivery: { mids: fresh.map((m) => m.mid), watermark: now } }, false);
  };

  return {
    id: state.id,
    firstName: state.firstName,
    psid: (ref) => psidFor(world, state, pageOf(world, ref).info.pageId),
    send: (ref, text) => message(ref, { text }),
    sendAttachment: (ref, attachment) =>
      message(ref, {
        attachments: [
          {
            type: attachment.type,
            payload: { url: attachment.url ?? `https://fake.fbcdn.test/in/${state.id}/${world.now()}` },
          },
        ],
      }),
    tapQuickReply: (ref, title, payload) =>
      message(ref, { text: title, quick_reply: { payload: payload ?? title } }),
    pressGetStarted: (ref, payload = 'GET_STARTED') => postback(ref, 'Get Started', payload),
    pressButton: (ref, title, payload) => postback(ref, title, payload),
    openLink(ref, link) {
      const page = pageOf(world, ref);
      state.blocked.delete(page.info.pageId);
      if (thread(page)) {
        return item(page, { referral: { ref: link, source: 'SHORTLINK', type: 'OPEN_THREAD' } }, true);
      }
      state.pendingRef.set(page.info.pageId, link);
      return null;
    },
    receiveAll: (ref) => watermark(ref, 'delivery'),
    read: (ref) => watermark(ref, 'read'),
    block(ref) {
      state.blocked.add(pageOf(world, ref).info.pageId);
    },
    unblock(ref) {
      state.blocked.delete(pageOf(world, ref).info.pageId);
    },
    received,
    texts: (ref) => received(ref).map((m) => m.text ?? (m.attachment ? `[${m.attachment.type}]` : '')),
  };
}
