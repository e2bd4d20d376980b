/** A binary min-heap: the memory store's due-order queues (claims must not scan a million rows). */
export class Heap<T> {
  readonly #items: T[] = [];

  constructor(private readonly before: (a: T, b: T) => boolean) {}

  get size(): number {
    return this.#items.length;
  }

  peek(): T | undefined {
    return this.#items[0];
  }

  // Hot path (every claim pops, every queued delivery pushes): the moving item is carried down or up in a hole
  // and written once, with no swap through a temporary array (`[a, b] = [b, a]` allocates one per level).
  push(item: T): void {
    const items = this.#items;
    let i = items.length;
    items.push(item);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const above = items[parent]!;
      if (!this.before(item, above)) break;
      items[i] = above;
      i = parent;
    }
    items[i] = item;
  }

  pop(): T | undefined {
    const items = this.#items;
    const top = items[0];
    const last = items.pop();
    const size = items.length;
    if (size > 0 && last !== undefined) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= size) break;
        const r = l + 1;
        let m = l;
        let child = items[l]!;
        if (r < size && this.before(items[r]!, child)) {
          m = r;
          child = items[r]!;
        }
        if (!this.before(child, last)) break;
        items[i] = child;
        i = m;
      }
      items[i] = last;
    }
    return top;
  }
}
