import type { Content } from '../model/content.js';
import type { Delivery, DeliveryRetry, NewDelivery } from '../model/delivery.js';
import type { FinalStatus } from '../model/message.js';
import type { SenderState } from '../model/sender-state.js';

export interface ClaimOptions {
  /** Who holds the lease: one id per worker. */
  owner: string;
  limit: number;
  now: number;
  /** How long the claim holds; a crashed worker's deliveries are claimable again after it. */
  leaseMs: number;
}

/** How a delivery ended; written with the delivery's removal in one step. */
export interface DeliveryFinish {
  status: FinalStatus;
  providerMessageId: string | null;
  error: string | null;
  at: number;
  /** For broadcast deliveries: what was sent, as rendered for this recipient (kept in the conversation). */
  content?: Content;
}

/** One finish of a batch: which delivery, and how it ended. */
export interface DeliveryFinishItem {
  id: string;
  outcome: DeliveryFinish;
}

/** One retry of a batch: which delivery, and when and how it is due again. */
export interface DeliveryRetryItem {
  id: string;
  retry: DeliveryRetry;
}

/** The durable outbox (invariant 4). */
export interface DeliveryRepository {
  enqueue(delivery: NewDelivery): Promise<Delivery>;
  /**
   * Leases up to `limit` due deliveries (`notBefore <= now`, not leased or lease run out), priority lane first,
   * then oldest due; skips deliveries of paused or cancelled broadcasts and of paused senders.
   */
  claim(workspaceId: string, options: ClaimOptions): Promise<Delivery[]>;
  /** Puts a leased delivery back with a new due time; false when `owner` no longer holds it. */
  retry(workspaceId: string, id: string, owner: string, retry: DeliveryRetry): Promise<boolean>;
  /**
   * Ends a leased delivery: removes it and records the outcome in the conversation — the priority lane's
   * queued message is updated, a broadcast delivery becomes a message row. False when `owner` lost the lease.
   */
  finish(workspaceId: string, id: string, owner: string, outcome: DeliveryFinish): Promise<boolean>;
  /**
   * `retry` for many leased deliveries of one owner at once (a database does it in one statement); one boolean per
   * item, in order: false where `owner` no longer holds the delivery.
   */
  retryMany(workspaceId: string, owner: string, items: readonly DeliveryRetryItem[]): Promise<boolean[]>;
  /** `finish` for many leased deliveries of one owner at once; one boolean per item, in order. */
  finishMany(workspaceId: string, owner: string, items: readonly DeliveryFinishItem[]): Promise<boolean[]>;
  get(workspaceId: string, id: string): Promise<Delivery | null>;
  /** The earliest time a delivery becomes claimable (due or lease expiry), or null when the outbox is empty. */
  nextDueAt(workspaceId: string): Promise<number | null>;
  countQueued(workspaceId: string, broadcastId: string): Promise<number>;
  /** Drops the broadcast's deliveries that are not leased; returns how many. */
  cancelBroadcast(workspaceId: string, broadcastId: string): Promise<number>;
  /** Moves waiting deliveries from one sender to another (sender replacement, F35). */
  moveSender(workspaceId: string, transport: string, from: string, to: string): Promise<number>;
}

export interface SlotRequest {
  /** Pacing key of the sender account, e.g. `whatsapp:1234`. */
  senderKey: string;
  /** 1000 / messages per second. */
  senderIntervalMs: number;
  /** Pacing key of the recipient, e.g. `whatsapp:+4915…`. */
  recipientKey: string;
  recipientGapMs: number;
  now: number;
  /**
   * Reserve only a sender slot within this time from `now`; a later one is not taken (`reserved: false`, ask again
   * at `at`). Bulk traffic reserves within a short horizon so a reply never waits behind a whole newsletter.
   */
  horizonMs: number;
  /** The caller already waited its turn in the soft queue: if it just missed, it keeps its place. */
  waited: boolean;
}

/** The answer to a {@link SlotRequest}: the slot's time, and whether it was booked. */
export interface SlotReservation {
  at: number;
  reserved: boolean;
}

/** Time-slot reservations (GCRA / next-slot timestamps), atomic so limits hold across processes (invariant 3). */
export interface PacingRepository {
  /**
   * Reserves a sending slot. When the recipient's gap has not passed, nothing is reserved and `at` says when
   * to ask again (`reserved: false`), so a waiting recipient never burns the sender's capacity. When the sender's
   * next slot lies beyond `horizonMs`, nothing is reserved either: a caller that already `waited` its turn and
   * whose slot frees within one sender interval is told to come back exactly then (keeping its place under timer
   * jitter); the others are told to come back one sender interval apart (a soft queue). Otherwise the earliest
   * sender slot at or after `now` is taken and both timelines advance (`reserved: true`).
   */
  reserve(workspaceId: string, request: SlotRequest): Promise<SlotReservation>;

  /**
   * `reserve` for a batch, atomically: the answers are exactly those of calling `reserve` for each request in
   * order with nobody else in between (later requests see the slots earlier ones took). A database does it in one
   * statement, so a worker pays one round trip per batch, not per delivery.
   */
  reserveMany(workspaceId: string, requests: readonly SlotRequest[]): Promise<SlotReservation[]>;

  /**
   * Counts `recipientKey` among the sender's unique recipients of `day` (UTC date); false when the sender is at
   * `cap` and this recipient is not among them yet.
   */
  admitDaily(
    workspaceId: string,
    senderKey: string,
    recipientKey: string,
    day: string,
    cap: number,
  ): Promise<boolean>;
}

export interface SenderStateRepository {
  pause(state: SenderState): Promise<void>;
  resume(workspaceId: string, transport: string, senderId: string): Promise<boolean>;
  list(workspaceId: string): Promise<SenderState[]>;
}
