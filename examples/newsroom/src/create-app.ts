import { createServer, type Server } from 'node:http';
import {
  type Clock,
  createTidings,
  type Logger,
  type SandboxTransport,
  sandboxTransport,
  type Tidings,
} from '@tidings/core';
import { closeServer, listen } from './listen.js';
import { createRouter } from './router.js';
import { seedChannels } from './seed.js';

export interface NewsroomOptions {
  /** 0 picks a free port. Default 3000. */
  port?: number;
  /** Default `localhost`: the demo is for this machine only. */
  host?: string;
  /** The tests pass a manual clock to expire tokens without waiting. */
  clock?: Clock;
  logger?: Logger;
}

export interface Newsroom {
  server: Server;
  /** The base URL, e.g. `http://localhost:3000`. */
  url: string;
  tidings: Tidings;
  sandbox: SandboxTransport;
  close(): Promise<void>;
}

/**
 * Starts the demo: Tidings on the memory store with the sandbox messenger, three channels, and an HTTP
 * server with the sign-up page and the phone simulator.
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
    const sandbox = sandboxTransport({ linkBase: `${url}/phone` });
    const tidings = createTidings({
      transports: [sandbox],
      businessName: 'Newsroom',
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.logger ? { logger: options.logger } : {}),
    });
    await seedChannels(tidings);
    await tidings.start();
    server.on('request', createRouter({ tidings, sandbox }));
    return {
      server,
      url,
      tidings,
      sandbox,
      async close() {
        await tidings.stop();
        await closeServer(server);
      },
    };
  } catch (error) {
    await closeServer(server);
    throw error;
  }
}
