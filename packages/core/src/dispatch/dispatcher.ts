import { nanoid } from 'nanoid';
import type { TimerHandle } from '../clock/clock.js';
import type { Broadcast } from '../model/broadcast.js';
import type { Contact } from '../model/contact.js';
import type { Content } from '../model/content.js';
import type { Delivery } from '../model/delivery.js';
import type { SenderAccount } from '../model/sender.js';
import type { DeliveryFinishItem, DeliveryRetryItem } from '../ports/outbox-store.js';
import type { Transport } from '../ports/transport.js';
import type { CoreContext } from '../services/core-context.js';
import { type Disposition, dispose } from './apply-result.js';
import { BroadcastProgress } from './broadcast-progress.js';
import { FanOuts } from './fan-out.js';
import { type BatchGate, JobBatch } from './job-batch.js';
import type { SendJob, SendStep } from './send-step.js';

const broadcastCacheMs = 500;

/** A broadcast as the dispatcher sends it: the row, and its body without the template. */
interface BroadcastToSend {
  broadcast: Broadcast;
  free: Content;
}
/** A cache entry: the read (shared by the jobs asking at once), and its answer once it came. */
interface CachedBroadcast {
  at: number;
  broadcast: Promise<BroadcastToSend | null>;
  value: BroadcastToSend | null | undefined;
}
/** While full batches keep coming, broadcasts are checked for completion at most this often. */
const progressEveryMs = 1000;
/** Longest stretch of dispatching before the event loop gets a turn. */
const yieldAfterMs = 50;

export interface DispatcherSettings {
  /** Deliveries claimed at a time. */
  batchSize: number;
  /** Sends in flight at once. */
  concurrency: number;
  /** How long a claim holds before another worker may take the delivery (a crash). */
  leaseMs: number;
  /** Contacts examined per fan-out chunk. */
  fanOutChunk: number;
  fanOutAhead: number;
  /** How often a worker on a shared store looks for work other processes queued. */
  pollMs: number;
}

/**
 * The worker: claims due deliveries from the durable outbox with a lease, runs each through the chain of send
 * wrappers, and records the result before the next claim. Fans scheduled broadcasts out in resumable chunks.
 */
