import type { OptinLink } from '@tidings/core';

/**
 * `https://wa.me/<digits>?text=START%20<token>` (F1): opens a chat with the number with `START <token>` typed in;
 * sending it is the proof of the sign-up. wa.me wants the international number without `+`, spaces or dashes.
 */
export function waMeLink(displayNumber: string, token: string): OptinLink {
  const digits = displayNumber.replace(/\D/g, '');
  if (!/^[1-9]\d{6,14}$/.test(digits))
    throw new RangeError(`"${displayNumber}" is not an international number`);
  const text = `START ${token}`;
  const url = `https://wa.me/${digits}?text=${encodeURIComponent(text)}`;
  return { url, text, qrPayload: url };
}
