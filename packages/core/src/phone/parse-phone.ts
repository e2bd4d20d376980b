import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { TidingsError } from '../errors/tidings-error.js';

/**
 * A phone number in E.164 (`+4915112345678`). Accepts national formats when `country` (ISO 3166 alpha-2)
 * is given. Throws INVALID_PHONE naming the field otherwise.
 */
export function toE164(input: string, country?: string, field = 'phone'): string {
  const parsed = parsePhoneNumberFromString(
    input,
    country ? { defaultCountry: country as CountryCode } : undefined,
  );
  if (!parsed?.isValid()) {
    const hint = country ? '' : ' Give it in international format (+49…) or pass a country.';
    throw new TidingsError('INVALID_PHONE', `"${input}" is not a valid phone number.${hint}`, {
      issues: [{ field, message: 'not a valid phone number' }],
    });
  }
  return parsed.number;
}
