import type {
  FakeMessagingItem,
  FakePageInfo,
  FakeRequest,
  FakeSentMessage,
  FakeWebhookFailure,
} from './fake-types.js';

/** A page's state beside its info: the settings a test may change. */
export interface FakePage {
  info: FakePageInfo;
  /** Whether the app may use the HUMAN_AGENT tag on this page (else code 200). */
  humanAgent: boolean;
  nextMid: number;
}

/** One Messenger user the fake plays, with a page-scoped id per page they talk to. */
export interface FakeUserState {
  id: number;
  firstName: string;
  /** pageId → PSID, given on the first interaction with that page. */
  psids: Map<string, string>;
  /** pageId → when the user last did something that opens the 24-hour window. */
  lastActiveAt: Map<string, number>;
  /** pageId → an m.me ref opened in a new thread, waiting for Get Started or the first message. */
  pendingRef: Map<string, string>;
  blocked: Set<string>;
  received: FakeSentMessage[];
  /** pageId → how far delivery and read watermarks have gone. */
  deliveredUpTo: Map<string, number>;
  readUpTo: Map<string, number>;
}

/** Everything the fake holds. */
export interface FakeWorld {
  pages: Map<string, FakePage>;
  byToken: Map<string, FakePage>;
  users: Map<number, FakeUserState>;
  byPsid: Map<string, { user: FakeUserState; pageId: string }>;
  sent: FakeSentMessage[];
  requests: FakeRequest[];
  appId: string;
  appSecret: string;
  /** Whether the app receives echoes of the pages' own messages. */
  echoes: boolean;
  now(): number;
  /** Queues one webhook event from `pageId`. */
  emit(pageId: string, item: FakeMessagingItem): void;
  failures: FakeWebhookFailure[];
  nextPsid: number;
}

/** A page by id or name. */
export function pageOf(world: FakeWorld, ref?: string): FakePage {
  const page =
    ref === undefined
      ? [...world.pages.values()][0]
      : (world.pages.get(ref) ?? [...world.pages.values()].find((p) => p.info.name === ref));
  if (!page) throw new RangeError(`the fake Messenger has no page "${ref}"`);
  return page;
}

export function nextMid(page: FakePage): string {
  return `m_${Buffer.from(`${page.info.pageId}:${++page.nextMid}`).toString('base64url')}`;
}

/** The user's PSID for the page, made on first use (page-scoped: another page sees another id). */
export function psidFor(world: FakeWorld, user: FakeUserState, pageId: string): string {
  let psid = user.psids.get(pageId);
  if (!psid) {
    psid = String(world.nextPsid++);
    user.psids.set(pageId, psid);
    world.byPsid.set(psid, { user, pageId });
  }
  return psid;
}
