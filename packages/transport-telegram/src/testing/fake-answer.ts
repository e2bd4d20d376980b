import type { ServerResponse } from 'node:http';
import { type FakeApiError, fakeErrors } from './fake-errors.js';
import type { FakeFault } from './fake-types.js';

/** The status an injected fault is logged with (0: no answer at all). */
export function faultStatus(fault: FakeFault): number {
  if (fault.kind === 'error') return fault.status ?? 500;
  if (fault.kind === 'rate-limit') return 429;
  return 0;
}

export function applyFault(fault: FakeFault, res: ServerResponse, held: Set<ServerResponse>): void {
  switch (fault.kind) {
    case 'error':
      answerError(res, fakeErrors.server(fault.status ?? 500));
      return;
    case 'rate-limit':
      answerError(res, fakeErrors.tooManyRequests(fault.retryAfter));
      return;

    case 'drop':
      res.socket?.destroy();
      return;
    case 'timeout':
      // Never answers: the client's own timeout (or close()) ends it.
      held.add(res);
      res.on('close', () => held.delete(res));
      return;
  }
}

export function answerError(res: ServerResponse, error: FakeApiError): void {
  const headers: Record<string, string> = {};
  const retryAfter = error.parameters?.retry_after;
  if (retryAfter !== undefined) headers['retry-after'] = String(retryAfter);
  writeJson(
    res,
    error.code,
    {
      ok: false,
      error_code: error.code,
      description: error.description,
      ...(error.parameters ? { parameters: error.parameters } : {}),
    },
    headers,
  );
}

export function writeJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}
