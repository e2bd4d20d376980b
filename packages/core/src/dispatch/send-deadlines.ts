import type { Clock, TimerHandle } from '../clock/clock.js';

/** A send being watched: `expire` is called once if its deadline passes first. Linked into the list it is on. */
export abstract class Watched {
  deadline = 0;
  /** The neighbours on the deadlines' list: taking a send off is two pointer writes, no map churn per send. */
  earlier: Watched | null = null;
  later: Watched | null = null;
  watched = false;

  abstract expire(): void;
}

/**
 * The send timeouts of one dispatcher on one timer. Every send has the same timeout and starts no earlier than
 * the one before, so deadlines come in order: the timer waits for the oldest, and a send that answers in time is
 * only taken off a list (no timer set and cleared per send, no closure per send).
 */
export class SendDeadlines {
  #oldest: Watched | null = null;
  #newest: Watched | null = null;
  #timer: TimerHandle | null = null;

  constructor(
    private readonly clock: Clock,
    private readonly timeoutMs: number,
  ) {}

  /** Calls `watched.expire()` unless `done(watched)` is called within the timeout. */
  watch(watched: Watched): void {
    watched.deadline = this.clock.now() + this.timeoutMs;
    watched.earlier = this.#newest;
    watched.later = null;
    watched.watched = true;
    if (this.#newest) this.#newest.later = watched;
    else this.#oldest = watched;
    this.#newest = watched;
    if (this.#timer === null) this.#arm(watched.deadline);
  }

  /** The send answered (or was given up): its deadline no longer matters. */
  done(watched: Watched): void {
    if (!watched.watched) return;
    watched.watched = false;
    if (watched.earlier) watched.earlier.later = watched.later;
    else this.#oldest = watched.later;
    if (watched.later) watched.later.earlier = watched.earlier;
    else this.#newest = watched.earlier;
    watched.earlier = null;
    watched.later = null;
  }

  #arm(at: number): void {
    this.#timer = this.clock.setTimer(() => this.#fire(), Math.max(0, at - this.clock.now()));
  }

  #fire(): void {
    this.#timer = null;
    const now = this.clock.now();
    for (let oldest = this.#oldest; oldest; oldest = this.#oldest) {
      if (oldest.deadline > now) {
        this.#arm(oldest.deadline);
        return;
      }
      this.done(oldest);
      oldest.expire();
    }
  }
}
