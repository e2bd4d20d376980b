import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Logger, TidingsError } from '@tidings/core';
import { sendJson, sendProblem } from '../responses.js';

/** What a console API handler gets: the path's parameters, the query and the JSON body (POST/PUT). */
export interface ApiRequest {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  params: Record<string, string>;
  body: Record<string, unknown>;
}

/** A handler returns the JSON to send (200), or `undefined` after answering itself (a download, a stream). */
export type ApiHandler = (request: ApiRequest) => Promise<unknown>;

export interface ApiRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Under `/console/api`, with `:name` parameters, e.g. `/broadcasts/:id/pause`. */
  path: string;
  handler: ApiHandler;
}

const maxBody = 256 * 1024;

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  if (req.method === 'GET' || req.method === 'DELETE') return {};
  const json = req.headers['content-type']?.startsWith('application/json') ?? false;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBody) throw new TidingsError('PAYLOAD_TOO_LARGE', 'The body is larger than 256 KiB.');
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  // A bare POST (pause, resume…) may come without a body; anything else must be JSON.
  if (!json && text === '') return {};
  if (!json) throw new TidingsError('UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json.');
  try {
    const parsed: unknown = text ? JSON.parse(text) : {};
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
      return parsed as Record<string, unknown>;
    }
  } catch {}
  throw new TidingsError('MALFORMED_BODY', 'The body must be a JSON object.');
}

const statusOf: Partial<Record<string, number>> = {
  NOT_FOUND: 404,
  UNSUPPORTED_MEDIA_TYPE: 415,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  CONSENT_REQUIRED: 409,
  CHANNEL_CONFLICT: 409,
  STORE_FAILED: 500,
  TRANSPORT_FAILED: 502,
};

/** A library error as a problem response: 422 for anything about the input, with every issue in `errors`. */
export function sendError(res: ServerResponse, error: unknown, logger: Logger): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (!TidingsError.isInstance(error)) {
    logger.error('console request failed', { error });
    sendProblem(res, 500, { title: 'Internal Server Error', detail: 'Something went wrong in the demo.' });
    return;
  }
  const status = statusOf[error.code] ?? 422;
  const body = { title: error.code, detail: error.message, errors: error.issues.map((i) => ({ ...i })) };
  sendProblem(res, status, body);
}

function compile(path: string): { pattern: RegExp; keys: string[] } {
  const keys: string[] = [];
  const source = path.replace(/:(\w+)/g, (_, key: string) => {
    keys.push(key);
    return '([^/]+)';
  });
  return { pattern: new RegExp(`^${source}$`), keys };
}

/** Finds the route for `/console/api/<path>` and runs it; 404 or 405 when there is none. */
export function apiRouter(routes: readonly ApiRoute[], logger: Logger) {
  const compiled = routes.map((r) => ({ ...r, ...compile(r.path) }));
  return async (req: IncomingMessage, res: ServerResponse, url: URL, path: string): Promise<void> => {
    const matching = compiled.filter((r) => r.pattern.test(path));
    const route = matching.find((r) => r.method === req.method);
    if (!route) {
      if (matching.length === 0)
        sendProblem(res, 404, { title: 'Not Found', detail: `No console API ${path}.` });
      else {
        const allow = matching.map((r) => r.method).join(', ');
        sendProblem(res, 405, { title: 'Method Not Allowed', detail: `Use ${allow}.`, headers: { allow } });
      }
      return;
    }
    const values = route.pattern.exec(path)!.slice(1);
    const params = Object.fromEntries(route.keys.map((k, i) => [k, decodeURIComponent(values[i]!)]));
    try {
      const body = await readJson(req);
      const result = await route.handler({ req, res, url, params, body });
      if (result !== undefined && !res.headersSent) sendJson(res, 200, result);
    } catch (error) {
      sendError(res, error, logger);
    }
  };
}
