import { minutesOf, wallTime } from '../dispatch/zoned-time.js';
import type { Condition, Weekday } from './rule-schema.js';
import { weekdays } from './rule-schema.js';

type HoursCondition = Extract<Condition, { type: 'hours' }>;

/** The wall clock of a zone at an instant. */
export interface LocalTime {
  weekday: Weekday;
  /** Minutes since local midnight, 0–1439. */
  minutes: number;
  /** YYYY-MM-DD, local. */
  date: string;
}

/** One remembered answer per zone: messages arrive in bursts within the same minute. */
const lastAnswer = new Map<string, { minute: number; local: LocalTime }>();
/** `wallTime` counts weekdays from Sunday. */
const bySundayFirst: Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const two = (n: number) => String(n).padStart(2, '0');

/** True for an IANA zone this runtime knows (`Europe/Vienna`, `UTC`). */
export function isKnownZone(zone: string): boolean {
  try {
    wallTime(0, zone);
    return true;
  } catch {
    return false;
  }
}

/**
 * The local time in `zone` at `at`, by the runtime's time-zone data (Intl, as the dispatcher's quiet hours),
 * so summer time is right on both sides of a change: no offsets are computed here.
 */
export function localTime(zone: string, at: number): LocalTime {
  // Offsets change on whole minutes, so one answer serves the whole minute.
  const minute = Math.floor(at / 60_000);
  const cached = lastAnswer.get(zone);
  if (cached?.minute === minute) return cached.local;
  const w = wallTime(at, zone);
  const local: LocalTime = {
    weekday: bySundayFirst[w.weekday] ?? 'mon',
    minutes: w.hour * 60 + w.minute,
    date: `${w.year}-${two(w.month)}-${two(w.day)}`,
  };
  lastAnswer.set(zone, { minute, local });
  return local;
}

const previousDay = (d: Weekday) => weekdays[(weekdays.indexOf(d) + 6) % 7]!;

/** Open at `local` by `ranges`; a range whose end is not after its start runs past midnight. */
export function isOpen(hours: HoursCondition, local: LocalTime): boolean {
  if (hours.holidays?.includes(local.date)) return false;
  return hours.ranges.some((range) => {
    const from = minutesOf(range.from);
    const to = minutesOf(range.to);
    if (from < to) return range.days.includes(local.weekday) && local.minutes >= from && local.minutes < to;
    return (
      (range.days.includes(local.weekday) && local.minutes >= from) ||
      (range.days.includes(previousDay(local.weekday)) && local.minutes < to)
    );
  });
}

/** `Mon 10:15` — for explanations. */
export function describeLocal(local: LocalTime): string {
  const hh = String(Math.floor(local.minutes / 60)).padStart(2, '0');
  const mm = String(local.minutes % 60).padStart(2, '0');
  return `${local.weekday[0]!.toUpperCase()}${local.weekday.slice(1)} ${local.date} ${hh}:${mm}`;
}
