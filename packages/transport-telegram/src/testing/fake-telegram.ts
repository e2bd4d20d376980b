import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { answerError, applyFault, faultStatus, writeJson } from './fake-answer.js';
import { readParams } from './fake-body.js';
import { FakeBot } from './fake-bot.js';
import { FakeApiError, fakeErrors } from './fake-errors.js';
import { runMethod } from './fake-methods.js';
import { defaultRateLimits, FakeRateLimiter, type FakeRateLimits } from './fake-rate-limit.js';
import { sendMethods } from './fake-send.js';
import type { FakeBotInfo, FakeFault, FakeRequest, FakeSentMessage, FaultTarget } from './fake-types.js';
import { type FakeUser, fakeUser } from './fake-user.js';
import type { FakeUserState, FakeWorld } from './fake-world.js';

export interface FakeTelegramOptions {
  /** The bots it serves; one `tidings_test_bot` by default. Tokens are made up when not given. */
  bots?: { username: string; token?: string; firstName?: string }[];
  /** The limits enforced on sends (30/s per bot, 1 s per chat by default); `false` turns them off. */
  rateLimits?: Partial<FakeRateLimits> | false;
  /** The clock the limits and message dates are measured on (e.g. a manual clock's `now`). */
  now?: () => number;
  /** Webhook POSTs retried this often after a non-2xx answer (default 3), `retryDelayMs × attempt` apart. */
  webhookRetries?: number;
  webhookRetryDelayMs?: number;
}

/** A fake Telegram Bot API on 127.0.0.1: point a client's `apiRoot` at `apiRoot`. */
export interface FakeTelegram {
  readonly apiRoot: string;
  readonly bots: readonly FakeBotInfo[];
  bot(username?: string): FakeBotInfo;
  /** A user to play (a new one each call unless `id` names an existing one). */
  user(options?: { id?: number; firstName?: string; lastName?: string; languageCode?: string }): FakeUser;
  /** Every message the bots sent and the fake accepted, in order. */
  readonly sent: readonly FakeSentMessage[];
  /** Every API request with its answer's status. */
  readonly requests: readonly FakeRequest[];
  /** Makes the next matching requests fail (once unless `times`); sends by default. */
  inject(fault: FakeFault, target?: FaultTarget): void;
  clearFaults(): void;
  setRateLimits(limits: Partial<FakeRateLimits> | false): void;
  /** The bot's webhook as set with setWebhook, or null. */
  webhookOf(username?: string): { url: string; secretToken?: string } | null;
  /** Resolves when every update was fetched and confirmed, or delivered to the webhook. */
  idle(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

interface ArmedFault {
  fault: FakeFault;
  method: string;
  bot: string | undefined;
  remaining: number;
}

/**
 * @example
 * const telegram = await fakeTelegram({ bots: [{ username: 'news_bot' }] });
 * const bot = new Bot(telegram.bot().token, { client: { apiRoot: telegram.apiRoot } }); // grammY
 * telegram.user({ firstName: 'Ana' }).pressStart('news_bot', 'abc');
 * await telegram.close();
 */
export async function fakeTelegram(options: FakeTelegramOptions = {}): Promise<FakeTelegram> {
  const now = options.now ?? Date.now;
  let limiter = new FakeRateLimiter(limitsOf(options.rateLimits));
  const world: FakeWorld = {
    bots: new Map(),
    byToken: new Map(),
    users: new Map(),
    sent: [],
    requests: [],
    get limiter() {
      return limiter;
    },
    now,
    fileCounter: 0,
  };
  const delivery = {
    retries: options.webhookRetries ?? 3,
    retryDelayMs: options.webhookRetryDelayMs ?? 50,
    fetch: globalThis.fetch.bind(globalThis),
    now,
  };
  (options.bots ?? [{ username: 'tidings_test_bot' }]).forEach((b, i) => {
    const id = 7_000_000_001 + i;
    const token = b.token ?? `${id}:FAKE-${b.username}-${'x'.repeat(20)}`;
    const bot = new FakeBot(
      {
        id: Number(token.split(':')[0]) || id,
        token,
        username: b.username,
        firstName: b.firstName ?? b.username,
      },
      delivery,
    );
    world.bots.set(b.username, bot);
    world.byToken.set(token, bot);
  });
  const faults: ArmedFault[] = [];
  const held = new Set<ServerResponse>();
  const sockets = new Set<Socket>();
  let nextUserId = 5_550_001;

  const botOf = (name?: string) => {
    const bot = name === undefined ? [...world.bots.values()][0] : world.bots.get(name.replace(/^@/, ''));
    if (!bot) throw new RangeError(`the fake Telegram has no bot "${name}"`);
    return bot;
  };

  const takeFault = (bot: FakeBot, method: string): FakeFault | undefined => {
    const armed = faults.find(
      (f) =>
        (f.method === '*' || f.method === method || (f.method === 'send*' && method in sendMethods)) &&
        (f.bot === undefined || f.bot === bot.info.username),
    );
    if (!armed) return undefined;
    if (--armed.remaining <= 0) faults.splice(faults.indexOf(armed), 1);
    return armed.fault;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const match = /^\/bot([^/]+)\/(?:test\/)?([^/]+)$/.exec(url.pathname);
    const log = (entry: Omit<FakeRequest, 'at'>) => world.requests.push({ at: now(), ...entry });
    if (!match) {
      req.resume();
      return answerError(res, fakeErrors.notFound());
    }
    const bot = world.byToken.get(decodeURIComponent(match[1]!));
    const method = match[2]!.toLowerCase();
    if (!bot) {
      req.resume();
      log({ bot: null, method, status: 401, injected: false });
      return answerError(res, fakeErrors.unauthorized());
    }
    const hangUp = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) hangUp.abort();
    });

