/**
 * Runs tasks one after another per key and in parallel across keys, so two messages from one contact
 * are handled in the order they arrived while other contacts go on.
 */
export class KeyedLock {
  readonly #tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    // Settled either way, the key is let go (unless a later task queued behind it) as the tail settles: one
    // promise per task for the bookkeeping, not two.
    const release = () => {
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    };
    const tail: Promise<void> = result.then(release, release);
    this.#tails.set(key, tail);
    return result;
  }
}
