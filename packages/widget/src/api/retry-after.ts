/**
 * Milliseconds until a retry is allowed, from a `Retry-After` header: delta-seconds or an HTTP date
 * (RFC 9110). Null when the header is missing or unreadable.
 */
export function retryAfterMs(header: string | null, now: number): number | null {
  if (header === null || header.trim() === '') return null;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
