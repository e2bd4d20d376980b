import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Clock } from '@tidings/core';
import { hmacKey } from '../signature.js';
import { FakeGraphError } from './fake-errors.js';
import { requestHandler } from './fake-http.js';
import { FakeLimiter } from './fake-limits.js';
import { loadOpenApi } from './fake-openapi.js';
import { postStatus } from './fake-statuses.js';
import { type FakeSubscriber, fakeSubscriber } from './fake-subscriber.js';
import {
  defaultLimits,
  type FakeFault,
  type FakeLimits,
  type FakeNumber,
  type FakeRequest,
  type FakeSentMessage,
  type FakeWebhook,
  type FaultTarget,
} from './fake-types.js';
import { WebhookOutbox } from './fake-webhooks.js';
import type { FakeBehaviour, FakeWorld, SubscriberState } from './fake-world.js';

export interface FakeWhatsAppOptions {
  /** The numbers it serves; one by default. */
  numbers?: { phoneNumberId?: string; displayNumber?: string }[];
  accessToken?: string;
  appSecret?: string;
  /** Limits enforced on sends (80/s per number, 6 s per pair, a tier of 250 a day); `false` turns them off. */
  limits?: Partial<FakeLimits> | false;
  /**
   * The clock for limits, timestamps and automatic statuses (a manual clock in tests). Without one, time is real
   * and statuses wait for `flushStatuses()`.
   */
  clock?: Clock;
  /** Path of Meta's OpenAPI YAML: every request body and webhook is checked against it. */
  openapi?: string | URL;
  behaviour?: Partial<FakeBehaviour>;
}

