import { z } from 'zod';
import type { Clock } from './clock/clock.js';
import { systemClock } from './clock/clock.js';
import { defaultReplies, type ReplyTexts } from './consent/replies.js';
import { defaultStartWords, defaultStopWords, type WordsByLocale } from './consent/vocabulary.js';
import type { SendWrapper } from './dispatch/send-step.js';
import { TidingsError } from './errors/tidings-error.js';
import { parseOrThrow } from './errors/zod-issues.js';
import { forwardingOptionsSchema } from './forwarding/forwarding-options.js';
import { defaultLogger, type Logger } from './logger.js';
import type { Store } from './ports/store.js';
import type { Transport } from './ports/transport.js';

import { memoryStore } from './store/memory/memory-store.js';

const rateRule = z.object({ limit: z.number().int().positive(), windowMs: z.number().int().positive() });
const wordsByLocale = z.record(z.string().min(2), z.array(z.string().min(1)));
const isObject = (v: unknown) => typeof v === 'object' && v !== null;
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use HH:MM, 24-hour');
const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};
const pacingOverrides = z.object({
  // Infinity: no rate limit (tests and contract suites that are not about pacing).
  perSenderPerSecond: z.union([z.number().positive(), z.literal(Number.POSITIVE_INFINITY)]).optional(),

  perRecipientGapMs: z.number().int().nonnegative().optional(),
  dailyUniqueRecipients: z.number().int().positive().nullable().optional(),
});

const schema = z.object({
  store: z.custom<Store>((v) => isObject(v) && 'contacts' in (v as object), 'must be a Store').optional(),
  transports: z
    .array(
      z.custom<Transport>(
        (v) => isObject(v) && typeof (v as Transport).send === 'function',
        'must be a Transport',
      ),
    )
    .min(1, 'give at least one transport, e.g. sandboxTransport()'),
  workspaceId: z.string().min(1).max(64).default('default'),
  businessName: z.string().min(1).default('us'),
  defaultLocale: z.string().min(2).default('en'),
  defaultCountry: z.string().length(2).toUpperCase().optional(),
  basePath: z
    .string()
    .regex(/^(\/[\w.~-]+)*$/, 'must look like /tidings (no trailing slash), or be empty')
    .default('/tidings'),
  clock: z
    .custom<Clock>((v) => isObject(v) && typeof (v as Clock).now === 'function', 'must be a Clock')
    .optional(),
  logger: z
    .custom<Logger>((v) => isObject(v) && typeof (v as Logger).warn === 'function', 'must be a Logger')
    .optional(),
  forwarding: forwardingOptionsSchema,
  stopWords: wordsByLocale.optional(),

  startWords: wordsByLocale.optional(),
  replies: z.record(z.string(), z.object({}).catchall(z.string()).partial()).optional(),
  subscribeOnFirstMessage: z.boolean().default(true),
  maxChannels: z.number().int().positive().default(50),
  optin: z
    .object({
      tokenTtlMs: z
        .number()
        .int()
        .positive()
        .default(24 * 60 * 60 * 1000),
      perClient: rateRule.default({ limit: 10, windowMs: 10 * 60 * 1000 }),
      perAddress: rateRule.default({ limit: 3, windowMs: 60 * 60 * 1000 }),
      honeypotField: z.string().min(1).default('website'),
    })
    .prefault({}),
  /** The public base URL of the handler (e.g. `https://example.com/tidings`), for tracked links (F22). */
  publicUrl: z.url().optional(),
  fetch: z.custom<typeof fetch>((v) => typeof v === 'function', 'must be a fetch function').optional(),
  /** Per-transport pacing, e.g. `{ whatsapp: { perSenderPerSecond: 40 } }` (F19); defaults are the transport's. */
  pacing: z.record(z.string(), pacingOverrides).default({}),
  /** At most this many broadcasts per contact in any rolling 24 hours (F20). */
  frequencyCap: z.object({ perDay: z.number().int().positive() }).nullable().default(null),
  /** No broadcasts in the contact's night (their `timeZone` attribute, else this zone) (F20). */
  quietHours: z
    .object({ from: hhmm, to: hhmm, timeZone: z.string().refine(isTimeZone, 'must be an IANA time zone') })
    .nullable()
    .default(null),
  dispatch: z
    .object({
      batchSize: z.number().int().positive().default(100),
      concurrency: z.number().int().positive().default(16),
      leaseMs: z.number().int().positive().default(60_000),
      fanOutChunk: z.number().int().positive().default(5_000),
      /**
       * How many deliveries of one broadcast may wait in the outbox before its fan-out reads on: recipients are
       * streamed in as sending goes, never all held (Infinity turns the window off).
       */
      fanOutAhead: z.number().positive().default(20_000),

      pollMs: z.number().int().positive().default(1_000),
      sendTimeoutMs: z.number().int().positive().default(30_000),
      maxAttempts: z.number().int().positive().default(8),
      baseDelayMs: z.number().int().positive().default(1_000),
      maxDelayMs: z
        .number()
        .int()
        .positive()
        .default(15 * 60 * 1000),
      /** Off only for measurements: pacing keeps numbers from being blocked. */
      pacing: z.boolean().default(true),
      /** Default random spread of a broadcast's deliveries (F19). */
      spreadMs: z.number().int().nonnegative().default(0),
    })
    .prefault({}),
  /** Adds or reorders send wrappers: receives the default chain, returns the one to use. */
  wrappers: z.custom<(defaults: SendWrapper[]) => SendWrapper[]>((v) => typeof v === 'function').optional(),
  /** Randomness for jitter and spread; injectable for reproducible tests. */
  random: z.custom<() => number>((v) => typeof v === 'function').optional(),
  http: z
    .object({
      corsOrigins: z.array(z.string()).default([]),
      maxBodyBytes: z
        .number()
        .int()
        .positive()
        .default(64 * 1024),
      maxWebhookBytes: z
        .number()
        .int()
        .positive()
        .default(1024 * 1024),
      trustProxy: z.boolean().default(false),
    })
    .prefault({}),
});

