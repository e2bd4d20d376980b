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
  createHmac(algorithm: 'sha256', key: unknown): { update(data: Uint8Array): { digest(): Uint8Array } };
  createSecretKey(key: Uint8Array): unknown;
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
    // A key object made once: the secret is not encoded again for every webhook.
    const key = node.createSecretKey(encoder.encode(appSecret));
    return async (body, header) => {
      const signature = parseHeader(header);
      if (!signature) return false;
      return node.timingSafeEqual(node.createHmac('sha256', key).update(body).digest(), signature);
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

const signaturePattern = /^sha256=[0-9a-fA-F]{64}$/;

function parseHeader(header: string | null): Uint8Array<ArrayBuffer> | null {
  const value = header?.trim() ?? '';
  if (!signaturePattern.test(value)) return null;
  // Decoded by character code: no substring per byte.
  const signature = new Uint8Array(32);
  for (let i = 0; i < 32; i++) {
    const at = 7 + i * 2;
    signature[i] = (nibble(value.charCodeAt(at)) << 4) | nibble(value.charCodeAt(at + 1));
  }
  return signature;
}

/** The value of one hex digit (already checked to be one). */
function nibble(code: number): number {
  // '0'-'9' are 48-57; 'A'-'F' 65-70 and 'a'-'f' 97-102 share their low bits, so | 32 folds the case.
  return code <= 57 ? code - 48 : (code | 32) - 87;
}

/** `sha256=<lowercase hex>` of the bytes, as Meta sends it (for fakes and tests). */
export async function signBody(key: CryptoKey, body: Uint8Array<ArrayBuffer>): Promise<string> {
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, body));
  let hex = '';
  for (const byte of mac) hex += byte.toString(16).padStart(2, '0');
  return `sha256=${hex}`;
}
