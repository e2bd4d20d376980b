export const signatureHeader = 'x-hub-signature-256';

const encoder = new TextEncoder();

/** An HMAC-SHA256 key for the app secret, imported once. */
export function hmacKey(appSecret: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', encoder.encode(appSecret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
    'verify',
  ]);
}

/**
 * Checks `sha256=<hex>` against the raw bytes. `crypto.subtle.verify` compares in constant time; a header that is
 * not 64 hex digits is refused before any work.
 */
export async function verifySignature(
  key: CryptoKey,
  body: Uint8Array<ArrayBuffer>,
  header: string | null,
): Promise<boolean> {
  const match = /^sha256=([0-9a-fA-F]{64})$/.exec(header?.trim() ?? '');
  if (!match) return false;
  const hex = match[1]!;
  const signature = new Uint8Array(32);
  for (let i = 0; i < 32; i++) signature[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return crypto.subtle.verify('HMAC', key, signature, body);
}

/** `sha256=<lowercase hex>` of the bytes, as Meta sends it (for fakes and tests). */
export async function signBody(key: CryptoKey, body: Uint8Array<ArrayBuffer>): Promise<string> {
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, body));
  let hex = '';
  for (const byte of mac) hex += byte.toString(16).padStart(2, '0');
  return `sha256=${hex}`;
}
