import { TidingsError } from '@tidings/core';
import { z } from 'zod';

const pageSchema = z.object({
  /** The page's numeric id: the sender id, and the page of `/{version}/{page-id}/messages`. */
  pageId: z.string().regex(/^\d{1,32}$/, 'the numeric page id'),
  accessToken: z.string().min(1, 'a page access token'),
  /**
   * The page's username (what `m.me/<name>` links name) or its display name. A name that cannot be a username
   * (spaces, other characters) is only shown; links then use the page id, which m.me takes too.
   */
  name: z.string().min(1).max(100).optional(),
  /** How many contacts this page may hold before new sign-ups go to another page (F34). */
  capacity: z.number().int().positive().default(1_000_000),
});

export const optionsSchema = z
  .object({
    /** The transport's name in URLs and on contacts. */
    name: z
      .string()
      .regex(/^[a-z][a-z0-9-]*$/, 'lower-case letters, digits and dashes')
      .default('messenger'),
    /** The pages that send (F34); a contact stays with the page they wrote to. */
    pages: z.array(pageSchema).min(1, 'at least one page'),
    /** Signs every webhook (`X-Hub-Signature-256`) and proves calls (`appsecret_proof`). */
    appSecret: z.string().min(1, 'the app secret from the app dashboard'),
    /** What the GET verification handshake must carry as `hub.verify_token`. */
    verifyToken: z.string().min(1, 'the verify token entered with the callback URL'),
    /** The Graph API version, e.g. `v25.0`. */
    apiVersion: z
      .string()
      .regex(/^v\d+\.\d+$/, 'a Graph API version such as v25.0')
      .default('v25.0'),
    /** The app's id: echoes carrying it were sent by Tidings itself (besides those carrying Tidings' metadata). */
    appId: z.string().regex(/^\d+$/, 'the numeric app id').optional(),
    baseUrl: z
      .url()
      .default('https://graph.facebook.com')
      .transform((s) => s.replace(/\/+$/, '')),
    fetch: z.custom<typeof fetch>((v) => typeof v === 'function', 'a fetch function').optional(),
    /** Audio and video calls per second per page (the platform allows 10; text goes at the core's pace). */
    mediaPerSecond: z.number().int().positive().default(10),
    /** Push setting of every message: `REGULAR`, `SILENT_PUSH` or `NO_PUSH`. */
    notificationType: z.enum(['REGULAR', 'SILENT_PUSH', 'NO_PUSH']).default('REGULAR'),
  })
  .superRefine((o, ctx) => {
    const seen = new Set<string>();
    o.pages.forEach((page, i) => {
      if (seen.has(page.pageId))
        ctx.addIssue({ code: 'custom', path: ['pages', i, 'pageId'], message: `page ${page.pageId} twice` });
      seen.add(page.pageId);
    });
  });

export type MessengerTransportOptions = z.input<typeof optionsSchema>;
export type ResolvedMessengerOptions = z.output<typeof optionsSchema>;

/** One page the transport sends from. */
export type MessengerPage = ResolvedMessengerOptions['pages'][number];

export function resolveOptions(input: MessengerTransportOptions): ResolvedMessengerOptions {
  const result = optionsSchema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({
    field: i.path.map(String).join('.') || '(root)',
    message: i.message,
  }));
  const list = issues.map((i) => `${i.field}: ${i.message}`).join('; ');
  throw new TidingsError('INVALID_OPTIONS', `Invalid messengerTransport options — ${list}`, {
    issues,
    cause: result.error,
  });
}
