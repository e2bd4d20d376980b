import { keywordKey } from './keyword-key.js';
import type { Condition } from './rule-schema.js';

/**
 * The keywords one of which the message must be for `c` to hold, or null when no keyword gates it.
 * `keyword A and on whatsapp` → [A]; `keyword A or keyword B` → [A, B]; `not keyword A` → null.
 */
export function gatingKeywords(c: Condition): string[] | null {
  switch (c.type) {
    case 'keyword':
      return [keywordKey(c.keyword)];
    case 'and': {
      let best: string[] | null = null;
      for (const child of c.conditions) {
        const keys = gatingKeywords(child);
        if (keys && (!best || keys.length < best.length)) best = keys;
      }
      return best;
    }
    case 'or': {
      const keys: string[] = [];
      for (const child of c.conditions) {
        const childKeys = gatingKeywords(child);
        if (!childKeys) return null;
        keys.push(...childKeys);
      }
      return keys;
    }
    default:
      return null;
  }
}

/**
 * Message rules by the keyword that gates them, so a message is tested only against the rules of its own
 * keyword plus the rules no keyword gates: 1,000 keyword rules cost one map lookup, not 1,000 tests.
 */
export class KeywordIndex<T extends { readonly index: number }> {
  readonly #byKey = new Map<string, T[]>();
  readonly #open: T[] = [];

  /** Items must be added in their order (ascending `index`). */
  add(item: T, condition: Condition): void {
    const keys = gatingKeywords(condition);
    if (!keys) {
      this.#open.push(item);
      return;
    }
    for (const key of new Set(keys)) {
      const list = this.#byKey.get(key);
      if (list) list.push(item);
      else this.#byKey.set(key, [item]);
    }
  }

  /** The items to test for a message with this keyword key, in order; no copy when one list will do. */
  candidates(key: string): readonly T[] {
    const keyed = this.#byKey.get(key);
    if (!keyed) return this.#open;
    if (this.#open.length === 0) return keyed;
    const merged: T[] = [];
    let i = 0;
    let j = 0;
    while (i < keyed.length || j < this.#open.length) {
      const a = keyed[i];
      const b = this.#open[j];
      if (a && (!b || a.index < b.index)) {
        merged.push(a);
        i++;
      } else {
        merged.push(b!);
        j++;
      }
    }
    return merged;
  }
}