export class Dispatcher {
  readonly owner = `worker-${nanoid(8)}`;
  readonly #progress: BroadcastProgress;
  readonly #fanOuts: FanOuts;
  /** Batches being sent, and how many deliveries they hold together. */
  readonly #inFlight = new Set<Promise<void>>();
  #inFlightCount = 0;
  readonly #broadcasts = new Map<string, CachedBroadcast>();
  /** Broadcasts with deliveries handled since the last progress report. */
  readonly #touched = new Set<string>();
  #reportedAt = Number.NEGATIVE_INFINITY;
  #running: Promise<void> | null = null;
  #again = false;
  #started = false;
  #dead = false;
  #timer: TimerHandle | null = null;
  /** Aborted when the worker is abandoned; checked before each send, never listened to (no listener per send). */
  readonly #abandon = new AbortController();
  /** A batch's outcomes are written together: one store call for its finishes, one for its retries. */
  readonly #finishGate: BatchGate<DeliveryFinishItem, boolean> = {
    name: 'finish',
    run: async (items) =>
      // A killed worker writes nothing more: its lease runs out and another worker takes the delivery.
      this.#dead
        ? items.map(() => false)
        : this.ctx.store.deliveries.finishMany(this.ctx.workspaceId, this.owner, items),
  };
  readonly #retryGate: BatchGate<DeliveryRetryItem, boolean> = {
    name: 'retry',
    run: async (items) =>
      this.#dead
        ? items.map(() => false)
        : this.ctx.store.deliveries.retryMany(this.ctx.workspaceId, this.owner, items),
  };

  constructor(
    private readonly ctx: CoreContext,
    private readonly step: SendStep,
    private readonly settings: DispatcherSettings,
  ) {
    this.#progress = new BroadcastProgress(ctx);
    this.#fanOuts = new FanOuts(ctx, settings, this.#progress);
    ctx.events.on('broadcast.updated', ({ broadcast }) => {
      this.#broadcasts.delete(broadcast.id);
    });
  }

  start(): void {
    if (this.#dead) throw new Error('this dispatcher was abandoned; create a new Tidings to resume');
    this.#started = true;
    this.kick();
  }

  /** Stops claiming; in-flight sends finish. With `abandon` it behaves like a killed process: nothing more is written. */
  async stop(options: { abandon?: boolean } = {}): Promise<void> {
    this.#started = false;
    if (this.#timer) this.ctx.clock.clearTimer(this.#timer);
    this.#timer = null;
    if (options.abandon) {
      this.#dead = true;
      this.#abandon.abort(new Error('worker abandoned'));

      return;
    }
    await this.#running;
    await Promise.allSettled([...this.#inFlight]);
  }

  /** New work may be due: run now (or right after the current round). */
  kick(): void {
    if (!this.#started || this.#dead) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = this.#loop().finally(() => {
      this.#running = null;
      // A wake that arrived while the round was winding down (scheduling its timer) must not be lost.
      if (this.#again) this.kick();
    });
  }

  /** Resolves once nothing is due now and nothing is in flight. */
  async settle(): Promise<void> {
    for (;;) {
      if (this.#running) {
        await this.#running;
        continue;
      }
      if (this.#inFlight.size > 0) {
        await Promise.allSettled([...this.#inFlight]);
        continue;
      }
      if (!this.#started || this.#dead || !(await this.#dueNow())) return;
      this.kick();
    }
  }

  async #dueNow(): Promise<boolean> {
    const now = this.ctx.clock.now();
    if (await this.#fanOuts.ready()) return true;
    const [delivery, fanOut] = await Promise.all([
      this.ctx.store.deliveries.nextDueAt(this.ctx.workspaceId),
      this.ctx.store.broadcasts.nextFanOutAt(this.ctx.workspaceId),
    ]);
    return (delivery !== null && delivery <= now) || (fanOut !== null && fanOut <= now);
  }

  async #loop(): Promise<void> {
    let slice = performance.now();
    try {
      do {
        this.#again = false;
        while (this.#started && !this.#dead) {
          // On an in-memory store every await is a microtask: without a yield now and then, a long broadcast would
          // starve the process's timers and HTTP requests.
          if (this.ctx.clock.yield && performance.now() - slice > yieldAfterMs) {
            await this.ctx.clock.yield();
            slice = performance.now();
          }
          const fannedOut = await this.#fanOuts.step();
          // Pipelined: claim again while sends are in flight, so a delivery holding a pacing slot goes out on time.
          const room = this.settings.concurrency - this.#inFlightCount;
          if (room <= 0) {
            await Promise.race(this.#inFlight);
            continue;
          }
          const batch = await this.ctx.store.deliveries.claim(this.ctx.workspaceId, {
            owner: this.owner,
            limit: Math.min(this.settings.batchSize, room),
            now: this.ctx.clock.now(),
            leaseMs: this.settings.leaseMs,
          });
          if (batch.length > 0) this.#launch(batch);
          // While deliveries are due, the completion check (a query per broadcast on a database) can wait a second.
          await this.#reportProgress(batch.length === 0);
          // Nothing claimed and no chunk read (nothing due, or every fan-out's window is full): done for now.
          if (batch.length === 0 && !fannedOut) break;
        }
      } while (this.#again && this.#started && !this.#dead);
    } catch (error) {
      this.ctx.logger.error('the dispatcher failed a round; it tries again', { error });
      this.#wakeIn(1000);
      return;
    }
    await this.#scheduleWake();
  }

  #launch(deliveries: Delivery[]): void {
    const size = deliveries.length;
    this.#inFlightCount += size;
    const work: Promise<void> = this.#deliverBatch(deliveries)
      .catch((error: unknown) =>
        this.ctx.logger.error('a batch failed unexpectedly; its leases will run out', { error }),
      )
      .finally(() => {
        this.#inFlight.delete(work);
        this.#inFlightCount -= size;
        for (const d of deliveries) if (d.broadcastId) this.#touched.add(d.broadcastId);
        // What just ended may have made work due at once (a template fallback, a freed slot).
        this.kick();
      });
    this.#inFlight.add(work);
  }

  /** The deliveries of one claim, side by side: their contacts in one read, their store calls batched. */
  async #deliverBatch(deliveries: Delivery[]): Promise<void> {
    const { store, workspaceId } = this.ctx;
    const ids = [...new Set(deliveries.map((d) => d.contactId))];
    const contacts = contactsInOrder(deliveries, ids, await store.contacts.getMany(workspaceId, ids));
    const batch = new JobBatch(deliveries.length);
    const jobs: Promise<void>[] = new Array(deliveries.length);
    for (let i = 0; i < deliveries.length; i++) jobs[i] = this.#deliver(deliveries[i]!, contacts[i]!, batch);
    await Promise.all(jobs);
  }

  async #reportProgress(eager: boolean): Promise<void> {
    const now = this.ctx.clock.now();
    if (!eager && now - this.#reportedAt < progressEveryMs) return;
    this.#reportedAt = now;
    const touched = [...this.#touched];
    this.#touched.clear();
    for (const id of touched) await this.#progress.check(id, false);
  }

  async #scheduleWake(): Promise<void> {
    if (!this.#started || this.#dead) return;
    const [delivery, fanOut] = await Promise.all([
      this.ctx.store.deliveries.nextDueAt(this.ctx.workspaceId),
      this.ctx.store.broadcasts.nextFanOutAt(this.ctx.workspaceId),
    ]);
    const candidates = [delivery, fanOut].filter((t): t is number => t !== null);
    const now = this.ctx.clock.now();
    let delay = candidates.length ? Math.max(0, Math.min(...candidates) - now) : null;
    if (this.ctx.store.shared) delay = Math.min(delay ?? this.settings.pollMs, this.settings.pollMs);
    if (delay !== null) this.#wakeIn(delay);
  }

  #wakeIn(delayMs: number): void {
    if (this.#timer) this.ctx.clock.clearTimer(this.#timer);
    this.#timer = this.ctx.clock.setTimer(() => {
      this.#timer = null;
      this.kick();
    }, delayMs);
  }

  /**
   * One delivery of a batch: the chain, then its outcome written with the batch's. Never rejects: a failure is
   * logged, and the lease runs out. Hot path: with the broadcast cached, the job and the disposition of an
   * accepted send are made without awaiting (each await of an already known value still costs a promise and a
   * microtask turn).
   */
  async #deliver(delivery: Delivery, contact: Contact | null, batch: JobBatch): Promise<void> {
    try {
      const ready = this.#job(delivery, contact, batch);
      const job = ready instanceof Promise ? await ready : ready;
      let disposition: Disposition | Promise<Disposition>;
      if (typeof job === 'string') {
        disposition = {
          kind: 'finish',
          finish: { status: 'skipped', error: job, providerMessageId: null, at: this.ctx.clock.now() },
        };
      } else {
        disposition = dispose(this.ctx, job, await this.step(job));
        if (disposition instanceof Promise) disposition = await disposition;
      }
      // A killed worker writes nothing more: its lease runs out and another worker takes the delivery.
      if (this.#dead) return;
      if (disposition.kind === 'retry') {
        const { kind: _, ...retry } = disposition;
        await batch.seat(this.#retryGate, { id: delivery.id, retry }).answers;
        return;
      }
      const seat = batch.seat(this.#finishGate, { id: delivery.id, outcome: disposition.finish });
      const finished = (await seat.answers)[seat.index];
      // A broadcast's deliveries are reported per broadcast (`#reportProgress`), not one by one.
      if (finished && !delivery.broadcastId) await this.#progress.finished(delivery, disposition.finish);
    } catch (error) {
      this.ctx.logger.error('a delivery failed unexpectedly; its lease will run out', {
        error,
        id: delivery.id,
      });
    } finally {
      batch.end();
    }
  }

  /**
   * Broadcasts are read for every delivery, so they are cached briefly; a local edit clears the entry at once,
   * another process's edit shows within `broadcastCacheMs`. Undefined when there is no fresh, settled entry.
   */
  #cachedBroadcast(id: string): BroadcastToSend | null | undefined {
    return this.#freshEntry(id, this.ctx.clock.now())?.value;
  }

  #freshEntry(id: string, now: number): CachedBroadcast | undefined {
    const hit = this.#broadcasts.get(id);
    return hit && now - hit.at < broadcastCacheMs ? hit : undefined;
  }

  #broadcast(id: string): Promise<BroadcastToSend | null> {
    const now = this.ctx.clock.now();
    const hit = this.#freshEntry(id, now);
    if (hit) return hit.broadcast;
    const entry: CachedBroadcast = { at: now, broadcast: null!, value: undefined };
    // The promise is kept, so the jobs of a batch that all ask at once share one read.
    entry.broadcast = this.ctx.store.broadcasts.get(this.ctx.workspaceId, id).then((b) => {
      // The free-form body, made once: every recipient's job (and, unpersonalised, every kept message) shares it.
      entry.value = b ? { broadcast: b, free: withoutTemplate(b.content) } : null;
      return entry.value;
    });
    this.#broadcasts.set(id, entry);
    entry.broadcast.catch(() => {
      if (this.#broadcasts.get(id) === entry) this.#broadcasts.delete(id);
    });
    return entry.broadcast;
  }

  /** Gathers what a send needs; a reason string when it cannot happen at all. Settled at once when it can be. */
  #job(
    delivery: Delivery,
    contact: Contact | null,
    batch: JobBatch,
  ): SendJob | string | Promise<SendJob | string> {
    if (!contact) return 'the contact was erased';
    const transport = this.ctx.transports.get(delivery.transport);
    if (!transport) return `no transport "${delivery.transport}" in this installation`;
    const sender = senderOf(transport, delivery.senderId);
    if (!sender) return `no sender "${delivery.senderId}" on ${delivery.transport}`;
    const broadcastId = delivery.broadcastId;
    if (broadcastId) {
      const cached = this.#cachedBroadcast(broadcastId);
      if (cached !== undefined)
        return this.#broadcastJob(delivery, contact, transport, sender, batch, cached);
      return this.#broadcast(broadcastId).then((toSend) =>
        this.#broadcastJob(delivery, contact, transport, sender, batch, toSend),
      );
    }
    return this.#messageJob(delivery, contact, transport, sender, batch);
  }

  #broadcastJob(
    delivery: Delivery,
    contact: Contact,
    transport: Transport,
    sender: SenderAccount,
    batch: JobBatch,
    toSend: BroadcastToSend | null,
  ): SendJob | string {
    if (!toSend) return 'the broadcast was removed';
    return this.#makeJob(delivery, contact, transport, sender, batch, toSend.broadcast, toSend.free);
  }

  async #messageJob(
    delivery: Delivery,
    contact: Contact,
    transport: Transport,
    sender: SenderAccount,
    batch: JobBatch,
  ): Promise<SendJob | string> {
    const { store, workspaceId } = this.ctx;
    const message = delivery.messageId ? await store.messages.get(workspaceId, delivery.messageId) : null;
    if (!message) return 'the message was removed';
    return this.#makeJob(delivery, contact, transport, sender, batch, null, message.content);
  }

  #makeJob(
    delivery: Delivery,
    contact: Contact,
    transport: Transport,
    sender: SenderAccount,
    batch: JobBatch,
    broadcast: Broadcast | null,
    content: Content,
  ): SendJob {
    return {
      delivery,
      contact,
      transport,
      sender,
      broadcast,
      content,
      now: this.ctx.clock.now(),
      signal: this.#abandon.signal,
      batch,
    };
  }
}

/**
 * Each delivery's contact (null when erased), by position. A claim's contacts usually are distinct and come back
 * in the order asked (the memory store): then no map is built.
 */
function contactsInOrder(deliveries: Delivery[], ids: string[], found: Contact[]): (Contact | null)[] {
  if (ids.length === deliveries.length && found.length === ids.length) {
    let inOrder = true;
    for (let i = 0; i < found.length && inOrder; i++) inOrder = found[i]!.id === ids[i];
    if (inOrder) return found;
  }
  const byId = new Map<string, Contact>();
  for (const c of found) byId.set(c.id, c);
  return deliveries.map((d) => byId.get(d.contactId) ?? null);
}

/** A loop, not `find`: no closure per delivery. */
function senderOf(transport: Transport, id: string): SenderAccount | undefined {
  for (const s of transport.senders) if (s.id === id) return s;
  return undefined;
}

function withoutTemplate(content: Content): Content {
  const { template: _, ...free } = content;
  return free;
}
