import type { EmailNotifier, ForwardEmail } from '@tidings/core';
import { invalidOptions } from '@tidings/core';
import nodemailer from 'nodemailer';
import { z } from 'zod';

const optionsSchema = z.object({
  host: z.string().min(1),
  /** 587 (submission with STARTTLS) unless given; 465 means TLS from the start. */
  port: z.number().int().min(1).max(65535).default(587),
  /** TLS from the first byte; defaults to true on port 465. */
  secure: z.boolean().optional(),
  auth: z.object({ user: z.string().min(1), pass: z.string().min(1) }).optional(),
  /** The sender, e.g. `"Daily Planet" <desk@example.com>`. */
  from: z.string().min(3),
  /** Refuse to send without TLS (on by default except for 127.0.0.1 and localhost). */
  requireTLS: z.boolean().optional(),
  /** Gives up on a server that does not answer, in ms. */
  timeoutMs: z.number().int().positive().default(30_000),
});

export type SmtpNotifierOptions = z.input<typeof optionsSchema>;

/** The notifier and a way to close its connections when the process shuts down. */
export interface SmtpNotifier extends EmailNotifier {
  close(): void;
}

/** SMTP answers 5xx when retrying cannot help (unknown mailbox, refused sender); 4xx says "try later". */
function failure(error: unknown): Error {
  const code = (error as { responseCode?: unknown }).responseCode;
  const permanent = typeof code === 'number' && code >= 500;
  const message = error instanceof Error ? error.message : String(error);
  return Object.assign(new Error(`SMTP: ${message}`, { cause: error }), { permanent });
}

const local = (host: string) => host === 'localhost' || host === '127.0.0.1' || host === '::1';

/**
 * Sends the e-mails of `forward email` rules over SMTP (nodemailer).
 *
 * @example
 * import { createTidings } from '@tidings/core';
 * import { smtpNotifier } from '@tidings/notify-smtp';
 *
 * const email = smtpNotifier({ host: 'smtp.example.com', auth: { user: 'desk', pass: process.env.SMTP_PASS! }, from: 'desk@example.com' });
 * const tidings = createTidings({ transports: [...], forwarding: { email } });
 */
export function smtpNotifier(options: SmtpNotifierOptions): SmtpNotifier {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) throw invalidOptions('smtpNotifier', parsed.error.issues);
  const o = parsed.data;
  const transporter = nodemailer.createTransport({
    host: o.host,
    port: o.port,
    secure: o.secure ?? o.port === 465,
    requireTLS: o.requireTLS ?? !local(o.host),
    ...(o.auth ? { auth: o.auth } : {}),
    connectionTimeout: o.timeoutMs,
    greetingTimeout: o.timeoutMs,
    socketTimeout: o.timeoutMs,
  });

  return {
    async send(email: ForwardEmail, { signal }) {
      signal.throwIfAborted();
      // nodemailer cannot be cancelled; an abort lets the worker go on while the attempt ends on its own.
      const aborted = new Promise<never>((_, reject) =>
        signal.addEventListener('abort', () => reject(signal.reason), { once: true }),
      );
      const sent = transporter
        .sendMail({ from: o.from, to: email.to, subject: email.subject, text: email.text })
        .catch((error: unknown) => {
          throw failure(error);
        });
      await Promise.race([sent, aborted]);
    },
    close: () => transporter.close(),
  };
}
