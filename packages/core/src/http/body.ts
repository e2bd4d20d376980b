import { readCapped } from '../streams/read-capped.js';
import { httpError } from './http-error.js';
import { readCappedFast, requestWithBytes } from './light-request.js';

/** Reads at most `maxBytes` of a body; more is a 413 before all of it is read. */
export async function readBytes(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  const tooLarge = () => httpError('PAYLOAD_TOO_LARGE', `The body is larger than ${maxBytes} bytes.`);
  if (declared > maxBytes) throw tooLarge();
  const fast = readCappedFast(request, maxBytes);
  if (!fast && !request.body) return new Uint8Array();
  const { bytes, truncated } = await (fast ?? readCapped(request.body!, maxBytes));
  if (truncated) throw tooLarge();
  return bytes;
}

const isJson = (type: string | null) => !!type && /^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(type);

/** A JSON object body: 415 for another content type, 413 over the limit, 400 when malformed. */
export async function readJsonObject(request: Request, maxBytes: number): Promise<Record<string, unknown>> {
  if (!isJson(request.headers.get('content-type'))) {
    throw httpError('UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json.');
  }
  const bytes = await readBytes(request, maxBytes);
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw httpError('MALFORMED_BODY', 'The body is not valid JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw httpError('MALFORMED_BODY', 'The body must be a JSON object.');
  }
  return value as Record<string, unknown>;
}

/**
 * A copy of the request whose body is the given bytes (read once, under a limit). A light Request: the body is
 * not wrapped in a stream unless someone asks for one.
 */
export function withBody(request: Request, bytes: Uint8Array): Request {
  return requestWithBytes(request, bytes);
}
