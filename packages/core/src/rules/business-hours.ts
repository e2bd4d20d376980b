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

const dayBit = (d: Weekday) => 1 << weekdays.indexOf(d);
const previousDay = (d: Weekday) => weekdays[(weekdays.indexOf(d) + 6) % 7]!;

/**
 * Opening hours compiled once per rule set: minutes and day masks precomputed, so a test is a few integer
 * comparisons. A range whose end is not after its start runs past midnight into the next day.
 */
export function openingHours(hours: HoursCondition): (local: LocalTime) => boolean {
  const holidays = new Set(hours.holidays ?? []);
  const ranges = hours.ranges.map((r) => ({
    days: r.days.reduce((mask, d) => mask | dayBit(d), 0),
    from: minutesOf(r.from),
    to: minutesOf(r.to),
  }));
  return (local) => {
    if (holidays.has(local.date)) return false;
    const today = dayBit(local.weekday);
    const yesterday = dayBit(previousDay(local.weekday));
    for (const r of ranges) {
      if (r.from < r.to) {
        if (r.days & today && local.minutes >= r.from && local.minutes < r.to) return true;
      } else if (
        (r.days & today && local.minutes >= r.from) ||
        (r.days & yesterday && local.minutes < r.to)
      ) {
        return true;
      }
    }
    return false;
  };
}

/** `Mon 10:15` — for explanations. */
export function describeLocal(local: LocalTime): string {
  const hh = String(Math.floor(local.minutes / 60)).padStart(2, '0');
  const mm = String(local.minutes % 60).padStart(2, '0');
  return `${local.weekday[0]!.toUpperCase()}${local.weekday.slice(1)} ${local.date} ${hh}:${mm}`;
}
