import { z } from 'zod';
import type { EmailNotifier, SmsNotifier } from './notifiers.js';

const hasSend = (v: unknown) =>
  typeof v === 'object' && v !== null && typeof (v as { send?: unknown }).send === 'function';

/**
 * `createTidings({ forwarding })`: how forwards leave (F30, F38). Every forward goes through a durable queue
 * in the store and is retried with exponential backoff: `backoffMs`, doubling per attempt, at most
 * `maxBackoffMs`, until `maxAttempts`; then it fails visibly (`forward.failed`, `tidings.rules.listForwards`).
 */
export const forwardingOptionsSchema = z
  .object({
    /** Signs `forward http` posts (HMAC-SHA256); receivers verify with it. Required for `forward http` rules. */
    secret: z.string().min(16, 'use at least 16 characters').optional(),
    timeoutMs: z.number().int().positive().default(10_000),
    maxAttempts: z.number().int().min(1).max(50).default(8),
    backoffMs: z.number().int().positive().default(30_000),
    maxBackoffMs: z
      .number()
      .int()
      .positive()
      .default(60 * 60 * 1000),
    email: z.custom<EmailNotifier>(hasSend, 'must be an EmailNotifier (an object with send)').optional(),
    sms: z.custom<SmsNotifier>(hasSend, 'must be an SmsNotifier (an object with send)').optional(),
  })
  .prefault({});

export type ForwardingOptions = z.output<typeof forwardingOptionsSchema>;
