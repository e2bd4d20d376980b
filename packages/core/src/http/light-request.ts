/**
 * A Request whose body is already at hand (bytes) or is read straight from its source (an adapter's socket), so
 * the hot webhook path does not build an undici Request and a web stream per call. It is an `instanceof Request`
 * and answers every member of one: url, method, headers and the body readers (arrayBuffer, bytes, text, json) are
 * served directly; anything else (body as a stream, blob, formData, clone, signal, ...) turns it into a real
 * Request once, and from then on every member is that Request's.
 */

/** Where a light request's body comes from. */
export interface BodySource {
  /** Reads at most `maxBytes`; `truncated` when there was more (the rest is not read). */
  read(maxBytes: number): Promise<{ bytes: Uint8Array; truncated: boolean }>;
  /** The unread body as a web stream, for a real Request. */
  stream(): ReadableStream<Uint8Array> | Uint8Array;
}

import { delegateRest } from './delegate.js';

const readCappedKey = Symbol('tidings.readCapped');
const realKey = Symbol('tidings.realRequest');
const madeRealKey = Symbol('tidings.madeReal');
const parsedUrlKey = Symbol('tidings.parsedUrl');

export class LightRequest {
  readonly #url: string;
  #parsedUrl: URL | null;
  readonly #method: string;
  #headers: Headers | (() => Headers);
  readonly #source: BodySource | null;
  #used = false;
  #real: Request | null = null;

  /** `url` may come parsed already (an adapter parses it once; the handler routes on that parse). */
  constructor(
    url: string | URL,
    method: string,
    headers: Headers | (() => Headers),
    source: BodySource | null,
  ) {
    this.#url = typeof url === 'string' ? url : url.href;
    this.#parsedUrl = typeof url === 'string' ? null : url;
    this.#method = method;
    this.#headers = headers;
    this.#source = source;
  }

  get url(): string {
    return this.#real?.url ?? this.#url;
  }

  get method(): string {
    return this.#method;
  }

  get headers(): Headers {
    if (this.#real) return this.#real.headers;
    if (typeof this.#headers === 'function') this.#headers = this.#headers();
    return this.#headers;
  }

  get bodyUsed(): boolean {
    return this.#real ? this.#real.bodyUsed : this.#used;
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    if (this.#real) return this.#real.arrayBuffer();
    // A copy: the caller owns it, as with a Request.
    return new Uint8Array(await this.#readAll()).buffer as ArrayBuffer;
  }

  async bytes(): Promise<Uint8Array> {
    if (this.#real) return new Uint8Array(await this.#real.arrayBuffer());
    return new Uint8Array(await this.#readAll());
  }

  async text(): Promise<string> {
    if (this.#real) return this.#real.text();
    return new TextDecoder().decode(await this.#readAll());
  }

  async json(): Promise<unknown> {
    if (this.#real) return this.#real.json();
    return JSON.parse(new TextDecoder().decode(await this.#readAll()));
  }

  /** Internal: the url parsed, once; `url` stays the string made at the start whatever is done to this. */
  get [parsedUrlKey](): URL {
    this.#parsedUrl ??= new URL(this.#url);
    return this.#parsedUrl;
  }

  /** Internal: whether the real Request has been made. */
  get [madeRealKey](): boolean {
    return this.#real !== null;
  }

  /** Internal: the body read under a cap (see `readBytes`). */
  [readCappedKey](maxBytes: number): Promise<{ bytes: Uint8Array; truncated: boolean }> {
    this.#claim();
    return this.#source
      ? this.#source.read(maxBytes)
      : Promise.resolve({ bytes: new Uint8Array(), truncated: false });
  }

  /** Internal: the real Request this one stands for, made once. */
  [realKey](): Request {
    if (this.#real) return this.#real;
    const hasBody = this.#source !== null && this.#method !== 'GET' && this.#method !== 'HEAD';
    const body = hasBody ? this.#source!.stream() : null;
    const real = new Request(this.#url, {
      method: this.#method,
      headers: this.headers,
      body,
      ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
    } as RequestInit);
    if (this.#used && real.body) {
      // A body already read stays read.
      void real.body.cancel();
    }
    this.#real = real;
    return real;
  }

  #claim(): void {
    if (this.#used) throw new TypeError('Body is unusable: Body has already been read');
    this.#used = true;
  }

  async #readAll(): Promise<Uint8Array> {
    this.#claim();
    if (!this.#source) return new Uint8Array();
    return (await this.#source.read(Number.POSITIVE_INFINITY)).bytes;
  }
}

// Every other member of Request (body, blob, formData, clone, signal, cache, ...) is the real Request's.
delegateRest(LightRequest.prototype, Request.prototype, realKey);

/**
 * The request's url parsed, for routing: a light request's own parse (made once), else a new one. Read it, do not
 * change it.
 */
export function parsedUrlOf(request: Request): URL {
  if (request instanceof LightRequest && !(request as LightRequest)[madeRealKey]) {
    return (request as LightRequest)[parsedUrlKey];
  }
  return new URL(request.url);
}

/** The body read under a cap, when the request can do that itself (a light request); `null` otherwise. */
export function readCappedFast(
  request: Request,
  maxBytes: number,
): Promise<{ bytes: Uint8Array; truncated: boolean }> | null {
  if (!(request instanceof LightRequest)) return null;
  const light = request as LightRequest;
  // Once made real (e.g. someone took `.body`), or once read, it is read like any Request.
  if (light[madeRealKey] || light.bodyUsed) return null;
  return light[readCappedKey](maxBytes);
}

/** A light request for the given bytes, with the request's url, method and headers. */
export function requestWithBytes(request: Request, bytes: Uint8Array): Request {
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  const source: BodySource | null = hasBody
    ? {
        read: async (maxBytes) =>
          bytes.byteLength > maxBytes
            ? { bytes: bytes.subarray(0, maxBytes), truncated: true }
            : { bytes, truncated: false },
        stream: () => bytes,
      }
    : null;
  return new LightRequest(request.url, request.method, request.headers, source) as unknown as Request;
}
