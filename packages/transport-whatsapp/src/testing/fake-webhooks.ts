import { signBody } from '../signature.js';
import type { OpenApiCheck } from './fake-openapi.js';
import type { FakeWebhook } from './fake-types.js';

const encoder = new TextEncoder();

/**
 * Meta's serialisation: JSON with every non-ASCII UTF-16 unit escaped as `\uXXXX` in lowercase hex, so HMAC over
 * the raw bytes and HMAC over the escaped form agree (PLATFORMS.md §1.5).
 */
export function metaJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u0080-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Posts webhooks one at a time, in order, signed with the app secret; retries a failed one a few times. */
export class WebhookOutbox {
  readonly sent: FakeWebhook[] = [];
  private queue: Promise<void> = Promise.resolve();
  private pending = 0;
  url: string | null = null;

  constructor(
    private readonly key: Promise<CryptoKey>,
    private readonly check: () => OpenApiCheck | null,
    private readonly retries = 3,
  ) {}

  get idle(): boolean {
    return this.pending === 0;
  }

  /** Queues one payload; resolves when it was delivered (or given up). */
  post(payload: Record<string, unknown>): Promise<void> {
    this.pending++;
    const done = this.queue.then(() => this.deliver(payload)).finally(() => this.pending--);
    this.queue = done.catch(() => {});
    return done;
  }

  private async deliver(payload: Record<string, unknown>): Promise<void> {
    const raw = metaJson(payload);
    const bytes = encoder.encode(raw);
    const signature = await signBody(await this.key, bytes);
    const record: FakeWebhook = {
      raw,
      signature,
      body: payload,
      status: 0,
      schemaErrors: this.check()?.webhook(JSON.parse(raw)) ?? [],
    };
    this.sent.push(record);
    if (!this.url) return;
    for (let attempt = 0; attempt <= this.retries; attempt++) {
      try {
        const response = await fetch(this.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature },
          body: bytes,
        });
        await response.arrayBuffer();
        record.status = response.status;
        if (response.ok) return;
      } catch {
        record.status = 0;
      }
    }
  }
}