/** A fake WhatsApp Cloud API on 127.0.0.1: point a client's base URL at `baseUrl`. */
export interface FakeWhatsApp {
  /** `http://127.0.0.1:<port>`: requests go to `<baseUrl>/<version>/<phone-number-id>/messages`. */
  readonly baseUrl: string;
  readonly accessToken: string;
  readonly appSecret: string;
  readonly numbers: readonly FakeNumber[];
  number(phoneNumberId?: string): FakeNumber;
  /** Subscribes the app's webhook: the GET handshake with the verify token, as Meta does; throws if refused. */
  setWebhook(url: string, verifyToken: string): Promise<void>;
  /** A person (new unless `phone` names a known one). `hidePhone`: webhooks carry only the business-scoped id. */
  subscriber(options?: { phone?: string; name?: string; hidePhone?: boolean }): FakeSubscriber;
  /** Every message the numbers sent and the fake accepted, in order. */
  readonly sent: readonly FakeSentMessage[];
  readonly requests: readonly FakeRequest[];
  readonly webhooks: readonly FakeWebhook[];
  /** Makes the next matching sends fail (once unless `times`). */
  inject(fault: FakeFault, target?: FaultTarget): void;
  clearFaults(): void;
  /** Reports a status for a sent message now (e.g. `failed` with a code). */
  reportStatus(wamid: string, status: 'sent' | 'delivered' | 'read' | 'failed', code?: number): Promise<void>;
  /** Without a clock: sends the statuses held so far. */
  flushStatuses(): void;
  /** Resolves when every webhook was delivered. */
  idle(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

interface ArmedFault {
  fault: FakeFault;
  target: FaultTarget;
  remaining: number;
}

/**
 * @example
 * const meta = await fakeWhatsApp({ openapi: metaSpecPath });
 * const client = new WhatsAppClient({ accessToken: meta.accessToken, baseUrl: meta.baseUrl }); // @kapso/whatsapp-cloud-api
 * await meta.setWebhook('http://127.0.0.1:3000/tidings/webhooks/whatsapp', 'verify-me');
 * await meta.subscriber({ name: 'Ana' }).send('START');
 */
export async function fakeWhatsApp(options: FakeWhatsAppOptions = {}): Promise<FakeWhatsApp> {
  const accessToken = options.accessToken ?? 'EAAG-fake-access-token-0123456789';
  const appSecret = options.appSecret ?? 'fake-app-secret-0123456789';
  const clock = options.clock ?? null;
  const now = clock ? () => clock.now() : Date.now;
  const openapi = options.openapi ? await loadOpenApi(options.openapi) : null;
  const held: (() => void)[] = [];
  let counter = 0;
  const world: FakeWorld = {
    numbers: new Map(),
    byPhone: new Map(),
    byBsuid: new Map(),
    sent: [],
    byWamid: new Map(),
    requests: [],
    inboundIds: new Set(),
    media: new Map(),
    limiter: new FakeLimiter(options.limits === false ? false : { ...defaultLimits, ...options.limits }),
    outbox: new WebhookOutbox(hmacKey(appSecret), () => openapi),
    openapi,
    behaviour: {
      throttleStatus: 400,
      windowErrors: 'status',
      blockedAnswer: 'silent',
      sentAfterMs: 100,
      deliveredAfterMs: 500,
      readAfterMs: null,
      ...options.behaviour,
    },
    clock,
    now,
    later(fn, delayMs) {
      if (clock) clock.setTimer(fn, delayMs);
      else held.push(fn);
    },
    nextId(prefix) {
      counter++;
      const tail = Buffer.from(`${now()}:${counter}`).toString('base64').replace(/=+$/, '');
      return `${prefix}${tail}`;
    },
    wabaId: '419561257915477',
  };
  (options.numbers ?? [{}]).forEach((n, i) => {
    const number: FakeNumber = {
      phoneNumberId: n.phoneNumberId ?? String(106_540_352_242_922 + i),
      displayNumber: (n.displayNumber ?? `1555078388${i}`).replace(/\D/g, ''),
    };
    world.numbers.set(number.phoneNumberId, number);
  });
  const numberOf = (id?: string) => {
    const number = id === undefined ? [...world.numbers.values()][0] : world.numbers.get(id);
    if (!number) throw new RangeError(`the fake WhatsApp has no number ${id}`);
    return number;
  };
  const faults: ArmedFault[] = [];
  const takeFault = (phoneNumberId: string, to: string) => {
    const armed = faults.find(
      (f) =>
        (f.target.phoneNumberId === undefined || f.target.phoneNumberId === phoneNumberId) &&
        (f.target.to === undefined || f.target.to.replace(/^\+/, '') === to),
    );
    if (!armed) return undefined;
    if (--armed.remaining <= 0) faults.splice(faults.indexOf(armed), 1);
    return armed.fault;
  };
  let nextPhone = 4_915_112_000_000;

  const sockets = new Set<Socket>();
  const handle = requestHandler(world, accessToken, takeFault);
  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    accessToken,
    appSecret,
    get numbers() {
      return [...world.numbers.values()];
    },
    number: numberOf,
    async setWebhook(url, verifyToken) {
      const challenge = String(1_158_201_444 + counter);
      const target = new URL(url);
      target.searchParams.set('hub.mode', 'subscribe');
      target.searchParams.set('hub.challenge', challenge);
      target.searchParams.set('hub.verify_token', verifyToken);
      const response = await fetch(target);
      const text = await response.text();
      if (response.status !== 200 || text !== challenge) {
        throw new Error(
          `the webhook at ${url} did not answer the challenge (${response.status} ${text.slice(0, 80)})`,
        );
      }
      world.outbox.url = url;
    },
    subscriber(o = {}) {
      const phone = o.phone?.replace(/\D/g, '') ?? String(nextPhone++);
      let state = world.byPhone.get(phone);
      if (!state) {
        state = {
          phone,
          bsuid: `US.${BigInt(phone) * 7919n + 13491208655302741918n}`,
          name: o.name ?? `Person ${phone.slice(-4)}`,
          hidePhone: o.hidePhone ?? false,
          lastInbound: new Map(),
          blocked: new Set(),
          stoppedMarketing: false,
          received: [],
        } satisfies SubscriberState;
        world.byPhone.set(phone, state);
        world.byBsuid.set(state.bsuid, state);
      }
      return fakeSubscriber(world, state, numberOf);
    },
    get sent() {
      return world.sent;
    },
    get requests() {
      return world.requests;
    },
    get webhooks() {
      return world.outbox.sent;
    },
    inject(fault, target = {}) {
      faults.push({ fault, target, remaining: target.times ?? 1 });
    },
    clearFaults() {
      faults.length = 0;
    },
    reportStatus(wamid, status, code) {
      const message = world.byWamid.get(wamid);
      if (!message) throw new RangeError(`the fake WhatsApp sent no message ${wamid}`);
      const error =
        status === 'failed' ? new FakeGraphError(400, code ?? 131026, 'Failed', 'Failed.') : undefined;
      return postStatus(world, message, status, error);
    },
    flushStatuses() {
      for (const fn of held.splice(0)) fn();
    },
    async idle(timeoutMs = 5000) {
      const until = Date.now() + timeoutMs;
      while (!world.outbox.idle) {
        if (Date.now() > until) throw new Error(`the fake WhatsApp did not get idle within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 2));
      }
    },
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}