export type TidingsOptions = z.input<typeof schema>;

export interface ResolvedOptions
  extends Omit<
    z.output<typeof schema>,
    'store' | 'clock' | 'logger' | 'replies' | 'stopWords' | 'startWords' | 'fetch' | 'random'
  > {
  fetch: typeof fetch;
  random: () => number;
  store: Store;

  clock: Clock;
  logger: Logger;
  stopWords: WordsByLocale;
  startWords: WordsByLocale;
  replies: Record<string, ReplyTexts>;
}

function mergeReplies(overrides: Record<string, Partial<ReplyTexts>> = {}): Record<string, ReplyTexts> {
  const merged: Record<string, ReplyTexts> = { ...defaultReplies };
  for (const [locale, texts] of Object.entries(overrides)) {
    merged[locale] = { ...(merged[locale] ?? defaultReplies.en), ...texts };
  }
  return merged;
}

/** Merges options with defaults once and checks them, naming any bad option. */
export function resolveOptions(input: TidingsOptions): ResolvedOptions {
  const o = parseOrThrow(schema, input, 'createTidings options', 'INVALID_OPTIONS');
  const names = o.transports.map((t) => t.name);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice) {
    throw new TidingsError(
      'INVALID_OPTIONS',
      `Invalid createTidings options — two transports are named "${twice}"; give each its own name.`,
      {
        issues: [{ field: 'transports', message: `duplicate name "${twice}"` }],
      },
    );
  }
  return {
    ...o,
    store: o.store ?? memoryStore(),
    clock: o.clock ?? systemClock(),
    logger: o.logger ?? defaultLogger,
    stopWords: o.stopWords ?? defaultStopWords,
    startWords: o.startWords ?? defaultStartWords,
    replies: mergeReplies(o.replies as Record<string, Partial<ReplyTexts>> | undefined),
    fetch: o.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    random: o.random ?? Math.random,
  };
}
