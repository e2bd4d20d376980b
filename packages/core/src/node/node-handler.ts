import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fixedBodyOf, fixedHeadersOf } from '../http/fixed-body.js';
import type { TidingsHandler } from '../http/handler.js';
import { lightHeaders } from '../http/light-headers.js';
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
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return new LightRequest(
    urlOf(req),
    method,
    lightHeaders(req.headers),
    hasBody ? nodeBody(req) : null,
  ) as unknown as Request;
}

// A host name, IPv4 or [IPv6] address with an optional port: nothing that could move the path when put before it.
const plainHost = /^(?:[\w.-]+|\[[\da-fA-F:.]+\])(?::\d+)?$/;

/** The request's url, parsed once. */
function urlOf(req: IncomingMessage): URL {
  const host = req.headers.host ?? 'localhost';
  const path = req.url ?? '/';
  // The usual origin-form path ("/x", not "//x" or "/\x", which a base would read as another host) under a plain
  // host is one parse; anything else is resolved against the host as before.
  const second = path.charCodeAt(1);
  if (path.charCodeAt(0) === 47 && second !== 47 && second !== 92 && plainHost.test(host)) {
    return new URL(`http://${host}${path}`);
  }
  return new URL(path, `http://${host}`);
}

export async function writeResponse(response: Response, res: ServerResponse): Promise<void> {
  const fixed = fixedBodyOf(response);
  const plain = fixed === undefined ? null : fixedHeadersOf(response);
  if (plain) {
    // A fixed response whose headers nobody touched: written from its plain record, no Headers in between.
    // A content length of its own wins. (Spread last: adding a property to a spread copy is a slow path in V8.)
    const headers: Record<string, string> = { 'content-length': String(Buffer.byteLength(fixed!)), ...plain };
    res.writeHead(response.status, headers);
    res.end(fixed);
    return;
  }
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers['set-cookie'] = cookies;
  // A small body known up front goes out with the headers in one write (a string is sent in the header's packet).
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
