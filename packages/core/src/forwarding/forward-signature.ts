import { constantTimeEqual } from '../text/constant-time.js';

/** The header that carries the signature of a `forward http` post: `t=<unix seconds>,v1=<hex HMAC-SHA256>`. */
export const signatureHeader = 'tidings-signature';

const encoder = new TextEncoder();

async function hmacHex(secret: string, payload: string): Promise<string> {
  const key = await crypto.subtle.importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(payload)));
  return Array.from(mac, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The signature header for `body` at `timestampSeconds`: HMAC-SHA256 with the secret over
 * `<timestamp>.<raw body>`, as Stripe does. The timestamp inside the signed text stops replays of old posts.
 */
export async function signForward(secret: string, body: string, timestampSeconds: number): Promise<string> {
  return `t=${timestampSeconds},v1=${await hmacHex(secret, `${timestampSeconds}.${body}`)}`;
}

/**
 * Checks a `tidings-signature` header against the raw body, for receivers of `forward http` (any runtime
 * with Web Crypto). False for a wrong secret, a changed body, or a timestamp further than `toleranceMs`
 * from `nowMs`.
 *
 * @example
 * const ok = await verifyForwardSignature({
 *   secret: process.env.TIDINGS_SECRET!,
 *   body: await request.text(), // the raw body, before any JSON parsing
 *   header: request.headers.get('tidings-signature'),
 * });
 */
export async function verifyForwardSignature(input: {
  secret: string;
  body: string;
  header: string | null | undefined;
  nowMs?: number;
  toleranceMs?: number;
}): Promise<boolean> {
  const parts = (input.header ?? '').split(',').map((p) => p.trim().split('='));
  const t = parts.find(([k]) => k === 't')?.[1];
  const signatures = parts.filter(([k]) => k === 'v1').map(([, v]) => v ?? '');
  if (!t || !/^\d+$/.test(t) || signatures.length === 0) return false;
  const age = Math.abs((input.nowMs ?? Date.now()) - Number(t) * 1000);
  if (age > (input.toleranceMs ?? 5 * 60 * 1000)) return false;
  const expected = await hmacHex(input.secret, `${t}.${input.body}`);
  return signatures.some((s) => constantTimeEqual(s, expected));
}
