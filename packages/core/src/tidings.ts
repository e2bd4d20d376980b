import { sleepOn } from './clock/sleep.js';
import { buildChain, defaultWrappers, pacingLimits } from './dispatch/default-chain.js';
import { Dispatcher } from './dispatch/dispatcher.js';

import { EventBus } from './events/event-bus.js';
import type { Listener, TidingsEventName } from './events/event-map.js';
import { createHandler, type TidingsHandler } from './http/handler.js';
import { type ResolvedOptions, resolveOptions, type TidingsOptions } from './options.js';
import type { InboundEvent } from './ports/inbound-event.js';
import { createRules } from './rules/create-rules.js';
import type { RulesApi } from './rules/rules-service.js';
import { type BroadcastsApi, broadcastsApi } from './services/broadcasts/broadcasts-service.js';
import { ChannelCache } from './services/channel-cache.js';
import { type ChannelsApi, channelsApi } from './services/channels-service.js';
import { type ContactsApi, contactsApi } from './services/contacts-service.js';
import type { CoreContext } from './services/core-context.js';
import { InboundPipeline } from './services/inbound.js';
import type { InboxApi } from './services/inbox/inbox-api.js';
import { inboxApi } from './services/inbox/inbox-service.js';
import { KeyedLock } from './services/keyed-lock.js';
import { type OptinsApi, optinsApi } from './services/optins-service.js';
import { type SendersApi, sendersApi } from './services/senders-service.js';
import type { StatsApi } from './services/stats/stats-api.js';
import { statsApi } from './services/stats/stats-service.js';
import { transportFor } from './services/transports.js';

/** One installation of Tidings: the sub-APIs by subject, the HTTP handler, events, and the worker's lifecycle. */
export interface Tidings {
  /** `(Request) => Promise<Response>` for the widget API and webhooks, under `basePath` (F37). */
  readonly handler: TidingsHandler;
  readonly optins: OptinsApi;
  readonly contacts: ContactsApi;
  readonly channels: ChannelsApi;
  /** The auto-reply rules: set (text or JSON), get, explain, and the forward queue (F30–F32). */
  readonly rules: RulesApi;
  readonly broadcasts: BroadcastsApi;
  readonly senders: SendersApi;
  /** The shared inbox for agents: conversations, replies, assignment, notes, canned answers (F26–F29). */
  readonly inbox: InboxApi;
  /** Sign-ups per day and channel, broadcast funnels, CSV export (F36). */
  readonly stats: StatsApi;
  /** The worker's send chain, outermost first, and its id (for inspection and logs). */
  readonly dispatcher: { readonly owner: string; readonly chain: readonly string[] };
  on<E extends TidingsEventName>(event: E, listener: Listener<E>): () => void;
  off<E extends TidingsEventName>(event: E, listener: Listener<E>): void;
  /** Hands normalised events to the inbound pipeline, as a transport's webhook or polling loop would. */
  receive(transport: string, events: InboundEvent[]): Promise<void>;
  /**
   * Prepares the store, starts the dispatcher (this process becomes a worker: it sends, schedules and fans out)
   * and the transports' receiving (polling loops, the sandbox). Idempotent. An HTTP-only process never calls it.
   */
  start(): Promise<void>;
  /**
   * Stops the worker and the transports; in-flight sends finish. `abandon: true` drops everything at once and
   * writes nothing more, as a killed process would (its leases run out and another worker carries on).
   */
  stop(options?: { abandon?: boolean }): Promise<void>;
  /** Resolves when nothing is in flight and nothing is due now (for tests and scripts). */
  drain(): Promise<void>;
  /** The options after defaults were applied (read-only). */
  readonly options: Readonly<ResolvedOptions>;
}

/**
 * Wires a store, transports, channels and a clock into one Tidings installation.
 *
 * @example
 * import { createTidings, memoryStore, sandboxTransport } from '@tidings/core';
 *
 * const sandbox = sandboxTransport();
 * const tidings = createTidings({ store: memoryStore(), transports: [sandbox], businessName: 'Daily Planet' });
 * await tidings.channels.create({ slug: 'news', name: 'News', isDefault: true, welcome: 'Welcome aboard!' });
 * await tidings.start();
 * await sandbox.simulateInbound({ from: '+4915112345678', text: 'START' });
 */
