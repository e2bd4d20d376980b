/** An e-mail a `forward email` rule sends. */
export interface ForwardEmail {
  to: string;
  subject: string;
  text: string;
}

/** An SMS a `forward sms` rule sends. */
export interface ForwardSms {
  /** E.164, e.g. `+436641234567`. */
  to: string;
  text: string;
}

/**
 * Sends the e-mails of `forward email` rules. `@tidings/notify-smtp` implements it on nodemailer; any object
 * with this method will do. Resolve when the mail is accepted; throw to have it retried with backoff — or
 * throw an error with `permanent: true` when retrying cannot help (a refused address).
 */
export interface EmailNotifier {
  send(email: ForwardEmail, options: { signal: AbortSignal }): Promise<void>;
}

/** Sends the texts of `forward sms` rules; `@tidings/notify-websms` implements it for websms. Errors as for e-mail. */
export interface SmsNotifier {
  send(sms: ForwardSms, options: { signal: AbortSignal }): Promise<void>;
}

/** A failure that retrying cannot fix; the forward fails at once instead of after every attempt. */
export function isPermanentFailure(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { permanent?: unknown }).permanent === true;
}
