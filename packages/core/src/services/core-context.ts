import type { Clock } from '../clock/clock.js';
import type { EventBus } from '../events/event-bus.js';
import type { Logger } from '../logger.js';
import type { ResolvedOptions } from '../options.js';
import type { Store } from '../ports/store.js';
import type { Transport } from '../ports/transport.js';
import type { ChannelCache } from './channel-cache.js';

/** What every service shares: the wired ports, one workspace, and the channel cache. */
export interface CoreContext {
  options: ResolvedOptions;
  store: Store;
  clock: Clock;
  logger: Logger;
  events: EventBus;
  workspaceId: string;
  transports: ReadonlyMap<string, Transport>;
  channels: ChannelCache;
  /** Tells the local dispatcher there is new work (a queued reply, a scheduled broadcast). */
  wake(): void;
}
