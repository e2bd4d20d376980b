/** Per-request facts the web-standard Request does not carry; adapters (e.g. `@tidings/core/node`) fill them in. */
export interface HandlerContext {
  /** The client's IP address, for rate limiting. */
  clientAddress?: string;
}

/** The client's address: from the adapter, or from X-Forwarded-For when the proxy is trusted. */
export function clientAddressOf(
  request: Request,
  context: HandlerContext,
  trustProxy: boolean,
): string | null {
  if (trustProxy) {
    const forwarded = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  return context.clientAddress ?? null;
}
