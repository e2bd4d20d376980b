import type { CoreContext } from '../services/core-context.js';
import type { InboundPipeline } from '../services/inbound.js';
import type { OptinsApi } from '../services/optins-service.js';
import type { HandlerContext } from './client-address.js';
import { corsHeaders, preflight, withHeaders } from './cors.js';
import { errorToResponse } from './http-error.js';
import { parsedUrlOf } from './light-request.js';
import { problemResponse } from './problem.js';
import { listChannelsRoute } from './routes/channels-route.js';
import { clickRoute } from './routes/click-route.js';
import { startOptinRoute } from './routes/optin-route.js';
import { optinStatusRoute } from './routes/optin-status-route.js';

import type { Route } from './routes/route-context.js';
import { webhookRoute } from './routes/webhook-route.js';

/** The whole HTTP surface of Tidings as one web-standard function (F37). */
export type TidingsHandler = (request: Request, context?: HandlerContext) => Promise<Response>;

interface RouteEntry {
  pattern: RegExp;
  names: string[];
  methods: Partial<Record<string, Route>>;
}

const routes: RouteEntry[] = [
  { pattern: /^\/channels$/, names: [], methods: { GET: listChannelsRoute } },
  { pattern: /^\/optin$/, names: [], methods: { POST: startOptinRoute } },
  { pattern: /^\/optin\/([^/]+)$/, names: ['token'], methods: { GET: optinStatusRoute } },
  {
    pattern: /^\/webhooks\/([^/]+)$/,
    names: ['transport'],
    methods: { GET: webhookRoute, POST: webhookRoute },
  },
  { pattern: /^\/l\/([^/]+)$/, names: ['code'], methods: { GET: clickRoute } },
];

export function createHandler(
  core: CoreContext,
  optins: OptinsApi,
  pipeline: InboundPipeline,
): TidingsHandler {
  const { basePath, http } = core.options;
  const unexpected = (error: unknown) => core.logger.error('request failed', { error });
  const prefix = `${basePath}/`;

  return async (request, handlerContext = {}) => {
    // Parsed once: a light request from an adapter comes with its url parsed.
    const url = parsedUrlOf(request);
    const cors = corsHeaders(request, http.corsOrigins);
    if (!url.pathname.startsWith(prefix)) {
      return withHeaders(problemResponse(404, 'Not Found', `Tidings answers under ${basePath}/.`), cors);
    }
    const path = url.pathname.slice(basePath.length);
    // One match per route tried, kept for the parameters.
    let entry: RouteEntry | undefined;
    let match: RegExpExecArray | null = null;
    for (const r of routes) {
      match = r.pattern.exec(path);
      if (match) {
        entry = r;
        break;
      }
    }
    if (!entry || !match) return withHeaders(problemResponse(404, 'Not Found', `No route ${path}.`), cors);
    if (request.method === 'OPTIONS') return preflight(request, http.corsOrigins);
    const route = entry.methods[request.method];
    if (!route) {
      const allow = Object.keys(entry.methods).join(', ');
      return withHeaders(
        problemResponse(405, 'Method Not Allowed', `Use ${allow}.`, { headers: { allow } }),
        cors,
      );
    }
    try {
      const params: Record<string, string> = {};
      for (let i = 0; i < entry.names.length; i++) params[entry.names[i]!] = safeDecode(match[i + 1] ?? '');
      const response = await route(request, { core, optins, pipeline, params, handler: handlerContext, url });
      return withHeaders(response, cors);
    } catch (error) {
      return withHeaders(errorToResponse(error, unexpected), cors);
    }
  };
}

/** A malformed escape is kept as written rather than failing the request. */
function safeDecode(segment: string): string {
  if (!segment.includes('%')) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
