import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SandboxTransport, Tidings, Transport } from '@tidings/core';
import { sendProblem } from '../responses.js';
import { type ApiRoute, apiRouter } from './api-router.js';
import { consoleAssets } from './console-assets.js';
import { consoleAuth } from './console-auth.js';
import { broadcastRoutes } from './routes/broadcast-routes.js';
import { channelRoutes } from './routes/channel-routes.js';
import { contactRoutes } from './routes/contact-routes.js';
import { eventRoutes } from './routes/event-routes.js';
import { inboxRoutes } from './routes/inbox-routes.js';
import { ruleRoutes } from './routes/rule-routes.js';
import { sandboxRoutes } from './routes/sandbox-routes.js';
import { statsRoutes } from './routes/stats-routes.js';
import { teamRoutes } from './routes/team-routes.js';

export interface ConsoleInput {
  tidings: Tidings;
  /** The phone sandbox first (the demo's subscribers are made there). */
  sandboxes: readonly SandboxTransport[];
  /** Every messenger installed (the sandboxes, and a real Telegram bot when the demo runs one). */
  transports: readonly Transport[];
  /** What staff must give before the console shows anything. */
  token: string;
}

/** `/console` (the page and its bundles) and `/console/api/*` (JSON, behind the token). */
export function consoleRoutes({ tidings, sandboxes, transports: installed, token }: ConsoleInput) {
  const auth = consoleAuth(token);
  const assets = consoleAssets();
  const transports = () =>
    installed.map((t) => ({ name: t.name, capabilities: t.capabilities, senders: t.senders }));
  const session: ApiRoute[] = [
    // Whether this browser holds the token: the page asks before it shows the gate or the screens.
    { method: 'GET', path: '/session', handler: async ({ req }) => ({ ok: auth.allows(req) }) },
    {
      method: 'POST',
      path: '/session',
      handler: async ({ body, res }) => {
        if (!auth.matches(body.token)) return unauthorized(res, 'That is not the console token.');
        auth.setCookie(res, token);
        return { ok: true };
      },
    },
    {
      method: 'DELETE',
      path: '/session',
      handler: async ({ res }) => {
        auth.setCookie(res, null);
        return { ok: true };
      },
    },
  ];
  const open = apiRouter(session, tidings.options.logger);
  const guarded = apiRouter(
    [
      ...broadcastRoutes(tidings),
      ...channelRoutes(tidings, transports),
      ...contactRoutes(tidings),
      ...ruleRoutes(tidings),
      ...inboxRoutes(tidings),
      ...teamRoutes(tidings),
      ...statsRoutes(tidings, () => tidings.options.clock.now()),
      ...eventRoutes(tidings),
      ...sandboxRoutes(tidings, sandboxes[0]!),
    ],
    tidings.options.logger,
  );

  return (req: IncomingMessage, res: ServerResponse, url: URL): void => {
    const rest = url.pathname.slice('/console'.length);
    if (rest.startsWith('/api/')) {
      const path = rest.slice('/api'.length);
      if (path === '/session') void open(req, res, url, path);
      else if (!auth.allows(req)) unauthorized(res, 'Give the console token first.');
      else void guarded(req, res, url, path);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendProblem(res, 405, {
        title: 'Method Not Allowed',
        detail: 'Use GET.',
        headers: { allow: 'GET, HEAD' },
      });
      return;
    }
    if (rest === '') {
      res.writeHead(308, { location: '/console/' });
      res.end();
      return;
    }
    assets(res, rest.slice(1), req.method);
  };
}

function unauthorized(res: ServerResponse, detail: string): undefined {
  sendProblem(res, 401, {
    title: 'Unauthorized',
    detail,
    headers: { 'www-authenticate': 'Bearer realm="console"' },
  });
  return undefined;
}
