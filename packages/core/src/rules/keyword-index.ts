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
export class KeywordIndex {
  readonly #byKey = new Map<string, number[]>();
  readonly #open: number[] = [];

  /** Rules must be added in their order. */
  add(position: number, condition: Condition): void {
    const keys = gatingKeywords(condition);
    if (!keys) {
      this.#open.push(position);
      return;
    }
    for (const key of new Set(keys)) {
      const list = this.#byKey.get(key);
      if (list) list.push(position);
      else this.#byKey.set(key, [position]);
    }
  }

  /** The positions to test for a message with this keyword key, in rule order. */
  candidates(key: string): readonly number[] {
    const keyed = this.#byKey.get(key);
    if (!keyed) return this.#open;
    if (this.#open.length === 0) return keyed;
    const merged: number[] = [];
    let i = 0;
    let j = 0;
    while (i < keyed.length || j < this.#open.length) {
      const a = keyed[i] ?? Number.POSITIVE_INFINITY;
      const b = this.#open[j] ?? Number.POSITIVE_INFINITY;
      if (a < b) {
        merged.push(a);
        i++;
      } else {
        merged.push(b);
        j++;
      }
    }
    return merged;
  }
}
