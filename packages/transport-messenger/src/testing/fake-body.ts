import type { IncomingMessage } from 'node:http';
import type { FakeParams } from './fake-send.js';

/**
 * Reads Graph parameters the ways the Send API takes them: query string, JSON, or form fields whose values hold
 * JSON (`recipient`, `message`), as PLATFORMS.md §3.1 says the body may be JSON or form fields.
 */
export async function readParams(request: IncomingMessage, url: URL): Promise<FakeParams> {
  const params: FakeParams = {};
  for (const [k, v] of url.searchParams) params[k] = decodeValue(v);
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString('utf8');
  if (body.length === 0) return params;
  const type = (request.headers['content-type'] ?? '').toLowerCase();
  if (type.startsWith('application/x-www-form-urlencoded')) {
    for (const [k, v] of new URLSearchParams(body)) params[k] = decodeValue(v);
    return params;
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return params;
  }
  if (typeof json === 'object' && json !== null) Object.assign(params, json);
  return params;
}

function decodeValue(value: string): unknown {
  if (/^[[{]/.test(value)) {
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  }
  return value;
}
