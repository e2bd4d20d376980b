import { delegateRest } from './delegate.js';
import { headerToken } from './header-token.js';

const realKey = Symbol('tidings.realHeaders');

/** An adapter's request headers: lowercase names, repeated values as an array (Node's `req.headers`). */
export type HeaderRecord = Readonly<Record<string, string | string[] | undefined>>;

/**
 * Headers read straight from an adapter's header record, so the hot webhook path does not build undici Headers per
 * request just to `get` two or three of them. It is an `instanceof Headers`: `get` and `has` are served from the
 * record (a repeated header joined with ", ", as Headers does); any other member (set, append, forEach, iteration,
 * ...) turns it into real Headers once, and from then on every member is theirs.
 */
export class LightHeaders {
  readonly #record: HeaderRecord;
  #real: Headers | null = null;

  constructor(record: HeaderRecord) {
    this.#record = record;
  }

  get(name: string): string | null {
    if (this.#real) return this.#real.get(name);
    const value = this.#record[name.toLowerCase()];
    if (value === undefined) {
      // A name Headers refuses is refused here too.
      if (!headerToken.test(name)) throw new TypeError(`Headers.get: "${name}" is an invalid header name.`);
      return null;
    }
    return typeof value === 'string' ? value : value.join(', ');
  }

  has(name: string): boolean {
    return this.get(name) !== null;
  }

  /** Internal: the real Headers this stands for, made once. */
  [realKey](): Headers {
    if (this.#real) return this.#real;
    const headers = new Headers();
    for (const name in this.#record) {
      const value = this.#record[name];
      if (value === undefined) continue;
      if (typeof value === 'string') headers.append(name, value);
      else for (const v of value) headers.append(name, v);
    }
    this.#real = headers;
    return headers;
  }
}

// Every other member of Headers (set, append, delete, forEach, entries, getSetCookie, ...) is the real Headers'.
delegateRest(LightHeaders.prototype, Headers.prototype, realKey);

/** Headers for an adapter's header record. */
export function lightHeaders(record: HeaderRecord): Headers {
  return new LightHeaders(record) as unknown as Headers;
}
