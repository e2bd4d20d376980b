import type { SendWrapper } from '../send-step.js';
import { instantOf, minutesOf, wallTime } from '../zoned-time.js';

export interface QuietHours {
  /** Local time the quiet starts, "21:00". */
  from: string;
  /** Local time it ends, "08:00" (may be the next day). */
  to: string;
  /** Used where the contact has no `timeZone` attribute. */
  timeZone: string;
}

/** The end of the quiet period containing `at`, or null when `at` is not quiet. */
export function quietUntil(at: number, quiet: QuietHours, timeZone: string): number | null {
  const local = wallTime(at, timeZone);
  const now = local.hour * 60 + local.minute;
  const from = minutesOf(quiet.from);
  const to = minutesOf(quiet.to);
  const inQuiet = from < to ? now >= from && now < to : now >= from || now < to;
  if (!inQuiet) return null;
  const nextDay = from > to && now >= from;
  const date = new Date(Date.UTC(local.year, local.month - 1, local.day + (nextDay ? 1 : 0)));
  return instantOf(
    date.getUTCFullYear(),
    date.getUTCMonth() + 1,
    date.getUTCDate(),
    Math.floor(to / 60),
    to % 60,
    timeZone,
  );
}

/** No broadcast during the contact's night (F20): it waits until the quiet hours end in their time zone. */
export function quietHours(quiet: QuietHours): SendWrapper {
  return {
    name: 'quiet-hours',
    wrap: (next) => async (job) => {
      if (job.delivery.purpose !== 'broadcast') return next(job);
      const zone = job.contact.attributes.timeZone ?? quiet.timeZone;
      const until = quietUntil(job.now, quiet, zone);
      return until === null
        ? next(job)
        : { kind: 'defer', notBefore: until, reason: `quiet hours in ${zone}` };
    },
  };
}
