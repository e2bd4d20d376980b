import type { Lang } from '../i18n/strings.js';

/** The browser's region when its language is the widget's (`de-AT` → AT), else Germany or the United States. */
export function defaultCountry(lang: Lang): string {
  const [primary, region] = navigator.language.split('-');
  if (primary === lang && region && /^[A-Z]{2}$/i.test(region)) return region;
  return lang === 'de' ? 'DE' : 'US';
}