export function createTidings(input: TidingsOptions): Tidings {
  const options = resolveOptions(input);
  const events = new EventBus(options.logger);
  const ctx: CoreContext = {
    options,
    store: options.store,
    clock: options.clock,
    logger: options.logger,
    events,
    workspaceId: options.workspaceId,
    transports: new Map(options.transports.map((t) => [t.name, t])),
    channels: new ChannelCache(options.store, options.workspaceId, options.clock, {
      stop: options.stopWords,
      start: options.startWords,
    }),
    wake: () => dispatcher.kick(),
  };
  const limitsOf = pacingLimits(ctx);
  const wrappers = options.wrappers
    ? options.wrappers(defaultWrappers(ctx, limitsOf))
    : defaultWrappers(ctx, limitsOf);
  const dispatcher = new Dispatcher(ctx, buildChain(ctx, wrappers), options.dispatch);

  let ready: Promise<void> | null = null;
  const init = () => {
    ready ??= Promise.resolve(options.store.init?.());
    return ready;
  };
  const inFlight = new Set<Promise<unknown>>();
  const track = <T>(work: Promise<T>): Promise<T> => {
    inFlight.add(work);
    const done = () => inFlight.delete(work);
    work.then(done, done);
    return work;
  };
  /** Every entry point waits for the store to be ready. */
  const afterInit =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      await init();
      return fn(...args);
    };
  const wrapAll = <T extends object>(api: T): T =>
    Object.fromEntries(
      Object.entries(api).map(([k, v]) => [
        k,
        typeof v === 'function' ? afterInit(v as (...a: unknown[]) => Promise<unknown>) : v,
      ]),
    ) as T;

  const wrapInbox = (api: InboxApi): InboxApi =>
    Object.assign(wrapAll(api), { agents: wrapAll(api.agents), canned: wrapAll(api.canned) });

  const lock = new KeyedLock();
  const rules = createRules(ctx, lock, track);
  const pipeline = new InboundPipeline(ctx, lock, rules.runner);
  const optins = wrapAll(optinsApi(ctx));
  const rawHandler = createHandler(ctx, optins, pipeline);
  const receive = (name: string, list: InboundEvent[]) =>
    track(init().then(() => pipeline.receive(transportFor(ctx, name), list)));
  let started = false;
  const broadcasts = wrapAll(
    broadcastsApi(ctx, {
      limitsOf,
      frequencyCap: options.frequencyCap?.perDay ?? null,
      quietHours: options.quietHours,
      fetch: options.fetch,
      defaultSpreadMs: options.dispatch.spreadMs,
    }),
  );
  /** Inbound work first, then whatever it queued that is due now, until both are quiet. */
  const settle = async () => {
    do {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
      await dispatcher.settle();
    } while (inFlight.size > 0);
  };

  return {
    handler: (request, context) => track(init().then(() => rawHandler(request, context))),
    optins,
    contacts: wrapAll(contactsApi(ctx)),
    channels: wrapAll(channelsApi(ctx)),
    rules: wrapAll(rules.api),
    broadcasts,
    senders: wrapAll(sendersApi(ctx, broadcasts)),
    inbox: wrapInbox(inboxApi(ctx)),
    stats: wrapAll(statsApi(ctx)),
    dispatcher: { owner: dispatcher.owner, chain: wrappers.map((w) => w.name).concat('transport') },
    on: (event, listener) => events.on(event, listener),
    off: (event, listener) => events.off(event, listener),
    receive,
    async start() {
      await init();
      if (started) return;
      started = true;
      rules.worker.start();
      dispatcher.start();
      for (const transport of ctx.transports.values()) {
        await transport.start?.({
          receive: (list) => receive(transport.name, list),
          now: () => ctx.clock.now(),
          logger: ctx.logger,
          settle,
          sleep: (ms, signal) => sleepOn(ctx.clock, ms, signal),
        });
      }
    },
    async stop(stopOptions = {}) {
      if (!started) return;
      started = false;
      rules.worker.stop();
      await dispatcher.stop(stopOptions);
      for (const transport of ctx.transports.values()) await transport.stop?.();
    },
    drain: settle,
    options,
  };
}
