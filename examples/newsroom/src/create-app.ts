import { createServer, type Server } from 'node:http';
import {
  type Clock,
  createTidings,
  type Logger,
  type SandboxTransport,
  type Store,
  sandboxTransport,
  type Tidings,
} from '@tidings/core';
import type { MessengerTransport } from '@tidings/transport-messenger';
import type { TelegramTransport } from '@tidings/transport-telegram';
import {
  type WhatsAppTransport,
  type WhatsAppTransportOptions,
  whatsappTransport,
} from '@tidings/transport-whatsapp';
import { generateConsoleToken } from './console/console-auth.js';
import { consoleRoutes } from './console/console-routes.js';
import { closeServer, listen } from './listen.js';
import { type RealMessengerOptions, realMessenger } from './real-messenger.js';
import { type RealTelegramOptions, realTelegram } from './real-telegram.js';
import { createRouter } from './router.js';
import { seedChannels, seedInbox } from './seed.js';

const HOUR = 60 * 60 * 1000;
/** The reply windows of WhatsApp and Messenger, for `messengerWindows`. */
const messengerWindows = {
  whatsapp: { serviceWindowMs: 24 * HOUR, templates: true },
  messenger: { serviceWindowMs: 24 * HOUR, agentWindowMs: 7 * 24 * HOUR },
};

export interface NewsroomOptions {
  /** 0 picks a free port. Default 3000. */
  port?: number;
  /** Default `localhost`: the demo is for this machine only. */
  host?: string;
  /** The tests pass a manual clock to expire tokens without waiting. */
  clock?: Clock;
  logger?: Logger;
  /** Where Tidings keeps its data; the memory store when omitted. `main.ts` picks PGlite or PostgreSQL. */
  store?: Store;
  /** A real Telegram bot (polling) beside the sandboxes; `main.ts` sets it from `TELEGRAM_BOT_TOKEN`. */
  telegram?: RealTelegramOptions;
  /**
   * A real WhatsApp number (Cloud API) beside the sandboxes; `main.ts` sets it from `WHATSAPP_*`. Meta must reach
   * `<public URL>/tidings/webhooks/whatsapp`.
   */
  whatsapp?: WhatsAppTransportOptions;
  /** A real Messenger page (webhook) beside the sandboxes; `main.ts` sets it from the `MESSENGER_*` variables. */
  messenger?: RealMessengerOptions;
  /** What the console at `/console` asks for before it shows anything; a random one when omitted. */
  consoleToken?: string;
  /**
   * Give the sandboxes the reply windows of the messengers they play: WhatsApp 24 hours, then templates only;
   * Messenger 24 hours, then staff replies for 7 days (HUMAN_AGENT). Off by default: no window at all.
   */
  messengerWindows?: boolean;
}

export interface Newsroom {
  server: Server;
  /** The base URL, e.g. `http://localhost:3000`. */
  url: string;
  tidings: Tidings;
  /** Plays WhatsApp: sign-up with a phone number, confirmed by `START <token>` from that number. */
  sandbox: SandboxTransport;
  /** Play Telegram and Messenger: sign-up without a number, by a link that carries the token. */
  telegram: SandboxTransport;
  messenger: SandboxTransport;
  /** The real Telegram bot, when `telegram` was given. */
  realTelegram: TelegramTransport | null;
  /** The real WhatsApp number, when `whatsapp` was given. */
  realWhatsApp: WhatsAppTransport | null;
  /** The real Messenger page, when `messenger` was given; its webhook is `<url>/tidings/webhooks/messenger`. */
  realMessenger: MessengerTransport | null;
  /** The console's token (given, or generated at start). */
  consoleToken: string;
  close(): Promise<void>;
}

/**
 * Starts the demo: Tidings on the given store (memory by default) with three sandbox messengers (standing in for WhatsApp,
 * Telegram and Messenger), three channels, and an HTTP server with the sign-up page (the widget) and the
 * phone simulator.
 *
 * @example
 * const newsroom = await createNewsroom({ port: 0 });
 * await fetch(`${newsroom.url}/tidings/channels`);
 * await newsroom.close();
 */
export async function createNewsroom(options: NewsroomOptions = {}): Promise<Newsroom> {
  const server = createServer();
  // Listen first: the opt-in links must point at the simulator, and with port 0 the port is known only now.
  const url = await listen(server, options.port ?? 3000, options.host ?? 'localhost');
  try {
    const windows = options.messengerWindows ? messengerWindows : null;
    const sandbox = sandboxTransport({
      linkBase: `${url}/phone`,
      ...(windows ? { capabilities: windows.whatsapp } : {}),
    });
    // Named as what they are: sandboxes. The sign-up page maps them to the messengers they stand in for.
    const telegram = sandboxTransport({
      name: 'sandbox-telegram',
      addressKind: 'opaque',
      senders: [{ id: 'newsroom_bot', display: '@newsroom_bot' }],
      linkBase: `${url}/phone?transport=sandbox-telegram`,
    });
    const messenger = sandboxTransport({
      name: 'sandbox-messenger',
      addressKind: 'opaque',
      senders: [{ id: 'newsroom.page', display: 'Newsroom' }],
      linkBase: `${url}/phone?transport=sandbox-messenger`,
      ...(windows ? { capabilities: windows.messenger } : {}),
    });
    const real = options.telegram ? await realTelegram(options.telegram) : null;
    const realWhatsApp = options.whatsapp ? whatsappTransport(options.whatsapp) : null;
    const page = options.messenger ? realMessenger(options.messenger) : null;
    const reals = [real, page, realWhatsApp].filter((t) => t !== null);
    const sandboxes = [sandbox, telegram, messenger];
    const tidings = createTidings({
      transports: [...sandboxes, ...reals],
      businessName: 'Newsroom',
      // Tracked links in broadcasts point back at this server's Tidings handler.
      publicUrl: `${url}/tidings`,
      ...(options.store ? { store: options.store } : {}),
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.logger ? { logger: options.logger } : {}),
    });
    await seedChannels(tidings);
    await seedInbox(tidings);
    await tidings.start();

    const consoleToken = options.consoleToken ?? generateConsoleToken();
    server.on(
      'request',
      createRouter({
        tidings,
        sandboxes,
        realTelegram: real !== null,
        realWhatsApp: realWhatsApp !== null,
        realMessenger: page !== null,
        console: consoleRoutes({
          tidings,
          sandboxes,
          transports: [...sandboxes, ...reals],
          token: consoleToken,
        }),
      }),
    );
    return {
      server,
      url,
      tidings,
      sandbox,
      telegram,
      messenger,
      realTelegram: real,
      realWhatsApp,
      realMessenger: page,
      consoleToken,
      async close() {
        await tidings.stop();
        await closeServer(server);
        await options.store?.close?.();
      },
    };
  } catch (error) {
    await closeServer(server);
    throw error;
  }
}
