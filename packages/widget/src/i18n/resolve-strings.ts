import type { Lang, StringOverrides, WidgetStrings } from './strings.js';
import { de } from './strings-de.js';
import { en } from './strings-en.js';

const builtIn: Record<Lang, WidgetStrings> = { de, en };

/** The strings for `lang`: the built-in ones with the overrides for that language on top. */
export function resolveStrings(lang: Lang, ...overrides: (StringOverrides | undefined)[]): WidgetStrings {
  return Object.assign({}, builtIn[lang], ...overrides.map((o) => o?.[lang]));
}

/**
 * `de` or `en` from a language tag such as `de-AT`; the element's own `lang` attribute first, then the
 * page's, English when neither is German or English.
 */
export function resolveLang(...tags: (string | null | undefined)[]): Lang {
  for (const tag of tags) {
    const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
    if (primary === 'de' || primary === 'en') return primary;
  }
  return 'en';
}
