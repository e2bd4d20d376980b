/**
 * E.164: a plus, a country code that does not start with 0, at most 15 digits in all. The sandbox files what
 * it sends under the exact address the contact wrote from, so "0151…" and "+49151…" would be two phones.
 */
const e164 = /^\+[1-9]\d{6,14}$/;

export function isE164(value: string): boolean {
  return e164.test(value);
}

/**
 * A phone number from a query parameter. A plus typed into the address bar unencoded arrives as a space
 * (form encoding), so a leading space followed by digits is read as the plus it was meant to be.
 */
export function phoneFromQuery(url: URL, name: string): string | null {
  const value = url.searchParams.get(name);
  if (value === null) return null;
  return /^ \d/.test(value) ? `+${value.slice(1)}` : value.trim();
}

/** A chat id of a messenger that signs up without a number (the Telegram and Messenger stand-ins). */
const chatId = /^[A-Za-z0-9_.:-]{1,64}$/;

/** Whether `value` is an address the sandbox `kind` files messages under. */
export function isAddress(value: string, kind: 'phone' | 'opaque'): boolean {
  return kind === 'phone' ? isE164(value) : chatId.test(value);
}
