import type { Channel } from '../model/channel.js';
import { normalizePhrase } from '../text/words.js';

/** Words per language. Every language's words apply to every contact; replies use the contact's language. */
export type WordsByLocale = Record<string, readonly string[]>;

export const defaultStopWords: WordsByLocale = {
  en: ['stop', 'stopall', 'stop all', 'unsubscribe', 'cancel', 'end', 'quit'],
  de: ['stopp', 'stop', 'abmelden', 'austragen', 'abbestellen', 'kündigen'],
};

export const defaultStartWords: WordsByLocale = {
  en: ['start', 'subscribe', 'join'],
  de: ['start', 'anmelden', 'starten'],
};

/** The phrases that drive the built-in consent handling, compiled for quick matching. */
export interface Vocabulary {
  stop: Set<string>;
  start: Set<string>;
  /** Active channels' keywords → channel. */
  keywords: Map<string, Channel>;
  /** Every channel (active or not) by slug, name and keyword: what "Stop <channel>" may name. */
  channelRefs: Map<string, Channel>;
  /** Active channels only: what "Start <channel>" may name. */
  activeRefs: Map<string, Channel>;
  longestPhrase: number;
}

const flatten = (byLocale: WordsByLocale) =>
  new Set(Object.values(byLocale).flatMap((list) => list.map(normalizePhrase).filter(Boolean)));

export function buildVocabulary(
  channels: readonly Channel[],
  stop: WordsByLocale,
  start: WordsByLocale,
): Vocabulary {
  const vocabulary: Vocabulary = {
    stop: flatten(stop),
    start: flatten(start),
    keywords: new Map(),
    channelRefs: new Map(),
    activeRefs: new Map(),
    longestPhrase: 1,
  };
  const note = (map: Map<string, Channel>, phrase: string, channel: Channel) => {
    const normal = normalizePhrase(phrase);
    if (!normal || map.has(normal)) return;
    map.set(normal, channel);
    vocabulary.longestPhrase = Math.max(vocabulary.longestPhrase, normal.split(' ').length);
  };
  for (const channel of channels) {
    for (const phrase of [...channel.keywords, channel.slug, channel.name]) {
      note(vocabulary.channelRefs, phrase, channel);
      if (channel.active) note(vocabulary.activeRefs, phrase, channel);
    }
    if (channel.active) for (const keyword of channel.keywords) note(vocabulary.keywords, keyword, channel);
  }
  for (const phrase of [...vocabulary.stop, ...vocabulary.start]) {
    vocabulary.longestPhrase = Math.max(vocabulary.longestPhrase, phrase.split(' ').length);
  }
  return vocabulary;
}

export function isReservedWord(phrase: string, stop: WordsByLocale, start: WordsByLocale): boolean {
  const normal = normalizePhrase(phrase);
  return flatten(stop).has(normal) || flatten(start).has(normal);
}
