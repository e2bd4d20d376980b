import type { OptinLink } from '@tidings/core';

/** Telegram's start payload: at most 64 characters of `A-Z a-z 0-9 _ -`. */
export const startPayloadPattern = /^[A-Za-z0-9_-]{1,64}$/;

/** `https://t.me/<bot>?start=<token>`: pressing Start sends `/start <token>` to the bot (F3). */
export function deepLink(username: string, token: string): OptinLink {
  if (!startPayloadPattern.test(token)) {
    throw new RangeError(`"${token}" cannot be a Telegram start payload (≤ 64 of A-Z a-z 0-9 _ -)`);
  }
  const url = `https://t.me/${username}?start=${token}`;
  return { url, text: null, qrPayload: url };
}
