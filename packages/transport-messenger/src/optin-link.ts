import type { OptinLink } from '@tidings/core';

/** The longest `ref` an m.me link carries (PLATFORMS.md §3.2). */
export const refMaxLength = 2083;

/**
 * `https://m.me/<page>?ref=<token>` (F4): opening it in a new thread and pressing Get Started delivers the token in
 * the postback's referral; in an existing thread it arrives as a referral event. `page` is the page's username where
 * known, otherwise its id (m.me takes both).
 */
export function mMeLink(page: string, token: string): OptinLink {
  if (token.length === 0 || token.length > refMaxLength) {
    throw new RangeError(`an m.me ref has 1–${refMaxLength} characters, not ${token.length}`);
  }
  const url = `https://m.me/${encodeURIComponent(page)}?ref=${encodeURIComponent(token)}`;
  return { url, text: null, qrPayload: url };
}
