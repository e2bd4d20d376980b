import type { SubmitOutcome } from '../api/outcome.js';
import type { ChannelInfo } from '../config/channels.js';
import type { WidgetStrings } from '../i18n/strings.js';
import { type FieldErrors, fieldErrors, rateLimitMessage } from './field-errors.js';

/** A refused sign-up, as the form shows it: errors at their fields and one sentence to announce. */
export function outcomeErrors(
  outcome: Exclude<SubmitOutcome, { kind: 'started' }>,
  sentChannels: readonly string[],
  channels: readonly ChannelInfo[],
  strings: WidgetStrings,
  locale: string,
  now: number,
): { errors: FieldErrors; announcement: string } {
  if (outcome.kind === 'invalid') {
    const errors = fieldErrors(outcome.issues, sentChannels, channels, strings);
    return { errors, announcement: errors.form ?? strings.checkFields };
  }
  const message =
    outcome.kind === 'rate-limited'
      ? rateLimitMessage(outcome.retryAfterMs, now, strings, locale)
      : outcome.status === null
        ? strings.network
        : strings.failed;
  return { errors: { form: message }, announcement: message };
}
