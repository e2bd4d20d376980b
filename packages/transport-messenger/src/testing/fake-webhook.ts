import { createHmac, randomBytes } from 'node:crypto';
import type { FakeMessagingItem, FakeWebhookFailure } from './fake-types.js';

export interface FakeSubscription {
  url: string;
}

/** The signed headers of a webhook POST: `X-Hub-Signature-256` (and the legacy sha1) over the exact bytes. */
export function signedHeaders(body: string, appSecret: string): Record<string, string> {
  const hmac = (algorithm: string) => createHmac(algorithm, appSecret).update(body).digest('hex');
  return {
    'content-type': 'application/json',
    'x-hub-signature-256': `sha256=${hmac('sha256')}`,
    'x-hub-signature': `sha1=${hmac('sha1')}`,
  };
}

/** The `object: "page"` envelope of one event from one page. */
export function pageEnvelope(pageId: string, time: number, items: FakeMessagingItem[]): string {
  return JSON.stringify({ object: 'page', entry: [{ id: pageId, time, messaging: items }] });
}

/**
 * Queues webhook events and posts them, signed, one at a time in order; a non-2xx answer is retried at once
 * (`retries` times), then recorded as a failure and dropped. No real waiting: tests call `idle()`.
 */
export class WebhookQueue {
  subscription: FakeSubscription | null = null;
  readonly failures: FakeWebhookFailure[] = [];
  private readonly queue: { pageId: string; items: FakeMessagingItem[] }[] = [];
  private running: Promise<void> | null = null;

  constructor(
    private readonly settings: {
      appSecret: string;
      retries: number;
      fetch: typeof fetch;
      now(): number;
    },
  ) {}

  get idle(): boolean {
    return this.running === null && (this.queue.length === 0 || this.subscription === null);
  }

  push(pageId: string, item: FakeMessagingItem): void {
    this.queue.push({ pageId, items: [item] });
    this.kick();
  }

  /** The GET verification handshake Meta makes before it subscribes a callback URL. */
  async subscribe(url: string, verifyToken: string): Promise<void> {
    const challenge = randomBytes(9).toString('hex');
    const target = new URL(url);
    target.searchParams.set('hub.mode', 'subscribe');
    target.searchParams.set('hub.challenge', challenge);
    target.searchParams.set('hub.verify_token', verifyToken);
    const response = await this.settings.fetch(target);
    const body = await response.text();
    if (response.status !== 200 || body !== challenge) {
      throw new Error(
        `The URL couldn't be validated. Callback verification failed with the following errors: HTTP Status Code = ${response.status}; HTTP Message = ${body.slice(0, 120)}`,
      );
    }
    this.subscription = { url };
    this.kick();
  }

  unsubscribe(): void {
    this.subscription = null;
  }

  private kick(): void {
    if (this.running || !this.subscription) return;
    this.running = this.run().finally(() => {
      this.running = null;
      if (this.queue.length > 0 && this.subscription) this.kick();
    });
  }

  private async run(): Promise<void> {
    while (this.subscription && this.queue.length > 0) {
      const { url } = this.subscription;
      const next = this.queue.shift()!;
      const body = pageEnvelope(next.pageId, this.settings.now(), next.items);
      let error: string | null = null;
      for (let attempt = 0; attempt <= this.settings.retries; attempt++) {
        error = await this.post(url, body);
        if (error === null) break;
      }
      if (error !== null) this.failures.push({ at: this.settings.now(), error, body });
    }
  }

  private async post(url: string, body: string): Promise<string | null> {
    try {
      const response = await this.settings.fetch(url, {
        method: 'POST',
        headers: signedHeaders(body, this.settings.appSecret),
        body,
      });
      await response.arrayBuffer();
      return response.ok ? null : `HTTP ${response.status}`;
    } catch (error) {
      return `connection failed: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
}
