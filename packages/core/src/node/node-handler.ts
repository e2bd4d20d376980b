import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fixedBodyOf } from '../http/fixed-body.js';
import type { TidingsHandler } from '../http/handler.js';
import { LightRequest } from '../http/light-request.js';
import { defaultLogger, type Logger } from '../logger.js';
import { nodeBody } from './node-body.js';

/**
 * Adapts `tidings.handler` to Node's `http` (and Express, whose req/res are Node's).
 * The client's address is passed on for rate limiting.
 *
 * @example
 * import { createServer } from 'node:http';
 * import { toNodeHandler } from '@tidings/core/node';
 * createServer(toNodeHandler(tidings.handler)).listen(3000);
 */
export function toNodeHandler(handler: TidingsHandler, options: { logger?: Pick<Logger, 'error'> } = {}) {
  const logger = options.logger ?? defaultLogger;
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      const response = await handler(toRequest(req), { clientAddress: req.socket.remoteAddress ?? '' });
      await writeResponse(response, res);
    } catch (error) {
      logger.error('request failed', { error });
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/problem+json' });
      res.end(JSON.stringify({ type: 'about:blank', title: 'Internal Server Error', status: 500 }));
    }
  };
}

/**
 * A web-standard Request for a Node request; the body is not buffered here. It is read straight from the socket
 * when asked for (`arrayBuffer`, `text`, `json`), and becomes a web stream only if `body` is taken.
 */
export function toRequest(req: IncomingMessage): Request {
  const host = req.headers.host ?? 'localhost';
  const url = new URL(req.url ?? '/', `http://${host}`).href;
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return new LightRequest(
    url,
    method,
    () => headersOf(req),
    hasBody ? nodeBody(req) : null,
  ) as unknown as Request;
}

function headersOf(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  return headers;
}

export async function writeResponse(response: Response, res: ServerResponse): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers['set-cookie'] = cookies;
  // A small body known up front goes out with the headers in one write (a string is sent in the header's packet).
  const fixed = fixedBodyOf(response);
  if (fixed !== undefined) {
    headers['content-length'] ??= String(Buffer.byteLength(fixed));
    res.writeHead(response.status, headers);
    res.end(fixed);
    return;
  }
  res.writeHead(response.status, headers);
  if (!response.body) {
    res.end();
    return;
  }
  // Streamed, not buffered: a streaming Response (server-sent events, large exports) goes out as it is made,
  // so the headers go first rather than waiting for the first chunk.
  res.flushHeaders();
  await pipeline(Readable.fromWeb(response.body as import('node:stream/web').ReadableStream), res);
}
