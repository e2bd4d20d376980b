export type QrLib = typeof import('./qr-lib.js');

let loading: Promise<QrLib> | null = null;

/** The QR module, loaded once per page on first use. */
export function loadQr(): Promise<QrLib> {
  loading ??= import('./qr-lib.js').catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}
