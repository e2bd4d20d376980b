import { z } from 'zod';

const media = z.object({
  kind: z.enum(['image', 'audio', 'video', 'document']),
  url: z.url().optional(),
  bytes: z.instanceof(Uint8Array).optional(),
  providerMediaId: z.string().min(1).optional(),
  mimeType: z.string().min(3).optional(),
  filename: z.string().min(1).max(255).optional(),
  caption: z.string().max(4096).optional(),
});

const content = z
  .object({
    text: z.string().min(1).max(65_536).optional(),
    media: media
      .refine((m) => m.url || m.bytes || m.providerMediaId, 'give the media as url, bytes or providerMediaId')
      .optional(),
    template: z
      .object({
        name: z.string().min(1),
        language: z.string().min(2),
        parameters: z.array(z.string()).default([]),
      })
      .optional(),
  })
  .refine((c) => c.text || c.media || c.template, 'a broadcast needs text, media or a template');

const audienceFields = z.object({
  channels: z.array(z.string().min(1)).min(1).optional(),
  contacts: z.array(z.string().min(1)).min(1).optional(),
  transports: z.array(z.string().min(1)).min(1).optional(),
  senders: z.array(z.string().min(1)).min(1).optional(),

  attributes: z.record(z.string(), z.string()).optional(),
  outcome: z
    .object({
      broadcastId: z.string().min(1),
      is: z.enum(['not-delivered', 'not-read', 'clicked', 'delivered', 'read']),
    })
    .optional(),
});
// Separate from the fields: in zod 4 a default survives `.optional()`, and an update would reset the audience.
const audience = audienceFields.default({});

const when = z.union([z.literal('now'), z.date(), z.number().int().nonnegative()]);

export const createBroadcastSchema = z.object({
  name: z.string().min(1).max(200).optional(),
  content,
  audience,
  /** Omit for a draft; `'now'` or a time to schedule (F17). */
  scheduledAt: when.optional(),
  tracking: z.enum(['off', 'anonymous', 'individual']).default('off'),
  /** Append a short reference id for support tracing (F23). */
  referenceId: z.boolean().default(false),
  spreadMs: z
    .number()
    .int()
    .nonnegative()
    .max(24 * 60 * 60 * 1000)
    .optional(),
});

export const updateBroadcastSchema = z.object({
  name: z.string().min(1).max(200).optional(),
  content: content.optional(),
  audience: audienceFields.optional(),

  scheduledAt: when.nullable().optional(),
  tracking: z.enum(['off', 'anonymous', 'individual']).optional(),
  spreadMs: z
    .number()
    .int()
    .nonnegative()
    .max(24 * 60 * 60 * 1000)
    .optional(),
});

export type CreateBroadcastInput = z.input<typeof createBroadcastSchema>;
export type UpdateBroadcastInput = z.input<typeof updateBroadcastSchema>;

/** zod leaves absent optional keys as `undefined`; the domain types want them absent. */
export function withoutUndefined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}

export function toTime(value: 'now' | Date | number, now: number): number {
  if (value === 'now') return now;
  return value instanceof Date ? value.getTime() : value;
}
