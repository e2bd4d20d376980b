import { createHmac, timingSafeEqual } from 'node:crypto';

export const signatureHeader = 'x-hub-signature-256';

/** `sha256=<hex>`: HMAC-SHA256 of the exact body bytes, keyed by the app secret (PLATFORMS.md §3.2). */
export function signBody(body: Uint8Array | string, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(body).digest('hex')}`;
}

/** Checks `X-Hub-Signature-256` against the raw bytes in constant time; a missing or malformed header fails. */
export function verifySignature(body: Uint8Array, header: string | null, appSecret: string): boolean {
  if (header === null || !/^sha256=[0-9a-f]{64}$/i.test(header)) return false;
  const expected = Buffer.from(signBody(body, appSecret).slice(7), 'hex');
  const given = Buffer.from(header.slice(7).toLowerCase(), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
