import { createHmac, timingSafeEqual } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { FakeGraphError, fakeErrors } from './fake-errors.js';
import type { FakeFault } from './fake-types.js';

// How the fake answers over HTTP: Graph's error envelope and headers, injected faults, `appsecret_proof`.

/** `appsecret_proof` is HMAC-SHA256 of the access token keyed by the app secret, in hex. */
export function proofMatches(proof: unknown, token: string, appSecret: string): boolean {
  if (typeof proof !== 'string' || !/^[0-9a-f]{64}$/.test(proof)) return false;
  const expected = createHmac('sha256', appSecret).update(token).digest();
  return timingSafeEqual(Buffer.from(proof, 'hex'), expected);
}

export function faultStatus(fault: FakeFault): number {
  switch (fault.kind) {
    case 'error':
      return fault.status ?? 500;
    case 'graph-error':
      return fault.status ?? 400;
    case 'rate-limit':
      return 400;
    default:
      return 0;
  }
}

export function applyFault(fault: FakeFault, res: ServerResponse, held: Set<ServerResponse>): void {
  switch (fault.kind) {
    case 'error':
      answerError(res, fakeErrors.server(fault.status ?? 500));
      return;
    case 'graph-error':
      answerError(
        res,
        new FakeGraphError(
          fault.status ?? 400,
          fault.code,
          fault.message ?? `(#${fault.code}) Injected error`,
          fault.subcode,
        ),
      );
      return;
    case 'rate-limit':
      answerError(res, fakeErrors.rateLimited(fault.retryAfter ?? 1));
      return;
    case 'drop':
      res.socket?.destroy();
      return;
    case 'timeout':
      held.add(res);
      res.on('close', () => held.delete(res));
      return;
  }
}

export function fail(res: ServerResponse, error: FakeGraphError, log: () => void): void {
  log();
  answerError(res, error);
}

export function answerError(res: ServerResponse, error: FakeGraphError): void {
  const headers: Record<string, string> = {
    'www-authenticate': 'OAuth "Facebook Platform" "invalid_request"',
  };
  if (error.retryAfter !== undefined) {
    headers['retry-after'] = String(error.retryAfter);
    headers['x-business-use-case-usage'] = JSON.stringify({
      fake: [
        {
          type: 'pages',
          call_count: 100,
          total_cputime: 1,
          total_time: 1,
          estimated_time_to_regain_access: Math.ceil(error.retryAfter / 60),
        },
      ],
    });
  }
  writeJson(res, error.status, error.toJSON(), headers);
}

export function writeJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=UTF-8',
    'content-length': Buffer.byteLength(text),
    'x-fb-trace-id': Math.random().toString(36).slice(2, 12),
    ...headers,
  });
  res.end(text);
}
