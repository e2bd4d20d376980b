import type { ErrorCode } from '../errors/error-codes.js';
import { type FieldIssue, TidingsError } from '../errors/tidings-error.js';
import { problemResponse } from './problem.js';

/** Which HTTP status a domain error becomes. Unlisted codes are server faults (500, detail hidden). */
const statusByCode: Partial<Record<ErrorCode, [number, string]>> = {
  INVALID_INPUT: [422, 'Unprocessable Content'],
  INVALID_PHONE: [422, 'Unprocessable Content'],
  UNKNOWN_CHANNEL: [422, 'Unprocessable Content'],
  UNKNOWN_TRANSPORT: [404, 'Not Found'],
  NOT_FOUND: [404, 'Not Found'],
  MALFORMED_BODY: [400, 'Bad Request'],
  PAYLOAD_TOO_LARGE: [413, 'Content Too Large'],
  UNSUPPORTED_MEDIA_TYPE: [415, 'Unsupported Media Type'],
  RATE_LIMITED: [429, 'Too Many Requests'],
  SENDER_POOL_FULL: [503, 'Service Unavailable'],
};

/** An error raised while answering a request; becomes a problem response. */
export function httpError(
  code: ErrorCode,
  message: string,
  issues: FieldIssue[] = [],
  retryAfterMs?: number,
): TidingsError {
  return new TidingsError(code, message, retryAfterMs === undefined ? { issues } : { issues, retryAfterMs });
}

export function errorToResponse(error: unknown, onUnexpected: (error: unknown) => void): Response {
  const mapped = TidingsError.isInstance(error) ? statusByCode[error.code] : undefined;
  if (!TidingsError.isInstance(error) || !mapped) {
    onUnexpected(error);
    return problemResponse(
      500,
      'Internal Server Error',
      'Something went wrong on our side; nothing was changed.',
    );
  }
  const [status, title] = mapped;
  const headers: Record<string, string> = {};
  if (error.retryAfterMs !== undefined)
    headers['retry-after'] = String(Math.max(1, Math.ceil(error.retryAfterMs / 1000)));
  if (error.code === 'SENDER_POOL_FULL') headers['retry-after'] = '3600';
  return problemResponse(status, title, error.message, { errors: error.issues, code: error.code, headers });
}
