import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { readParams } from './fake-body.js';
import { FakeGraphError, fakeErrors } from './fake-errors.js';
import { answerError, applyFault, fail, faultStatus, proofMatches, writeJson } from './fake-http.js';
import { defaultRateLimits, FakeRateLimiter, type FakeRateLimits } from './fake-rate-limit.js';
import { deliverToUser, send, sendSummary } from './fake-send.js';
import type {
  FakeFault,
  FakePageInfo,
  FakeRequest,
  FakeSentMessage,
  FakeWebhookFailure,
  FaultTarget,
} from './fake-types.js';
import { type FakeMessengerUser, fakeUser } from './fake-user.js';
import { signedHeaders, WebhookQueue } from './fake-webhook.js';
import { type FakePage, type FakeUserState, type FakeWorld, nextMid, pageOf } from './fake-world.js';

export interface FakeMessengerOptions {
  /** The pages (default one, `tidings.test.page`); ids and tokens are made up when left out. */
  pages?: { name: string; pageId?: string; accessToken?: string; humanAgent?: boolean }[];
  appId?: string;
  appSecret?: string;
  /** The fake's clock (ms): webhook timestamps, the windows and the rate limits read it. */
  now?: () => number;
  /** Per-page limits; `false` turns them off. */
  rateLimits?: Partial<FakeRateLimits> | false;
  /** Whether the app gets echoes of the pages' messages (message_echoes); default true. */
  echoes?: boolean;
  /** Reject calls without `appsecret_proof` (the app's "Require App Secret" setting); a wrong proof always fails. */
  requireProof?: boolean;
  /** How often a refused webhook POST is tried again at once (default 2). */
  webhookRetries?: number;
}

