import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SandboxTransport, Tidings } from '@tidings/core';
import { toNodeHandler } from '@tidings/core/node';
import type { Page } from './pages/layout.js';
import { phonePage } from './pages/phone-page.js';
import { privacyPage } from './pages/privacy-page.js';
import { type PageLang, signupPage } from './pages/signup-page.js';
import { sendPage, sendProblem } from './responses.js';
import { phoneFromQuery } from './simulator/phone-address.js';
import { simulatorRoutes } from './simulator/simulator-routes.js';
import { widgetAssets } from './widget-assets.js';

export interface RouterInput {
  tidings: Tidings;
  /** The phone sandbox first: the simulator uses it when no `transport` is asked for. */
  sandboxes: readonly SandboxTransport[];
  /** A real Telegram bot runs beside the sandboxes: the page offers it instead of the Telegram sandbox. */
  realTelegram?: boolean;
  /** A real WhatsApp number runs beside the sandboxes: the page offers it instead of the WhatsApp sandbox. */
  realWhatsApp?: boolean;
  /** A real Messenger page runs beside the sandboxes: the page offers it instead of the Messenger sandbox. */
  realMessenger?: boolean;
  /** `/console` and `/console/api/*`: the staff console (`console/consoleRoutes`). */
  console?: (req: IncomingMessage, res: ServerResponse, url: URL) => void;
}

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Everything the demo serves: Tidings' own API and webhooks under its base path, the two pages and the
 * simulator's read side. Anything else is a 404.
 */
export function createRouter({
  tidings,
  sandboxes,
  realTelegram = false,
  realWhatsApp = false,
  realMessenger = false,
  console,
}: RouterInput): Listener {
  const businessName = tidings.options.businessName;
  const tidingsRoutes = toNodeHandler(tidings.handler);
  const prefix = `${tidings.options.basePath}/`;
  const signup: Record<PageLang, Page> = {
    en: signupPage(businessName, 'en', {
      telegram: realTelegram,
      messenger: realMessenger,
      whatsapp: realWhatsApp,
    }),
    de: signupPage(businessName, 'de', {
      telegram: realTelegram,
      messenger: realMessenger,
      whatsapp: realWhatsApp,
    }),
  };
  const privacy = privacyPage(businessName);
  const pages: Record<string, (url: URL) => Page> = {
    '/': (url) => signup[url.searchParams.get('lang') === 'de' ? 'de' : 'en'],
    '/privacy': () => privacy,
    '/phone': (url) => {
      const sandbox = sandboxes.find((s) => s.name === url.searchParams.get('transport')) ?? sandboxes[0]!;
      const to = url.searchParams.get('to');
      const sender = sandbox.senders.find((s) => s.id === to) ?? sandbox.senders[0]!;
      const start = url.searchParams.get('start');
      return phonePage({
        businessName,
        transport: { name: sandbox.name, addressKind: sandbox.capabilities.addressKind },
        sender,
        from: phoneFromQuery(url, 'from'),
        // A Telegram-like link carries the token as `start`; the app would send "/start <token>".
        text: url.searchParams.get('text') ?? (start ? `/start ${start}` : null),
      });
    },
  };
  const simulator = simulatorRoutes(sandboxes);
  const widget = widgetAssets();

  const route: Listener = (req, res) => {
    const url = new URL(req.url ?? '/', 'http://newsroom.invalid');
    if (url.pathname.startsWith(prefix)) {
      // toNodeHandler answers its own failures with a problem response.
      void tidingsRoutes(req, res);
      return;
    }
    if (console && (url.pathname === '/console' || url.pathname.startsWith('/console/'))) {
      console(req, res, url);
      return;
    }
    if (url.pathname.startsWith('/widget/') && (req.method === 'GET' || req.method === 'HEAD')) {
      widget(res, url.pathname.slice('/widget/'.length));
      return;
    }
    const page = pages[url.pathname];
    const sim = simulator[url.pathname];
    if (!page && !sim) {
      sendProblem(res, 404, { title: 'Not Found', detail: `Nothing at ${url.pathname}. Try / or /phone.` });
      return;
    }
    const allowed = page ? ['GET', 'HEAD'] : ['GET'];
    if (!allowed.includes(req.method ?? 'GET')) {
      const allow = allowed.join(', ');
      sendProblem(res, 405, { title: 'Method Not Allowed', detail: `Use ${allow}.`, headers: { allow } });
      return;
    }
    if (page) sendPage(res, page(url), req.method);
    else sim!(req, res, url);
  };

  // A throw in a request listener would take the whole server down; answer 500 instead.
  return (req, res) => {
    try {
      route(req, res);
    } catch (error) {
      tidings.options.logger.error('newsroom request failed', { error });
      if (!res.headersSent) {
        sendProblem(res, 500, {
          title: 'Internal Server Error',
          detail: 'Something went wrong in the demo.',
        });
      } else res.destroy();
    }
  };
}
