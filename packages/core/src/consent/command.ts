import type { Channel } from '../model/channel.js';
import { words } from '../text/words.js';
import type { Vocabulary } from './vocabulary.js';

/** What a message asks for, as far as consent goes. */
export type ConsentCommand =
  | { kind: 'stop-all' }
  | { kind: 'stop-channels'; channels: Channel[] }
  | { kind: 'start'; token: string | null }
  | { kind: 'start-channels'; channels: Channel[] }
  | { kind: 'keywords'; channels: Channel[] }
  | { kind: 'other' };

/** Opt-in tokens: 20 characters of a–z and 0–9 (case-insensitive, so phone keyboards cannot spoil them). */
export const tokenPattern = /^[a-z0-9]{20}$/;
export const tokenAlphabet = '0123456789abcdefghijklmnopqrstuvwxyz';
export const tokenLength = 20;

/** Matches the whole word list against `phrases`, longest phrase first; null unless every word is used. */
function matchAll(list: string[], phrases: Map<string, Channel>, longest: number): Channel[] | null {
  const found: Channel[] = [];
  let i = 0;
  outer: while (i < list.length) {
    for (let n = Math.min(longest, list.length - i); n > 0; n--) {
      const channel = phrases.get(list.slice(i, i + n).join(' '));
      if (channel) {
        if (!found.includes(channel)) found.push(channel);
        i += n;
        continue outer;
      }
    }
    return null;
  }
  return found;
}

/** The length of the leading phrase of `list` that is in `set` (longest first), or 0. */
function leading(list: string[], set: Set<string>, longest: number): number {
  for (let n = Math.min(longest, list.length); n > 0; n--) if (set.has(list.slice(0, n).join(' '))) return n;
  return 0;
}

/**
 * Reads a message for consent. A command must be the whole message: "we must stop this" is no opt-out.
 * `startPayload` is a token carried outside the text (Telegram `/start <payload>`, Messenger `ref`).
 */
export function parseCommand(
  text: string | undefined,
  startPayload: string | undefined,
  v: Vocabulary,
): ConsentCommand {
  const payload = startPayload?.toLowerCase();
  if (payload !== undefined && tokenPattern.test(payload)) return { kind: 'start', token: payload };
  const list = words(text ?? '');
  if (list.length === 0) return payload !== undefined ? { kind: 'start', token: null } : { kind: 'other' };

  const joined = list.join(' ');
  if (v.stop.has(joined)) return { kind: 'stop-all' };
  if (list.length === 1 && tokenPattern.test(joined)) return { kind: 'start', token: joined };

  const stopLength = leading(list, v.stop, v.longestPhrase);
  if (stopLength > 0) {
    const channels = matchAll(list.slice(stopLength), v.channelRefs, v.longestPhrase);
    if (channels) return { kind: 'stop-channels', channels };
  }

  const startLength = leading(list, v.start, v.longestPhrase);
  if (startLength > 0) {
    const rest = list.slice(startLength);
    if (rest.length === 0) return { kind: 'start', token: null };
    if (rest.length === 1 && tokenPattern.test(rest[0]!)) return { kind: 'start', token: rest[0]! };
    const channels = matchAll(rest, v.activeRefs, v.longestPhrase);
    if (channels) return { kind: 'start-channels', channels };
    return { kind: 'other' };
  }

  if (payload !== undefined) return { kind: 'start', token: null };
  const keywords = matchAll(list, v.keywords, v.longestPhrase);
  return keywords ? { kind: 'keywords', channels: keywords } : { kind: 'other' };
}
