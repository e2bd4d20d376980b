import type { Clock, TimerHandle } from '../clock/clock.js';

/** A send being watched: called once if its deadline passes first. */
export interface Watched {
  expire(): void;
}

interface Pending {
  deadline: number;
  watched: Watched;
}

/**
 * The send timeouts of one dispatcher on one timer. Every send has the same timeout and starts no earlier than
 * the one before, so deadlines come in order: the timer waits for the oldest, and a send that answers in time is
 * only taken off a list (no timer set and cleared per send, no closure per send).
 */
export class SendDeadlines {
  readonly #pending = new Map<number, Pending>();
  #next = 0;
  #timer: TimerHandle | null = null;

  constructor(
    private readonly clock: Clock,
    private readonly timeoutMs: number,
  ) {}

  /** Calls `watched.expire()` unless `done` is called with the returned id within the timeout. */
  watch(watched: Watched): number {
    const id = ++this.#next;
    const deadline = this.clock.now() + this.timeoutMs;
    this.#pending.set(id, { deadline, watched });
    if (this.#timer === null) this.#arm(deadline);
    return id;
  }

  /** The send answered (or was given up): its deadline no longer matters. */
  done(id: number): void {
    this.#pending.delete(id);
  }

  #arm(at: number): void {
    this.#timer = this.clock.setTimer(() => this.#fire(), Math.max(0, at - this.clock.now()));
  }

  #fire(): void {
    this.#timer = null;
    const now = this.clock.now();
    for (const [id, p] of this.#pending) {
      if (p.deadline > now) {
        this.#arm(p.deadline);
        return;
      }
      this.#pending.delete(id);
      p.watched.expire();
    }
  }
}
