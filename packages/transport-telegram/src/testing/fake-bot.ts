import type { FakeApiError } from './fake-errors.js';
import { fakeErrors } from './fake-errors.js';
import type { FakeBotInfo, FakeUpdate } from './fake-types.js';

export interface FakeWebhook {
  url: string;
  secretToken?: string;
  allowedUpdates?: string[];
  lastErrorDate?: number;
  lastErrorMessage?: string;
}

interface Poller {
  limit: number;
  answer(result: FakeUpdate[] | FakeApiError): void;
}

export interface WebhookDelivery {
  retries: number;
  retryDelayMs: number;
  fetch: typeof fetch;
  now(): number;
}

/** One bot's server side: its update queue, the waiting long poll, its webhook and its delivery loop. */
export class FakeBot {
  readonly updates: FakeUpdate[] = [];
  webhook: FakeWebhook | null = null;
  private nextUpdateId = 100_000 + Math.floor(Math.random() * 1000);
  private poller: Poller | null = null;
  private delivering = false;
  private messageIds = new Map<number, number>();

  constructor(
    readonly info: FakeBotInfo,
    private readonly delivery: WebhookDelivery,
  ) {}

  nextMessageId(chatId: number): number {
    const id = (this.messageIds.get(chatId) ?? 0) + 1;
    this.messageIds.set(chatId, id);
    return id;
  }

  get idle(): boolean {
    return this.updates.length === 0 && !this.delivering;
  }

  enqueue(update: Omit<FakeUpdate, 'update_id'>): FakeUpdate {
    const full = { update_id: this.nextUpdateId++, ...update } as FakeUpdate;
    this.updates.push(full);
    if (this.webhook) void this.deliver();
    else this.wakePoller();
    return full;
  }

  /** getUpdates: confirms below `offset`, answers at once when something is there, else waits `timeoutS`. */
  getUpdates(
    offset: number | undefined,
    limit: number,
    timeoutS: number,
    hangUp?: AbortSignal,
  ): Promise<FakeUpdate[]> {
    if (this.webhook) return Promise.reject(fakeErrors.webhookActive());
    if (offset !== undefined && offset < 0) this.updates.splice(0, Math.max(0, this.updates.length + offset));
    else if (offset !== undefined) {
      while (this.updates.length > 0 && this.updates[0]!.update_id < offset) this.updates.shift();
    }
    // A newer call ends the one still waiting, as Telegram does.
    this.poller?.answer(fakeErrors.otherPoller());
    this.poller = null;
    if (this.updates.length > 0 || timeoutS <= 0) return Promise.resolve(this.updates.slice(0, limit));
    return new Promise<FakeUpdate[]>((resolve, reject) => {
      const poller: Poller = {
        limit,
        answer: (result) => {
          clearTimeout(timer);
          if (this.poller === poller) this.poller = null;
          if (Array.isArray(result)) resolve(result);
          else reject(result);
        },
      };
      const timer = setTimeout(() => poller.answer([]), timeoutS * 1000);
      hangUp?.addEventListener('abort', () => poller.answer([]), { once: true });
      this.poller = poller;
    });
  }

  /** The waiting long poll goes away (its client hung up). */
  dropPoller(): void {
    this.poller?.answer([]);
    this.poller = null;
  }

  setWebhook(webhook: FakeWebhook | null, dropPending: boolean): void {
    if (dropPending) this.updates.length = 0;
    this.webhook = webhook;
    if (webhook) {
      this.poller?.answer(fakeErrors.webhookActive());
      this.poller = null;
      void this.deliver();
    }
  }

  private wakePoller(): void {
    const poller = this.poller;
    if (poller) poller.answer(this.updates.slice(0, poller.limit));
  }

  /** Posts queued updates one at a time; a non-2xx answer is retried, then the update is given up. */
  private async deliver(): Promise<void> {
    if (this.delivering) return;
    this.delivering = true;
    try {
      while (this.webhook && this.updates.length > 0) {
        const webhook = this.webhook;
        const update = this.updates[0]!;
        let error: string | null = null;
        for (let attempt = 0; attempt <= this.delivery.retries; attempt++) {
          if (attempt > 0) await new Promise((r) => setTimeout(r, this.delivery.retryDelayMs * attempt));
          error = await this.post(webhook, update);
          if (error === null) break;
        }
        if (error !== null) {
          webhook.lastErrorDate = Math.floor(this.delivery.now() / 1000);
          webhook.lastErrorMessage = error;
        }
        if (this.updates[0] === update) this.updates.shift();
      }
    } finally {
      this.delivering = false;
    }
  }

  private async post(webhook: FakeWebhook, update: FakeUpdate): Promise<string | null> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (webhook.secretToken) headers['x-telegram-bot-api-secret-token'] = webhook.secretToken;
    try {
      const response = await this.delivery.fetch(webhook.url, {
        method: 'POST',
        headers,
        body: JSON.stringify(update),
      });
      await response.arrayBuffer();
      return response.ok
        ? null
        : `Wrong response from the webhook: ${response.status} ${response.statusText}`;
    } catch (error) {
      return `Connection failed: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
}
