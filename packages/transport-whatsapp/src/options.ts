import { TidingsError } from '@tidings/core';
import { z } from 'zod';

const senderSchema = z.object({
  /** The number's id in the Cloud API (not the number itself): the path segment of `/{phone-number-id}/messages`. */
  phoneNumberId: z
    .string()
    .regex(/^\d{5,20}$/, 'the phone number id Meta shows in the app dashboard (digits)'),
  /** The number people see and write to, in international form (`+49 30 1234567` or digits). */
  displayNumber: z
    .string()
    .transform((s) => s.replace(/[\s()./-]/g, ''))
    .pipe(z.string().regex(/^\+?[1-9]\d{6,14}$/, 'an international phone number, e.g. +4930123456')),
  /** How many contacts this number may hold before new sign-ups go to another (F34). */
  capacity: z.number().int().positive().default(1_000_000),
});

export const optionsSchema = z.object({
  /** The transport's name in URLs (`/webhooks/whatsapp`) and on contacts. */
  name: z
    .string()
    .regex(/^[a-z][a-z0-9-]*$/, 'lower-case letters, digits and dashes')
    .default('whatsapp'),
  senders: z.array(senderSchema).min(1, 'at least one WhatsApp number'),
  /** A system-user access token with `whatsapp_business_messaging`. */
  accessToken: z.string().min(8, 'the access token from Meta Business Manager'),
  /** The app secret: webhooks are signed with it (`X-Hub-Signature-256`). */
  appSecret: z.string().min(8, 'the app secret from the Meta app dashboard'),
  /** What you typed as "Verify token" when subscribing the webhook; answered in the GET handshake. */
  verifyToken: z.string().min(1, 'the verify token you enter in the webhook settings'),
  /** The Graph API version in every path. */
  apiVersion: z
    .string()
    .regex(/^v\d+\.\d+$/, 'a Graph API version such as v23.0')
    .default('v23.0'),
  baseUrl: z
    .url()
    .default('https://graph.facebook.com')
    .transform((s) => s.replace(/\/+$/, '')),
  fetch: z.custom<typeof fetch>((v) => typeof v === 'function', 'a fetch function').optional(),
  /** Messages per second per number (80 by default; 1,000 after Meta's upgrade; 20 for coexistence numbers). */
  perSenderPerSecond: z.number().positive().default(80),
  /** Gap between two messages to one person (Meta's pair rate: about one per 6 s). */
  perRecipientGapMs: z.number().int().nonnegative().default(6000),
  /** The portfolio's messaging tier: unique people reached per day with business-initiated messages. */
  dailyUniqueRecipients: z.number().int().positive().nullable().default(250),
  /**
   * A reply button added to text broadcasts sent inside the window (e.g. `{ title: 'Stop' }`): tapping it sends
   * its id (default `STOP`) back as the contact's text, so the built-in unsubscribe handles it. False: none.
   */
  stopButton: z
    .union([
      z.literal(false),
      z.object({ title: z.string().min(1).max(20), id: z.string().min(1).max(256).default('STOP') }),
    ])
    .default(false),
  /** Link previews in text messages. */
  linkPreviews: z.boolean().default(true),
});

export type WhatsAppTransportOptions = z.input<typeof optionsSchema>;
export type ResolvedWhatsAppOptions = z.output<typeof optionsSchema>;

/** One WhatsApp number the transport sends from. */
export type WhatsAppSender = ResolvedWhatsAppOptions['senders'][number];

export function resolveOptions(input: WhatsAppTransportOptions): ResolvedWhatsAppOptions {
  const result = optionsSchema.safeParse(input);
  if (!result.success) {
    const issues = result.error.issues.map((i) => ({
      field: i.path.map(String).join('.') || '(root)',
      message: i.message,
    }));
    const list = issues.map((i) => `${i.field}: ${i.message}`).join('; ');
    throw new TidingsError('INVALID_OPTIONS', `Invalid whatsappTransport options — ${list}`, {
      issues,
      cause: result.error,
    });
  }
  const ids = new Set<string>();
  for (const s of result.data.senders) {
    if (ids.has(s.phoneNumberId)) {
      throw new TidingsError(
        'INVALID_OPTIONS',
        `Invalid whatsappTransport options — senders: ${s.phoneNumberId} twice`,
        { issues: [{ field: 'senders', message: `${s.phoneNumberId} twice` }] },
      );
    }
    ids.add(s.phoneNumberId);
  }
  return result.data;
}
