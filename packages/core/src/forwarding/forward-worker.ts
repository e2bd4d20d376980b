import type { TimerHandle } from '../clock/clock.js';
import type { Forward, NewForward } from '../ports/rule-store.js';
import type { CoreContext } from '../services/core-context.js';
import { type DeliveryDeps, deliverForward } from './deliver-forward.js';
import { isPermanentFailure } from './notifiers.js';

/** Forwards one pass claims; a pass repeats while it finds a full batch. */
const batchSize = 20;
/** Beyond the timeout, how long a claimed forward stays leased before another worker may take it. */
const leaseMarginMs = 60_000;
/** How often a worker on a shared store looks for forwards queued by other processes (an HTTP-only one, say). */
const pollMs = 30_000;

/**
 * Delivers queued forwards from the store: claims due ones with a lease, delivers them, and on failure
 * queues them again with exponential backoff — all on the injected clock, so tests move time instead of
 * sleeping. The queue lives in the store, so a restart (a new Tidings on the same store) loses nothing.
 */
export class ForwardWorker {
  #started = false;
  #running: Promise<void> | null = null;
  #again = false;
  #timer: TimerHandle | null = null;

  constructor(
    private readonly ctx: CoreContext,
    /** Registers work with `tidings.drain()`. */
    private readonly track: <T>(work: Promise<T>) => Promise<T>,
  ) {}

  /** Queues a forward and, in a started process, delivers it at once. */
  async enqueue(forward: Omit<NewForward, 'workspaceId'>): Promise<Forward> {
    const queued = await this.ctx.store.forwards.enqueue(
      { ...forward, workspaceId: this.ctx.workspaceId },
      this.ctx.clock.now(),
    );
    this.kick();
    return queued;
  }

  start(): void {
    this.#started = true;
    this.kick();
  }

  stop(): void {
    this.#started = false;
    this.#clearTimer();
  }

  /** Works through what is due now; a call while a pass runs makes it look again afterwards. */
  kick(): void {
    if (!this.#started) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = this.#pass();
    const done = this.#running
      .catch((error: unknown) =>
        this.ctx.logger.error('the forward worker failed; it tries again later', { error }),
      )
      .finally(() => {
        this.#running = null;
        if (this.#again) {
          this.#again = false;
          this.kick();
        }
      });
    void this.track(done);
  }

  get #deps(): DeliveryDeps {
    const { options, clock } = this.ctx;
    return {
      fetch: options.fetch,
      secret: options.forwarding.secret,
      email: options.forwarding.email,
      sms: options.forwarding.sms,
      businessName: options.businessName,
      now: () => clock.now(),
    };
  }

  async #pass(): Promise<void> {
    const { store, workspaceId, clock, options } = this.ctx;
    const leaseMs = options.forwarding.timeoutMs + leaseMarginMs;
    for (;;) {
      this.#again = false;
      const batch = await store.forwards.claimDue(workspaceId, clock.now(), batchSize, leaseMs);
      await Promise.all(batch.map((f) => this.#attempt(f)));
      if (batch.length < batchSize && !this.#again) break;
    }
    await this.#schedule();
  }

  /** The wait before attempt `attempts + 1`: `backoffMs` doubling per attempt, at most `maxBackoffMs`. */
  #backoff(attempts: number): number {
    const { backoffMs, maxBackoffMs } = this.ctx.options.forwarding;
    return Math.min(maxBackoffMs, backoffMs * 2 ** Math.max(0, attempts - 1));
  }

  async #attempt(f: Forward): Promise<void> {
    const { store, workspaceId, clock, events, options, logger } = this.ctx;
    const controller = new AbortController();
    const timeout = clock.setTimer(
      () => controller.abort(new Error(`no answer within ${options.forwarding.timeoutMs} ms`)),
      options.forwarding.timeoutMs,
    );
    try {
      await deliverForward(f, this.#deps, controller.signal);
      await store.forwards.complete(workspaceId, f.id);
      events.emit('forward.sent', { forward: f });
    } catch (error) {
      const reason = controller.signal.aborted
        ? String((controller.signal.reason as Error).message)
        : error instanceof Error
          ? error.message
          : String(error);
      const final = isPermanentFailure(error) || f.attempts >= options.forwarding.maxAttempts;
      const nextAttemptAt = final ? null : clock.now() + this.#backoff(f.attempts);
      const updated = await store.forwards.fail(
        workspaceId,
        f.id,
        { error: reason, nextAttemptAt },
        clock.now(),
      );
      events.emit('forward.failed', { forward: updated ?? f, error: reason, willRetry: !final });
      if (final)
        logger.warn(`a ${f.via} forward failed for good after ${f.attempts} attempt(s): ${reason}`, {
          forwardId: f.id,
        });
    } finally {
      clock.clearTimer(timeout);
    }
  }

  /** Sleeps until the next forward is due; on a shared store, at most until the next look for others' forwards. */
  async #schedule(): Promise<void> {
    if (!this.#started) return;
    const { store, workspaceId, clock } = this.ctx;
    const next = await store.forwards.nextDueAt(workspaceId);
    this.#clearTimer();
    const wait = next === null ? Number.POSITIVE_INFINITY : Math.max(0, next - clock.now());
    const delay = store.shared ? Math.min(pollMs, wait) : wait;
    if (delay === Number.POSITIVE_INFINITY) return;

    this.#timer = clock.setTimer(() => {
      this.#timer = null;
      this.kick();
    }, delay);
  }

  #clearTimer(): void {
    if (this.#timer) this.ctx.clock.clearTimer(this.#timer);
    this.#timer = null;
  }
}
