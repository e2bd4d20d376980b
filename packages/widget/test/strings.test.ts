import { describe, expect, it } from 'vitest';
import { resolveLang, resolveStrings } from '../src/i18n/resolve-strings.js';
import { format, parseOverrides } from '../src/i18n/strings.js';
import { de } from '../src/i18n/strings-de.js';
import { en } from '../src/i18n/strings-en.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('strings', () => {
  it('German and English are complete and use the same placeholders', () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(de[key].trim(), key).not.toBe('');
      expect(placeholders(de[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('Open {messenger} {x}', { messenger: 'Telegram' })).toBe('Open Telegram {x}');
  });

  it('takes overrides per language, from JSON only known keys with string values', () => {
    const overrides = parseOverrides(
      { de: { submit: 'Los', bogus: 'x', retry: 3 }, fr: { submit: 'Allez' } },
      en,
    );
    expect(overrides).toEqual({ de: { submit: 'Los' } });
    expect(resolveStrings('de', overrides).submit).toBe('Los');
    expect(resolveStrings('en', overrides, { en: { submit: 'Join' } }).submit).toBe('Join');
    expect(resolveStrings('de', undefined).retry).toBe(de.retry);
  });

  it('picks German or English from language tags, English otherwise', () => {
    expect(resolveLang(null, 'de-AT')).toBe('de');
    expect(resolveLang('fr', 'EN_gb')).toBe('en');
    expect(resolveLang('fr', undefined, '')).toBe('en');
  });
});
