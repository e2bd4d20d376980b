import type { FieldIssue } from '../api/api-types.js';
import type { ChannelInfo } from '../config/channels.js';
import { format, type WidgetStrings } from '../i18n/strings.js';

/** Where each problem is shown: at the phone field, at the channels, or above the button. */
export interface FieldErrors {
  phone?: string;
  channels?: string;
  form?: string;
}

/**
 * Puts the server's field issues at their fields, in the widget's language: the server's own messages are
 * English and technical, so only the field they name is used. `sentChannels` is the list as posted, which
 * `channels.<index>` points into.
 */
export function fieldErrors(
  issues: readonly FieldIssue[],
  sentChannels: readonly string[],
  channels: readonly ChannelInfo[],
  strings: WidgetStrings,
): FieldErrors {
  const errors: FieldErrors = {};
  const unavailable: string[] = [];
  for (const issue of issues) {
    const index = /^channels\.(\d+)$/.exec(issue.field)?.[1];
    if (issue.field === 'phone') errors.phone = strings.phoneInvalid;
    else if (index !== undefined) {
      const slug = sentChannels[Number(index)] ?? '';
      unavailable.push(channels.find((c) => c.slug === slug)?.name ?? slug);
    } else errors.form = strings.invalidInput;
  }
  if (unavailable.length)
    errors.channels = unavailable.map((channel) => format(strings.channelUnavailable, { channel })).join(' ');
  if (!errors.phone && !errors.channels && !errors.form) errors.form = strings.invalidInput;
  return errors;
}

/** "Too many attempts. Please try again in 30 seconds / after 14:05 / later." */
export function rateLimitMessage(
  waitMs: number | null,
  now: number,
  strings: WidgetStrings,
  locale: string,
): string {
  let when = strings.retryLater;
  if (waitMs !== null && waitMs < 90_000) {
    when = format(strings.retryInSeconds, { seconds: Math.max(1, Math.ceil(waitMs / 1000)) });
  } else if (waitMs !== null) {
    when = format(strings.retryAt, { time: clockTime(now + waitMs, locale) });
  }
  return format(strings.rateLimited, { when });
}

/** 14:05 or 2:05 PM, as the language writes it. */
export function clockTime(at: number, locale: string): string {
  return new Date(at).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
}

/** "News, Sport and Culture" / "News, Sport und Culture". */
export function listOf(names: readonly string[], locale: string): string {
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(names);
}
