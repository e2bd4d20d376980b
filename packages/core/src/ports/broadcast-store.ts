import type {
  Audience,
  Broadcast,
  BroadcastPatch,
  BroadcastStatus,
  NewBroadcast,
} from '../model/broadcast.js';
import type { Contact } from '../model/contact.js';
import type { LinkClick, TrackedLink } from '../model/link.js';
import type { Page } from './store.js';

export interface FanOutOptions {
  /** Contacts examined in this chunk. */
  limit: number;

  now: number;
  leaseMs: number;
}

export interface BroadcastRepository {
  create(broadcast: NewBroadcast): Promise<Broadcast>;
  get(workspaceId: string, id: string): Promise<Broadcast | null>;
  update(workspaceId: string, id: string, patch: BroadcastPatch, at: number): Promise<Broadcast | null>;
  /** Changes the status only if it is one of `from`; returns the broadcast when it did. */
  transition(
    workspaceId: string,
    id: string,
    from: BroadcastStatus[],
    to: BroadcastStatus,
    at: number,
  ): Promise<Broadcast | null>;
  list(
    workspaceId: string,
    query: { status?: BroadcastStatus; limit: number; cursor?: string | null },
  ): Promise<Page<Broadcast>>;
  /**
   * Broadcasts whose fan-out is due: scheduled ones whose time has come (now `sending`), and sending ones whose
   * fan-out is unfinished and unleased. Each is leased for `leaseMs` so one worker fans it out.
   */
  claimFanOut(workspaceId: string, now: number, leaseMs: number): Promise<Broadcast[]>;
  /**
   * Turns the next chunk of the audience into deliveries: eligible recipients only (confirmed, not blocked, in
   * the audience, and there when the broadcast started: contacts and channel subscriptions made after `startedAt`
   * are not included), one per contact, in a stable order after the broadcast's saved cursor. Saves the new cursor
   * in the same step, so a crash — or two workers taking turns — resumes exactly where it stopped. Returns the next
   * cursor, null when done; null instead of a result when the broadcast is not sending.
   */

  fanOut(
    workspaceId: string,
    broadcastId: string,
    options: FanOutOptions,
  ): Promise<{ inserted: number; nextCursor: string | null } | null>;
  /**
   * The earliest time fan-out work is due: a scheduled broadcast's time, or an unfinished fan-out whose lease
   * runs out (a crashed worker's). Null when there is none. Null result of `fanOut` means it is not sending.
   */
  nextFanOutAt(workspaceId: string): Promise<number | null>;

  /** Marks a sending broadcast completed when its fan-out is done and no delivery is left; true when it did. */
  completeIfDone(workspaceId: string, broadcastId: string, at: number): Promise<boolean>;
  /** Every contact in the audience whatever their state, in a stable order (for the pre-flight report). */
  audience(
    workspaceId: string,
    audience: Audience,
    query: { cursor?: string | null; limit: number },
  ): Promise<Page<Contact>>;
}

export interface LinkStats {
  code: string;
  url: string;
  clicks: number;
  /** Distinct contacts who clicked (individual tracking only). */
  contacts: number;
}

export interface LinkRepository {
  create(link: TrackedLink): Promise<void>;
  get(workspaceId: string, code: string): Promise<TrackedLink | null>;
  recordClick(click: LinkClick): Promise<void>;
  statsByBroadcast(workspaceId: string, broadcastId: string): Promise<LinkStats[]>;
  /** Distinct contacts who clicked any link of the broadcast (individual tracking). */
  countClickers(workspaceId: string, broadcastId: string): Promise<number>;
}
