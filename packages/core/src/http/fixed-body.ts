import { delegateRest } from './delegate.js';

const realKey = Symbol('tidings.realResponse');
const bodyKey = Symbol('tidings.fixedBody');

/**
 * A Response whose whole body is a string known up front (a small JSON answer). It is an `instanceof Response`:
 * status, statusText, ok, headers, bodyUsed and the body readers are served directly; any other member (body as a
 * stream, clone, blob, ...) turns it into a real Response once. An adapter writes it in one go (`fixedBodyOf`).
 */
class FixedResponse {
  readonly #body: string;
  readonly #status: number;
  readonly #statusText: string;
  readonly #headers: Headers;
  #used = false;
  #real: Response | null = null;

  constructor(body: string, init: ResponseInit) {
    this.#body = body;
    this.#status = init.status ?? 200;
    this.#statusText = init.statusText ?? '';
    this.#headers = new Headers(init.headers);
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
    return this.#real ? this.#real.headers : this.#headers;
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

  /** Internal: the real Response this one stands for, made once. */
  [realKey](): Response {
    if (this.#real) return this.#real;
    const real = new Response(this.#body, {
      status: this.#status,
      statusText: this.#statusText,
      headers: this.#headers,
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

/** The body of a `fixedResponse` nobody has read or streamed; `undefined` for any other Response. */
export function fixedBodyOf(response: Response): string | undefined {
  return response instanceof FixedResponse ? (response as FixedResponse)[bodyKey] : undefined;
}
