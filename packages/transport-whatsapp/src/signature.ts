export const signatureHeader = 'x-hub-signature-256';

const encoder = new TextEncoder();

/** An HMAC-SHA256 key for the app secret, imported once. */
export function hmacKey(appSecret: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', encoder.encode(appSecret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
    'verify',
  ]);
}

/** Checks an `X-Hub-Signature-256` header against the raw bytes of a body. */
export type SignatureCheck = (body: Uint8Array<ArrayBuffer>, header: string | null) => Promise<boolean>;

interface NodeCrypto {
  createHmac(algorithm: 'sha256', key: string): { update(data: Uint8Array): { digest(): Uint8Array } };
  timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean;
}

/**
 * The check for one app secret. On Node (≥ 20.16, `process.getBuiltinModule`) it hashes synchronously with
 * `node:crypto` and compares with `timingSafeEqual`: Web Crypto's `verify` hops to the thread pool for each webhook,
 * about eight times slower here. Elsewhere (Bun, Deno, edge runtimes) it uses `crypto.subtle.verify`. Both compare in
 * constant time; a header that is not `sha256=` and 64 hex digits is refused before any work.
 */
export function signatureCheck(appSecret: string): SignatureCheck {
  const node = (
    globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }
  ).process?.getBuiltinModule?.('node:crypto') as NodeCrypto | undefined;
  if (node) {
    return async (body, header) => {
      const signature = parseHeader(header);
      if (!signature) return false;
      return node.timingSafeEqual(node.createHmac('sha256', appSecret).update(body).digest(), signature);
    };
  }
  const key = hmacKey(appSecret);
  return (body, header) => verifySignature(key, body, header);
}

/** Web Crypto's check, for runtimes without `node:crypto`. */
export async function verifySignature(
  key: CryptoKey | Promise<CryptoKey>,
  body: Uint8Array<ArrayBuffer>,
  header: string | null,
): Promise<boolean> {
  const signature = parseHeader(header);
  if (!signature) return false;
  return crypto.subtle.verify('HMAC', await key, signature, body);
}

function parseHeader(header: string | null): Uint8Array<ArrayBuffer> | null {
  const match = /^sha256=([0-9a-fA-F]{64})$/.exec(header?.trim() ?? '');
  if (!match) return null;
  const hex = match[1]!;
  const signature = new Uint8Array(32);
  for (let i = 0; i < 32; i++) signature[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return signature;
}

/** `sha256=<lowercase hex>` of the bytes, as Meta sends it (for fakes and tests). */
export async function signBody(key: CryptoKey, body: Uint8Array<ArrayBuffer>): Promise<string> {
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, body));
  let hex = '';
  for (const byte of mac) hex += byte.toString(16).padStart(2, '0');
  return `sha256=${hex}`;
}
