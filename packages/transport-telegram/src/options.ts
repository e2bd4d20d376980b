import { TidingsError } from '@tidings/core';
import { z } from 'zod';

const tokenSchema = z
  .string()
  .regex(/^\d+:[A-Za-z0-9_-]+$/, 'a bot token as BotFather gives it: "<digits>:<secret>"');
const usernameSchema = z
  .string()
  .transform((s) => s.replace(/^@/, ''))
  .pipe(
    z.string().regex(/^[A-Za-z][A-Za-z0-9_]{3,31}$/, 'a bot username (5–32 letters, digits, underscores)'),
  );

const botSchema = z.object({
  token: tokenSchema,
  username: usernameSchema,
  /** How many contacts this bot may hold before new sign-ups go to another (F34). */
  capacity: z.number().int().positive().default(1_000_000),
});

export const optionsSchema = z
  .object({
    /** The transport's name in URLs and on contacts. */
    name: z
      .string()
      .regex(/^[a-z][a-z0-9-]*$/, 'lower-case letters, digits and dashes')
      .default('telegram'),
    token: tokenSchema.optional(),
    username: usernameSchema.optional(),
    capacity: z.number().int().positive().default(1_000_000),
    /** Further bots as senders (F34); the first sender is `token`/`username` when given. */
    bots: z.array(botSchema).default([]),
    /** Checked against `X-Telegram-Bot-Api-Secret-Token` on every webhook request; required in webhook mode. */
    secretToken: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,256}$/, '1–256 characters of A-Z a-z 0-9 _ -')
      .optional(),
    mode: z.enum(['webhook', 'polling']).default('webhook'),
    apiRoot: z
      .url()
      .default('https://api.telegram.org')
      .transform((s) => s.replace(/\/+$/, '')),
    fetch: z.custom<typeof fetch>((v) => typeof v === 'function', 'a fetch function').optional(),
    /** Long-poll timeout of `getUpdates` in seconds (polling mode). */
    pollTimeoutSeconds: z.number().int().min(0).max(50).default(30),
    /** Longest wait between failed polls; the wait doubles from 500 ms up to this. */
    pollBackoffMaxMs: z.number().int().positive().default(30_000),
    /** A poll silent this long past its timeout is dropped and retried (a half-open connection). */
    pollGraceMs: z.number().int().positive().default(10_000),

    /** Text over 4,096 characters: refuse before sending, or split into several messages. */
    longText: z.enum(['refuse', 'split']).default('refuse'),
    linkPreviews: z.boolean().default(true),
  })
  .superRefine((o, ctx) => {
    if ((o.token === undefined) !== (o.username === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [o.token ? 'username' : 'token'],
        message: 'token and username go together',
      });
    }
    if (o.token === undefined && o.bots.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['token'], message: 'give token and username, or bots' });
    }
    if (o.mode === 'webhook' && o.secretToken === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['secretToken'],
        message: 'required in webhook mode, so forged updates are refused',
      });
    }
  });

export type TelegramTransportOptions = z.input<typeof optionsSchema>;
export type ResolvedTelegramOptions = z.output<typeof optionsSchema>;

/** One bot the transport sends from. */
export interface TelegramBot {
  token: string;
  username: string;
  capacity: number;
}

export function resolveOptions(input: TelegramTransportOptions): ResolvedTelegramOptions & {
  allBots: TelegramBot[];
} {
  const result = optionsSchema.safeParse(input);
  if (!result.success) {
    const issues = result.error.issues.map((i) => ({
      field: i.path.map(String).join('.') || '(root)',
      message: i.message,
    }));
    const list = issues.map((i) => `${i.field}: ${i.message}`).join('; ');
    throw new TidingsError('INVALID_OPTIONS', `Invalid telegramTransport options — ${list}`, {
      issues,
      cause: result.error,
    });
  }
  const o = result.data;
  const first = o.token && o.username ? [{ token: o.token, username: o.username, capacity: o.capacity }] : [];
  const allBots = [...first, ...o.bots];
  const names = new Set<string>();
  for (const bot of allBots) {
    if (names.has(bot.username)) {
      throw new TidingsError(
        'INVALID_OPTIONS',
        `Invalid telegramTransport options — bots: @${bot.username} twice`,
        {
          issues: [{ field: 'bots', message: `@${bot.username} twice` }],
        },
      );
    }
    names.add(bot.username);
  }
  return { ...o, allBots };
}
