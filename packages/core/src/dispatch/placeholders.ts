import type { Contact } from '../model/contact.js';

/** `{name}`, `{city}` (an attribute) and `{name|friend}` (with a fallback). */
export const placeholderPattern = /\{([A-Za-z_][\w.-]*)(?:\|([^{}]*))?\}/g;

/** Fills placeholders for one contact: its name, then its attributes; the fallback, else empty. */
export function renderPlaceholders(text: string, contact: Contact): string {
  if (!text.includes('{')) return text;
  return text.replace(placeholderPattern, (_whole, name: string, fallback: string | undefined) => {
    const value = name === 'name' ? contact.name : (contact.attributes[name] ?? null);
    return value || fallback || '';
  });
}

/** Placeholder names in a text, for checks before anything is queued. */
export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(placeholderPattern)].map((m) => m[1]!);
}
