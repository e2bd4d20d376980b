// Loaded only when the phone step opens: libphonenumber-js with its metadata is the widget's largest part.
// The full (max) metadata, as the server's: what the widget accepts, the server accepts, and no more.
import {
  AsYouType,
  type CountryCode,
  getCountries,
  getCountryCallingCode,
  parsePhoneNumberFromString,
} from 'libphonenumber-js/max';

/** A country the picker offers. */
export interface Country {
  code: string;
  name: string;
  callingCode: string;
}

/** Every country libphonenumber knows, named in `locale` and sorted by that name. */
export function countries(locale: string): Country[] {
  const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
  const collator = new Intl.Collator(locale);
  return getCountries()
    .map((code) => ({ code, name: names.of(code) ?? code, callingCode: getCountryCallingCode(code) }))
    .sort((a, b) => collator.compare(a.name, b.name));
}

const known = new Set<string>(getCountries());

function asCountry(code: string): CountryCode | undefined {
  return known.has(code) ? (code as CountryCode) : undefined;
}

/** Formats what was typed so far (`015112` → `0151 12`); `country` is set once `+…` names another one. */
export function formatAsYouType(value: string, country: string): { text: string; country: string | null } {
  const typer = new AsYouType(asCountry(country));
  const text = typer.input(value);
  return { text, country: value.trim().startsWith('+') ? (typer.getCountry() ?? null) : null };
}

/** The number in E.164 when it is a valid number for `country` (or international), else null. */
export function toE164(value: string, country: string): string | null {
  const parsed = parsePhoneNumberFromString(value, asCountry(country));
  return parsed?.isValid() ? parsed.number : null;
}
