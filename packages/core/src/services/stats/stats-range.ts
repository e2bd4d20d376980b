import { dayIn } from '../../clock/day-in.js';
import { TidingsError } from '../../errors/tidings-error.js';
import type { StatsRange } from './stats-api.js';

const dayMs = 86_400_000;

export function toMs(value: number | string | Date, field: string): number {
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(ms))
    throw new TidingsError('INVALID_INPUT', `${field} is not a date.`, {
      issues: [{ field, message: 'not a date' }],
    });
  return ms;
}

/** The range in ms with a checked time zone; at most about ten years. */
export function resolveRange(range: StatsRange): { from: number; to: number; timeZone: string } {
  const from = toMs(range.from, 'from');
  const to = toMs(range.to, 'to');
  if (to <= from)
    throw new TidingsError('INVALID_INPUT', '`to` must be after `from`.', {
      issues: [{ field: 'to', message: 'not after from' }],
    });
  if (to - from > 3700 * dayMs)
    throw new TidingsError('INVALID_INPUT', 'The range is longer than ten years.', {
      issues: [{ field: 'to', message: 'range too long' }],
    });
  const timeZone = range.timeZone ?? 'UTC';
  try {
    dayIn(timeZone);
  } catch {
    throw new TidingsError('INVALID_INPUT', `Unknown time zone "${timeZone}".`, {
      issues: [{ field: 'timeZone', message: 'unknown time zone' }],
    });
  }
  return { from, to, timeZone };
}

/** Every calendar day from `first` to `last` (both `YYYY-MM-DD`), inclusive. */
export function daysBetween(first: string, last: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${first}T00:00:00Z`); ; t += dayMs) {
    const day = new Date(t).toISOString().slice(0, 10);
    days.push(day);
    if (day >= last) return days;
  }
}
