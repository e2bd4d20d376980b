const separator = /[^\p{L}\p{N}\p{M}]+/u;

/**
 * The words of a message for keyword matching: NFKC-normalised, lower case, with punctuation,
 * emoji and spacing around and between words dropped. `"👋 Start!!"` → `["start"]`.
 */
export function words(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().split(separator).filter(Boolean);
}

/** A phrase in the same normal form as {@link words}, joined by single spaces. */
export function normalizePhrase(text: string): string {
  return words(text).join(' ');
}