    let chatId: number | undefined;
    try {
      const params = await readParams(req, url);
      chatId = Number(params.chat_id) || undefined;
      const fault = takeFault(bot, method);
      if (fault) {
        log({
          bot: bot.info.username,
          method,
          status: faultStatus(fault),
          injected: true,
          ...(chatId ? { chatId } : {}),
        });
        return applyFault(fault, res, held);
      }
      const answer = await runMethod(world, bot, method, params, hangUp.signal);
      log({ bot: bot.info.username, method, status: 200, injected: false, ...(chatId ? { chatId } : {}) });
      if (!res.writableEnded)
        writeJson(res, 200, {
          ok: true,
          result: answer.result,
          ...(answer.description ? { description: answer.description } : {}),
        });
    } catch (error) {
      const apiError = error instanceof FakeApiError ? error : fakeErrors.server(500);
      log({
        bot: bot.info.username,
        method,
        status: apiError.code,
        injected: false,
        ...(chatId ? { chatId } : {}),
      });

      if (!res.writableEnded) answerError(res, apiError);
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  server.keepAliveTimeout = 30_000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    apiRoot: `http://127.0.0.1:${port}`,
    get bots() {
      return [...world.bots.values()].map((b) => b.info);
    },
    bot: (username) => botOf(username).info,
    user(userOptions = {}) {
      const id = userOptions.id ?? nextUserId++;
      let state = world.users.get(id);
      if (!state) {
        state = {
          id,
          firstName: userOptions.firstName ?? `User${id}`,
          ...(userOptions.lastName ? { lastName: userOptions.lastName } : {}),
          languageCode: userOptions.languageCode ?? 'en',
          started: new Set(),
          blocked: new Set(),
          deactivated: false,
          received: [],
        } satisfies FakeUserState;
        world.users.set(id, state);
      }
      return fakeUser(world, state, botOf);
    },
    get sent() {
      return world.sent;
    },
    get requests() {
      return world.requests;
    },
    inject(fault, target = {}) {
      faults.push({
        fault,
        method: (target.method ?? 'send*').toLowerCase(),
        bot: target.bot?.replace(/^@/, ''),
        remaining: target.times ?? 1,
      });
    },
    clearFaults: () => {
      faults.length = 0;
    },
    setRateLimits(limits) {
      limiter = new FakeRateLimiter(limitsOf(limits));
    },
    webhookOf(username) {
      const w = botOf(username).webhook;
      return w ? { url: w.url, ...(w.secretToken ? { secretToken: w.secretToken } : {}) } : null;
    },
    async idle(timeoutMs = 5000) {
      const until = Date.now() + timeoutMs;
      while (![...world.bots.values()].every((b) => b.idle)) {
        if (Date.now() > until) throw new Error(`the fake Telegram did not get idle within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 5));
      }
    },
    async close() {
      for (const bot of world.bots.values()) bot.dropPoller();
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
