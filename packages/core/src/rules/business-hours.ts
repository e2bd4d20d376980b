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

const formatters = new Map<string, Intl.DateTimeFormat>();
/** One remembered answer per zone: messages arrive in bursts within the same minute. */
const lastAnswer = new Map<string, { minute: number; local: LocalTime }>();
const weekdayByName: Record<string, Weekday> = {
  Mon: 'mon',
  Tue: 'tue',
  Wed: 'wed',
  Thu: 'thu',
  Fri: 'fri',
  Sat: 'sat',
  Sun: 'sun',
};

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** True for an IANA zone this runtime knows (`Europe/Vienna`, `UTC`). */
export function isKnownZone(zone: string): boolean {
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

/**
 * The local time in `zone` at `at`, by the runtime's time-zone data (Intl), so summer time is right on
 * both sides of a change: no offsets are computed here.
 */
export function localTime(zone: string, at: number): LocalTime {
  // Offsets change on whole minutes, so one answer serves the whole minute.
  const minute = Math.floor(at / 60_000);
  const cached = lastAnswer.get(zone);
  if (cached?.minute === minute) return cached.local;
  const parts: Record<string, string> = {};
  for (const part of formatter(zone).formatToParts(at)) parts[part.type] = part.value;
  const local: LocalTime = {
    weekday: weekdayByName[parts.weekday ?? ''] ?? 'mon',
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
    date: `${parts.year}-${parts.month}-${parts.day}`,
  };
  lastAnswer.set(zone, { minute, local });
  return local;
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const previousDay = (d: Weekday) => weekdays[(weekdays.indexOf(d) + 6) % 7]!;

/** Open at `local` by `ranges`; a range whose end is not after its start runs past midnight. */
export function isOpen(hours: HoursCondition, local: LocalTime): boolean {
  if (hours.holidays?.includes(local.date)) return false;
  return hours.ranges.some((range) => {
    const from = toMinutes(range.from);
    const to = toMinutes(range.to);
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
