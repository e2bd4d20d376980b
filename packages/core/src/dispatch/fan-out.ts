import type { CoreContext } from '../services/core-context.js';
import type { BroadcastProgress } from './broadcast-progress.js';

export interface FanOutSettings {
  leaseMs: number;
  fanOutChunk: number;
  fanOutAhead: number;
}

/**
 * The fan-outs one worker holds: it claims due broadcasts (scheduled ones whose time came, and unfinished ones
 * whose lease ran out) and reads their audience a chunk at a time — only while the outbox has room, so recipients
 * are streamed in as sending goes and never all held.
 */
export class FanOuts {
  readonly #held = new Set<string>();

  constructor(
    private readonly ctx: CoreContext,
    private readonly settings: FanOutSettings,
    private readonly progress: BroadcastProgress,
  ) {}

  /** One chunk of every held fan-out with room; true if any chunk was read. */
  async step(): Promise<boolean> {
    const { store, workspaceId, clock } = this.ctx;
    for (const claimed of await store.broadcasts.claimFanOut(
      workspaceId,
      clock.now(),
      this.settings.leaseMs,
    )) {
      this.#held.add(claimed.id);
    }
    let progressed = false;
    for (const id of this.#held) {
      if (!(await this.#hasRoom(id))) continue;
      const result = await store.broadcasts.fanOut(workspaceId, id, {
        limit: this.settings.fanOutChunk,
        now: clock.now(),
        leaseMs: this.settings.leaseMs,
      });
      progressed = true;
      if (result === null || result.nextCursor === null) {
        this.#held.delete(id);
        if (result !== null) await this.progress.check(id, true);
      }
    }
    return progressed;
  }

  /** A held fan-out could read a chunk now. */
  async ready(): Promise<boolean> {
    for (const id of this.#held) if (await this.#hasRoom(id)) return true;
    return false;
  }

  async #hasRoom(id: string): Promise<boolean> {
    return (
      (await this.ctx.store.deliveries.countQueued(this.ctx.workspaceId, id)) < this.settings.fanOutAhead
    );
  }
}