/** A Messenger Platform server on 127.0.0.1: the Send API, signed page webhooks and users to play. */
export interface FakeMessenger {
  /** Put this where graph.facebook.com would be (`baseUrl`, or a client's `origin`). */
  readonly baseUrl: string;
  readonly appId: string;
  readonly appSecret: string;
  readonly pages: FakePageInfo[];
  page(ref?: string): FakePageInfo;
  user(options?: { firstName?: string }): FakeMessengerUser;
  /** Subscribes the app's callback URL after the GET handshake with `verifyToken`, as the app dashboard does. */
  subscribe(url: string, verifyToken: string): Promise<void>;
  unsubscribe(): void;
  /** A page-inbox reply by a person (not through the Send API): the user gets it, the app gets its echo. */
  sendFromInbox(page: string | undefined, psid: string, text: string): FakeSentMessage;
  /** A webhook request signed as the fake signs them (or with `signature` instead), to call `parse` directly. */
  webhookRequest(url: string, payload: unknown, options?: { signature?: string | null }): Request;
  /** Every message the pages sent, oldest first. */
  readonly sent: FakeSentMessage[];
  readonly requests: FakeRequest[];
  readonly webhookFailures: FakeWebhookFailure[];
  /** The next sends fail (once unless `times`). */
  inject(fault: FakeFault, target?: FaultTarget): void;
  clearFaults(): void;
  setRateLimits(limits: Partial<FakeRateLimits> | false): void;
  /** Whether the app may use the HUMAN_AGENT tag on the page (else code 200). */
  setHumanAgent(page: string | undefined, allowed: boolean): void;
  /** Resolves when every queued webhook was posted (or there is no subscription to post to). */
  idle(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

interface ArmedFault {
  fault: FakeFault;
  pageId: string | undefined;
  remaining: number;
}

/**
 * @example
 * const fb = await fakeMessenger({ pages: [{ name: 'dailyplanet' }] });
 * const transport = messengerTransport({ pages: fb.pages, appSecret: fb.appSecret, verifyToken: 'v', baseUrl: fb.baseUrl });
 * await fb.subscribe('http://127.0.0.1:3000/tidings/webhooks/messenger', 'v');
 * fb.user().openLink('dailyplanet', token);
 */
export async function fakeMessenger(options: FakeMessengerOptions = {}): Promise<FakeMessenger> {
  const now = options.now ?? Date.now;
  const appSecret = options.appSecret ?? 'fake-app-secret-0123456789abcdef';
  let limiter = new FakeRateLimiter(limitsOf(options.rateLimits));
  const webhooks = new WebhookQueue({
    appSecret,
    retries: options.webhookRetries ?? 2,
    fetch: globalThis.fetch.bind(globalThis),
    now,
  });
  const world: FakeWorld = {
    pages: new Map(),
    byToken: new Map(),
    users: new Map(),
    byPsid: new Map(),
    sent: [],
    requests: [],
    appId: options.appId ?? '1234567890123456',
    appSecret,
    echoes: options.echoes ?? true,
    now,
    emit: (pageId, item) => webhooks.push(pageId, item),
    failures: webhooks.failures,
    nextPsid: 7_000_000_000_000_001,
  };
  (options.pages ?? [{ name: 'tidings.test.page' }]).forEach((p, i) => {
    const pageId = p.pageId ?? String(100_000_000_000_001 + i);
    const page: FakePage = {
      info: { pageId, name: p.name, accessToken: p.accessToken ?? `EAAF${pageId}${'x'.repeat(24)}` },
      humanAgent: p.humanAgent ?? true,
      nextMid: 0,
    };
    world.pages.set(pageId, page);
    world.byToken.set(page.info.accessToken, page);
  });
  const faults: ArmedFault[] = [];
  const held = new Set<ServerResponse>();
  const sockets = new Set<Socket>();
  let nextUserId = 1;

  const takeFault = (page: FakePage): FakeFault | undefined => {
    const armed = faults.find((f) => f.pageId === undefined || f.pageId === page.info.pageId);
    if (!armed) return undefined;
    if (--armed.remaining <= 0) faults.splice(faults.indexOf(armed), 1);
    return armed.fault;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const log = (entry: Omit<FakeRequest, 'at' | 'method' | 'path'>) =>
      world.requests.push({ at: now(), method, path: url.pathname, ...entry });
    const params = await readParams(req, url);
    const bearer = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const token = typeof params.access_token === 'string' ? params.access_token : bearer;
    const match = /^\/v\d+\.\d+\/([^/]+)\/messages$/.exec(url.pathname);
    if (!token)
      return fail(res, fakeErrors.noToken(), () =>
        log({ pageId: null, status: 400, code: 2500, injected: false }),
      );
    const page = world.byToken.get(token);
    if (!page)
      return fail(res, fakeErrors.badToken(), () =>
        log({ pageId: null, status: 400, code: 190, injected: false }),
      );
    const logPage = (status: number, extra: Partial<FakeRequest> = {}) =>
      log({ pageId: page.info.pageId, status, injected: false, ...sendSummary(params), ...extra });
    const proof = params.appsecret_proof;
    if ((proof !== undefined || options.requireProof) && !proofMatches(proof, token, appSecret)) {
      return fail(res, fakeErrors.badProof(), () => logPage(400, { code: 100 }));
    }
    if (!match || method !== 'POST') {
      return fail(res, fakeErrors.unknownPath(url.pathname), () => logPage(400, { code: 2500 }));
    }
    const node = match[1]!;
    if (node !== 'me' && node !== page.info.pageId) {
      return fail(res, fakeErrors.wrongPage(node), () => logPage(400, { code: 100 }));
    }
    const fault = takeFault(page);
    if (fault) {
      logPage(faultStatus(fault), { injected: true });
      return applyFault(fault, res, held);
    }
    try {
      const result = send(world, page, params, limiter);
      logPage(200);
      writeJson(res, 200, result);
    } catch (error) {
      const graph = error instanceof FakeGraphError ? error : fakeErrors.server(500);
      logPage(graph.status, { code: graph.code });
      answerError(res, graph);
    }
  };

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
    appId: world.appId,
    appSecret,
    get pages() {
      return [...world.pages.values()].map((p) => ({ ...p.info }));
    },
    page: (ref) => ({ ...pageOf(world, ref).info }),
    user(userOptions = {}) {
      const id = nextUserId++;
      const state: FakeUserState = {
        id,
        firstName: userOptions.firstName ?? `User${id}`,
        psids: new Map(),
        lastActiveAt: new Map(),
        pendingRef: new Map(),
        blocked: new Set(),
        received: [],
        deliveredUpTo: new Map(),
        readUpTo: new Map(),
      };
      world.users.set(id, state);
      return fakeUser(world, state);
    },
    subscribe: (url, verifyToken) => webhooks.subscribe(url, verifyToken),
    unsubscribe: () => webhooks.unsubscribe(),
    sendFromInbox(ref, psid, text) {
      const page = pageOf(world, ref);
      const sent: FakeSentMessage = {
        mid: nextMid(page),
        pageId: page.info.pageId,
        psid,
        messagingType: 'RESPONSE',
        text,
        fromInbox: true,
        at: now(),
      };
      deliverToUser(world, page, sent, { text });
      return sent;
    },
    webhookRequest(url, payload, requestOptions = {}) {
      const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
      const headers = signedHeaders(body, appSecret);
      if (requestOptions.signature === null) delete headers['x-hub-signature-256'];
      else if (requestOptions.signature !== undefined)
        headers['x-hub-signature-256'] = requestOptions.signature;
      return new Request(url, { method: 'POST', headers, body });
    },
    get sent() {
      return world.sent;
    },
    get requests() {
      return world.requests;
    },
    get webhookFailures() {
      return webhooks.failures;
    },
    inject(fault, target = {}) {
      faults.push({
        fault,
        pageId: target.page === undefined ? undefined : pageOf(world, target.page).info.pageId,
        remaining: target.times ?? 1,
      });
    },
    clearFaults: () => {
      faults.length = 0;
    },
    setRateLimits(limits) {
      limiter = new FakeRateLimiter(limitsOf(limits));
    },
    setHumanAgent(ref, allowed) {
      pageOf(world, ref).humanAgent = allowed;
    },
    async idle(timeoutMs = 5000) {
      const until = Date.now() + timeoutMs;
      while (!webhooks.idle) {
        if (Date.now() > until) throw new Error(`the fake Messenger did not get idle within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 2));
      }
    },
    async close() {
      webhooks.unsubscribe();
      for (const res of held) res.destroy();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}

function limitsOf(limits: Partial<FakeRateLimits> | false | undefined): FakeRateLimits | false {
  return limits === false ? false : { ...defaultRateLimits, ...limits };
}
