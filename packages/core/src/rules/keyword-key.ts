import { normalizePhrase } from '../text/words.js';

/** Emoji, their joiners and keycaps: what is left of an emoji-only message. */
const emojiPart = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u200d|\u20e3/gu;
/** Skin tones and text/emoji presentation selectors: "👍🏽" and "👍" are the same keyword. */
const emojiVariant = /[\u{1f3fb}-\u{1f3ff}\ufe0e\ufe0f]/gu;

/** The emoji of a text in order, without skin tones or presentation selectors: `"😡 😡!"` → `"😡😡"`. */
export function emojiSequence(text: string): string {
  return (text.replace(emojiVariant, '').match(emojiPart) ?? []).join('');
}

/**
 * What a whole message is compared by for `keyword` conditions: its words as the consent keywords are
 * (case, spacing and punctuation aside, see `normalizePhrase`) — or, for a message with no letter or digit,
 * its emoji. So `keyword TANZ` matches "tanz!" and `keyword "😡"` matches "😡", but "Tanz 😡" is the word only.
 */
export function keywordKey(text: string): string {
  // Selectors go first: they are marks to `normalizePhrase`, which would make "❤️" and "☺️" the same word.
  const plain = text.replace(emojiVariant, '');
  return normalizePhrase(plain) || emojiSequence(plain);
}
