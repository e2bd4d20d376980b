import type { IncomingMessage } from 'node:http';
import { fakeErrors } from './fake-errors.js';
import { parseMultipart } from './fake-multipart.js';

/** An uploaded file as the fake keeps it. */
export interface FakeUpload {
  upload: true;
  name: string;
  size: number;
  type: string;
}

export type FakeParams = Record<string, unknown>;

/**
 * Reads a Bot API call's parameters the ways Telegram takes them: query string, JSON, urlencoded form or
 * multipart (PLATFORMS.md §2.1). Form values that hold JSON (`reply_markup`, `allowed_updates`) are decoded.
 */
export async function readParams(request: IncomingMessage, url: URL): Promise<FakeParams> {
  const params: FakeParams = {};
  for (const [k, v] of url.searchParams) params[k] = decodeValue(v);
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  if (body.length === 0) return params;
  const type = (request.headers['content-type'] ?? '').toLowerCase();
  if (type.startsWith('application/json')) {
    let json: unknown;
    try {
      json = JSON.parse(body.toString('utf8'));
    } catch {
      throw fakeErrors.badJson();
    }
    if (typeof json === 'object' && json !== null) Object.assign(params, json);
    return params;
  }
  if (type.startsWith('application/x-www-form-urlencoded')) {
    for (const [k, v] of new URLSearchParams(body.toString('utf8'))) params[k] = decodeValue(v);
    return params;
  }
  if (type.startsWith('multipart/form-data')) {
    const parts = parseMultipart(body, request.headers['content-type'] ?? '');
    for (const p of parts) {
      params[p.name] =
        p.filename === undefined
          ? decodeValue(p.data.toString('utf8'))
          : {
              upload: true,
              name: p.filename,
              size: p.data.length,
              type: p.type ?? 'application/octet-stream',
            };
    }
    // `attach://<name>` points a field at an uploaded part of another name.
    for (const [k, v] of Object.entries(params)) {
      if (typeof v === 'string' && v.startsWith('attach://')) params[k] = params[v.slice('attach://'.length)];
    }
  }
  return params;
}

function decodeValue(value: string): unknown {
  if (/^[[{]/.test(value) || value === 'true' || value === 'false') {
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  }
  return value;
}

export const isUpload = (v: unknown): v is FakeUpload =>
  typeof v === 'object' && v !== null && (v as { upload?: unknown }).upload === true;

/** An integer parameter given as a number or a numeric string. */
export function intParam(params: FakeParams, name: string): number | undefined {
  const v = params[name];
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && /^-?\d+$/.test(v)) return Number(v);
  return undefined;
}
