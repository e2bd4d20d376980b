import type { Clock } from '@tidings/core';
import type { FakeLimiter } from './fake-limits.js';
import type { OpenApiCheck } from './fake-openapi.js';
import type { FakeNumber, FakeRequest, FakeSentMessage } from './fake-types.js';
import type { WebhookOutbox } from './fake-webhooks.js';

/** A person on WhatsApp, as the fake keeps them. */
export interface SubscriberState {
  /** Digits, or null for a person known only by their business-scoped id. */
  phone: string | null;
  bsuid: string;
  name: string;
  /** Webhooks carry only the business-scoped id (a person who adopted a username). */
  hidePhone: boolean;
  /** Per number: when they last wrote (opens the 24-hour window). */
  lastInbound: Map<string, number>;
  /** Numbers they blocked. */
  blocked: Set<string>;
  stoppedMarketing: boolean;
  received: FakeSentMessage[];
}

/** Behaviour switches that differ between copies of Meta's docs, or that tests want to pick. */
export interface FakeBehaviour {
  /** HTTP status of throttling errors (130429, 131056, 4): 400 in newer copies of Meta's table, 429 in older. */
  throttleStatus: number;
  /** 131047 outside the window: as a failed status webhook (Meta's usual) or at once. */
  windowErrors: 'status' | 'sync';
  /** A message to someone who blocked the number: stays at `sent` (as on WhatsApp) or is refused with 131026. */
  blockedAnswer: 'silent' | 'undeliverable';
  /** Delays of the automatic statuses after acceptance, on the clock. */
  sentAfterMs: number;
  deliveredAfterMs: number;
  /** Read automatically this long after delivery (null: only when the subscriber reads). */
  readAfterMs: number | null;
}

/** The fake's shared state. */
export interface FakeWorld {
  numbers: Map<string, FakeNumber>;
  byPhone: Map<string, SubscriberState>;
  byBsuid: Map<string, SubscriberState>;
  sent: FakeSentMessage[];
  byWamid: Map<string, FakeSentMessage>;
  requests: FakeRequest[];
  /** Inbound message ids (what may be marked read). */
  inboundIds: Set<string>;
  /** Media by id: uploaded by a number, or sent by a subscriber. */
  media: Map<string, { bytes: Uint8Array; mimeType: string }>;
  limiter: FakeLimiter;
  outbox: WebhookOutbox;
  openapi: OpenApiCheck | null;
  behaviour: FakeBehaviour;
  clock: Clock | null;
  now(): number;
  /** Runs `fn` after `delayMs` on the clock; without one, holds it for `flushStatuses()`. */
  later(fn: () => void, delayMs: number): void;
  nextId(prefix: string): string;
  wabaId: string;
}

export const seconds = (ms: number) => String(Math.floor(ms / 1000));

/** The change envelope of one webhook (PLATFORMS.md §1.6). */
export function envelope(
  world: FakeWorld,
  number: FakeNumber,
  field: string,
  value: Record<string, unknown>,
) {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: world.wabaId,
        changes: [
          {
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: number.displayNumber, phone_number_id: number.phoneNumberId },
              ...value,
            },
            field,
          },
        ],
      },
    ],
  };
}

/** `contacts[]` entry: the phone only when the person shows it. */
export function contactOf(s: SubscriberState) {
  return {
    profile: { name: s.name },
    ...(s.phone && !s.hidePhone ? { wa_id: s.phone } : {}),
    user_id: s.bsuid,
  };
}

/** The sender fields of an inbound message or call. */
export function fromOf(s: SubscriberState) {
  return { ...(s.phone && !s.hidePhone ? { from: s.phone } : {}), from_user_id: s.bsuid };
}
