import { delegateRest } from './delegate.js';
import { headerToken } from './header-token.js';

const realKey = Symbol('tidings.realResponse');
const bodyKey = Symbol('tidings.fixedBody');
const recordKey = Symbol('tidings.fixedHeaders');

// What undici's Headers takes as it is: a token for a name; a value of bytes (no character above U+00FF) without NUL,
// CR or LF, with no surrounding whitespace (which Headers would trim). Headers given otherwise are made into Headers
// at once, which refuses or trims them as before.
const plainValue = /^(?:[^\0\r\n\t \u0100-\uffff](?:[^\0\r\n\u0100-\uffff]*[^\0\r\n\t \u0100-\uffff])?)?$/;

/** Plain headers as lowercase name → value, when Headers would take them as they are; otherwise null. */
function plainHeaders(init: HeadersInit | undefined): Record<string, string> | null {
  if (init === undefined) return {};
  if (typeof init !== 'object' || init === null || Array.isArray(init) || init instanceof Headers)
    return null;
  if (Object.getPrototypeOf(init) !== Object.prototype) return null;
  const record: Record<string, string> = {};
  for (const name of Object.keys(init)) {
    const value = (init as Record<string, unknown>)[name];
    if (typeof value !== 'string' || !headerToken.test(name) || !plainValue.test(value)) return null;
    const lower = name.toLowerCase();
    // Two spellings of one name: Headers joins them; leave that to Headers.
    if (lower in record) return null;
    record[lower] = value;
  }
  return record;
}

/**
 * A Response whose whole body is a string known up front (a small JSON answer). It is an `instanceof Response`:
 * status, statusText, ok, headers, bodyUsed and the body readers are served directly; any other member (body as a
 * stream, clone, blob, ...) turns it into a real Response once. An adapter writes it in one go (`fixedBodyOf`).
 */
class FixedResponse {
  readonly #body: string;
  readonly #status: number;
  readonly #statusText: string;
  /** The headers as given, until someone asks for `headers` (an adapter writes them without Headers). */
  #record: Record<string, string> | null;
  #headers: Headers | null;
  #used = false;
  #real: Response | null = null;

  constructor(body: string, init: ResponseInit) {
    this.#body = body;
    this.#status = init.status ?? 200;
    this.#statusText = init.statusText ?? '';
    this.#record = plainHeaders(init.headers);
    this.#headers = this.#record ? null : new Headers(init.headers);
  }

  get status(): number {
    return this.#status;
  }

  get statusText(): string {
    return this.#statusText;
  }

  get ok(): boolean {
    return this.#status >= 200 && this.#status <= 299;
  }

  get headers(): Headers {
    if (this.#real) return this.#real.headers;
    if (!this.#headers) {
      this.#headers = new Headers(this.#record!);
      this.#record = null;
    }
    return this.#headers;
  }

  get bodyUsed(): boolean {
    return this.#real ? this.#real.bodyUsed : this.#used;
  }

  async text(): Promise<string> {
    if (this.#real) return this.#real.text();
    return this.#take();
  }

  async json(): Promise<unknown> {
    if (this.#real) return this.#real.json();
    return JSON.parse(this.#take());
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    if (this.#real) return this.#real.arrayBuffer();
    return new TextEncoder().encode(this.#take()).buffer as ArrayBuffer;
  }

  async bytes(): Promise<Uint8Array> {
    if (this.#real) return new Uint8Array(await this.#real.arrayBuffer());
    return new TextEncoder().encode(this.#take());
  }

  /** Internal: the body, while nobody has read it or made the real Response. */
  get [bodyKey](): string | undefined {
    return this.#real || this.#used ? undefined : this.#body;
  }

  /** Internal: the headers as a plain lowercase record, while nobody has asked for them as Headers. */
  get [recordKey](): Readonly<Record<string, string>> | null {
    return this.#real ? null : this.#record;
  }

  /** Internal: the real Response this one stands for, made once. */
  [realKey](): Response {
    if (this.#real) return this.#real;
    const real = new Response(this.#body, {
      status: this.#status,
      statusText: this.#statusText,
      headers: this.headers,
    });
    // A body already read stays read.
    if (this.#used) void real.body?.cancel();
    this.#real = real;
    return real;
  }

  #take(): string {
    if (this.#used) throw new TypeError('Body is unusable: Body has already been read');
    this.#used = true;
    return this.#body;
  }
}
delegateRest(FixedResponse.prototype, Response.prototype, realKey);

/**
 * A Response for a body known up front; an adapter may write it in one go (see `fixedBodyOf`) instead of piping
 * a stream. Statuses a fixed body cannot have (1xx, 204, 205, 304, out of range) make a plain Response (which
 * refuses them as before).
 */
export function fixedResponse(body: string, init: ResponseInit): Response {
  const status = init.status ?? 200;
  if (status < 200 || status > 599 || status === 204 || status === 205 || status === 304) {
    return new Response(body, init);
  }
  return new FixedResponse(body, init) as unknown as Response;
}

/**
 * The headers of a `fixedResponse` as a plain lowercase record, while nobody has taken them as Headers (then they
 * may have changed: read `headers`); null otherwise.
 */
export function fixedHeadersOf(response: Response): Readonly<Record<string, string>> | null {
  return response instanceof FixedResponse ? (response as FixedResponse)[recordKey] : null;
}

/** The body of a `fixedResponse` nobody has read or streamed; `undefined` for any other Response. */
export function fixedBodyOf(response: Response): string | undefined {
  return response instanceof FixedResponse ? (response as FixedResponse)[bodyKey] : undefined;
}
