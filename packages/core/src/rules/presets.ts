import { quote } from './rule-printer.js';

/**
 * The messenger-page assistant (F31) as a few lines of the rule language, ready for `tidings.rules.set`
 * (alone or joined with your own rules). Each preset is plain text: print it, change it, keep it in git.
 */

export interface OpeningHours {
  /** When someone answers, as the language writes it: `mon-fri 09:00-18:00`, `mon-fri 09:00-12:00, 13:00-17:00`. */
  hours: string;
  /** The IANA zone the hours are in, e.g. `Europe/Vienna`. */
  zone: string;
}

/**
 * Away message: outside opening hours, every message and call gets `reply`.
 * @example
 * awayMessagePreset({ hours: 'mon-fri 09:00-18:00', zone: 'Europe/Vienna', reply: 'Wir antworten ab 9 Uhr.' })
 * // when outside hours mon-fri 09:00-18:00 Europe/Vienna then reply "Wir antworten ab 9 Uhr."
 */
export function awayMessagePreset(options: OpeningHours & { reply: string }): string {
  return `when outside hours ${options.hours} ${options.zone} then reply ${quote(options.reply)}\n`;
}

/**
 * Instant reply: every message gets `reply` at once — during opening hours only, when they are given
 * (outside them the away message speaks).
 * @example
 * instantReplyPreset({ reply: 'Danke! Wir melden uns gleich.' })
 * // when not call then reply "Danke! Wir melden uns gleich."
 */
export function instantReplyPreset(options: Partial<OpeningHours> & { reply: string }): string {
  const during = options.hours && options.zone ? ` and inside hours ${options.hours} ${options.zone}` : '';
  return `when not call${during} then reply ${quote(options.reply)}\n`;
}

/**
 * Greeting on first contact: the first message (or call) of someone new gets `reply`, and nothing after it
 * (`stop`), so a newcomer is not greeted and away-messaged at once. `{name}` is their profile name.
 * @example
 * greetingPreset({ reply: 'Hallo {name}, willkommen!' })
 * // when first message then reply "Hallo {name}, willkommen!", stop
 */
export function greetingPreset(options: { reply: string }): string {
  return `when first message then reply ${quote(options.reply)}, stop\n`;
}

/**
 * The whole assistant in order: greeting first, then away message outside hours, else the instant reply.
 * @example
 * await tidings.rules.set(messengerAssistantPreset({
 *   hours: 'mon-fri 09:00-18:00', zone: 'Europe/Vienna',
 *   greeting: 'Hallo {name}, willkommen!', away: 'Wir antworten ab 9 Uhr.', instant: 'Danke! Wir melden uns gleich.',
 * }));
 */
export function messengerAssistantPreset(
  options: OpeningHours & { greeting?: string; away?: string; instant?: string },
): string {
  const parts = ['# The messenger-page assistant (F31)\n'];
  if (options.greeting) parts.push(greetingPreset({ reply: options.greeting }));
  if (options.away) parts.push(awayMessagePreset({ ...options, reply: options.away }));
  if (options.instant) parts.push(instantReplyPreset({ ...options, reply: options.instant }));
  return parts.join('');
}
