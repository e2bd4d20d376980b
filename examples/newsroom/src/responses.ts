import type { ServerResponse } from 'node:http';
import type { Page } from './pages/layout.js';

/** Headers every answer carries: no sniffing, and no opt-in token leaking to other sites in a Referer. */
const baseHeaders = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' };

export function sendPage(res: ServerResponse, page: Page, method = 'GET'): void {
  res.writeHead(200, {
    ...baseHeaders,
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': page.contentSecurityPolicy,
    'cache-control': 'no-store',
  });
  res.end(method === 'HEAD' ? undefined : page.html);
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    ...baseHeaders,
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(JSON.stringify(body));
}

export interface Problem {
  title: string;
  detail: string;
  errors?: { field: string; message: string }[];
  headers?: Record<string, string>;
}

/** An RFC 9457 problem, shaped like the ones `@tidings/core` answers with, so the pages read both alike. */
export function sendProblem(
  res: ServerResponse,
  status: number,
  { title, detail, errors, headers }: Problem,
): void {
  const body = { type: 'about:blank', title, status, detail, ...(errors ? { errors } : {}) };
  res.writeHead(status, {
    ...baseHeaders,
    'content-type': 'application/problem+json',
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(JSON.stringify(body));
}
