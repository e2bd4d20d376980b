import type { ForwardSms, SmsNotifier } from '@tidings/core';
import { invalidOptions } from '@tidings/core';
import { z } from 'zod';

const optionsSchema = z.object({
  /** An API access token from the websms web interface (sent as a Bearer token). */
  accessToken: z.string().min(1),
  /** Where the REST API lives; a local fake in tests. */
  baseUrl: z.url().default('https://api.websms.com'),
  /** The sender shown, where the account allows one, and its type. */
  senderAddress: z.string().min(1).max(16).optional(),
  senderAddressType: z.enum(['national', 'international', 'alphanumeric', 'shortcode']).optional(),
  /** Long texts are split into at most this many SMS (each one is paid). */
  maxSmsPerMessage: z.number().int().min(1).max(10).default(3),
  /** websms' test mode: validated and answered, but not sent. */
  test: z.boolean().default(false),
  fetch: z.custom<typeof fetch>((v) => typeof v === 'function', 'must be a fetch function').optional(),
});

export type WebsmsNotifierOptions = z.input<typeof optionsSchema>;

/** The body websms answers with: `statusCode` 2000 (OK) or 2001 (queued) means accepted. */
interface WebsmsAnswer {
  statusCode?: number;
  statusMessage?: string;
  transferId?: string;
}

/** Throttling: the request was fine, only too soon. */
const retryableCodes = new Set([4023, 4025]);

const failure = (message: string, permanent: boolean) =>
  Object.assign(new Error(`websms: ${message}`), { permanent });

/**
 * Sends the texts of `forward sms` rules through websms' REST API (`POST /rest/smsmessaging/text`, JSON,
 * Bearer token). An answer of 2000/2001 is success; other 4xxx codes (a bad number, bad credentials) fail for
 * good; 5xxx, throttling (4023, 4025) and HTTP errors from 500 up are retried by Tidings' forward queue.
 *
 * @example
 * import { websmsNotifier } from '@tidings/notify-websms';
 * const tidings = createTidings({ transports, forwarding: { sms: websmsNotifier({ accessToken: process.env.WEBSMS_TOKEN! }) } });
 */
export function websmsNotifier(options: WebsmsNotifierOptions): SmsNotifier {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) throw invalidOptions('websmsNotifier', parsed.error.issues);
  const o = parsed.data;
  const doFetch = o.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const url = new URL('rest/smsmessaging/text', o.baseUrl.endsWith('/') ? o.baseUrl : `${o.baseUrl}/`);

  return {
    async send(sms: ForwardSms, { signal }) {
      const body = {
        // websms takes MSISDNs: the E.164 number without its plus.
        recipientAddressList: [sms.to.replace(/^\+/, '')],
        messageContent: sms.text,
        maxSmsPerMessage: o.maxSmsPerMessage,
        test: o.test,
        ...(o.senderAddress ? { senderAddress: o.senderAddress } : {}),
        ...(o.senderAddressType ? { senderAddressType: o.senderAddressType } : {}),
      };
      const response = await doFetch(url, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${o.accessToken}`,
          'content-type': 'application/json',
          accept: 'application/json',
        },
        body: JSON.stringify(body),
        signal,
      });
      const answer = (await response.json().catch(() => ({}))) as WebsmsAnswer;
      if (!response.ok) {
        const permanent = response.status < 500 && response.status !== 429 && response.status !== 408;
        throw failure(
          `HTTP ${response.status}${answer.statusMessage ? ` (${answer.statusMessage})` : ''}`,
          permanent,
        );
      }
      const code = answer.statusCode ?? 0;
      if (code === 2000 || code === 2001) return;
      const permanent = code >= 4000 && code < 5000 && !retryableCodes.has(code);
      throw failure(`status ${code}${answer.statusMessage ? ` ${answer.statusMessage}` : ''}`, permanent);
    },
  };
}
