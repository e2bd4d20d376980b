import type { SourcePosition } from './rule-issue.js';
import type { Condition, HoursRange, Weekday } from './rule-schema.js';
import { weekdays } from './rule-schema.js';
import type { Token } from './rule-tokens.js';
import { describeToken, type TokenCursor } from './token-cursor.js';

type HoursCondition = Extract<Condition, { type: 'hours' }>;

const dayNames: Record<string, Weekday> = Object.fromEntries(
  weekdays.flatMap((d, i) => [
    [d, d],
    [['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'][i]!, d],
  ]),
);
const dayGroups: Record<string, Weekday[]> = {
  daily: [...weekdays],
  weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'],
  weekends: ['sat', 'sun'],
};
const spanPattern = /^(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})$/;
const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Words that end the hours: a zone can never be one of them. */
const reserved = new Set(['then', 'and', 'or', 'except', 'not']);

/** `mon`, `mon-fri` (wrapping: `fri-mon`), `daily`, `weekdays`, `weekends`; null when the word is no day. */
function daysOf(word: string): Weekday[] | null {
  const lower = word.toLowerCase();
  if (dayGroups[lower]) return dayGroups[lower];
  const [from, to, extra] = lower.split('-');
  const a = from ? dayNames[from] : undefined;
  if (!a || extra !== undefined) return null;
  if (to === undefined) return [a];
  const b = dayNames[to];
  if (!b) return null;
  const days: Weekday[] = [];
  for (let i = weekdays.indexOf(a); ; i = (i + 1) % 7) {
    days.push(weekdays[i]!);
    if (weekdays[i] === b) return days;
  }
}

const isDayWord = (t: Token) => t.kind === 'word' && daysOf(t.value) !== null;
const isSpanWord = (t: Token) => t.kind === 'word' && spanPattern.test(t.value);
const pad = (n: string) => n.padStart(2, '0');

function span(cursor: TokenCursor): { from: string; to: string } {
  const token = cursor.next();
  const m = spanPattern.exec(token.value)!;
  const [h1, m1, h2, m2] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
  const valid = (h: number, min: number, end: boolean) =>
    min < 60 && (h < 24 || (end && h === 24 && min === 0));
  if (!valid(h1, m1, false) || !valid(h2, m2, true))
    cursor.fail(token, `"${token.value}" is no time span: use HH:MM-HH:MM between 00:00 and 24:00`);
  const from = `${pad(m[1]!)}:${m[2]}`;
  const to = `${pad(m[3]!)}:${m[4]}`;
  if (from === to) cursor.fail(token, `"${token.value}" is empty: the start and end are the same`);
  return { from, to };
}

function days(cursor: TokenCursor): Weekday[] {
  const found = new Set<Weekday>();
  for (;;) {
    const token = cursor.peek();
    const list = token.kind === 'word' ? daysOf(token.value) : null;
    if (!list)
      cursor.fail(
        token,
        `expected days such as mon-fri, sat or daily, found ${describeToken(token)} (e.g. "outside hours mon-fri 09:00-18:00 Europe/Vienna")`,
      );
    cursor.next();
    for (const d of list) found.add(d);
    if (cursor.peek().kind === 'comma' && isDayWord(cursor.peek(1))) cursor.next();
    else break;
  }
  return weekdays.filter((d) => found.has(d));
}

function holidays(cursor: TokenCursor): string[] {
  const dates: string[] = [];
  for (;;) {
    const token = cursor.expectValue('a date as YYYY-MM-DD after "except"');
    const m = datePattern.exec(token.value);
    // A date that does not survive the round trip through Date (2026-02-30) is no date.
    const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
    if (!date || date.toISOString().slice(0, 10) !== token.value)
      cursor.fail(token, `"${token.value}" is no date: write it as YYYY-MM-DD, e.g. 2026-12-25`);
    dates.push(token.value);
    if (cursor.peek().kind !== 'comma') return dates;
    cursor.next();
  }
}

/**
 * After `inside hours` / `outside hours`: `mon-fri 09:00-12:00, 13:00-18:00, sat 10:00-14:00 Europe/Vienna
 * except 2026-12-24, 2026-12-25`. Commas separate days, spans and ranges; the zone ends the ranges.
 */
export function parseHours(
  cursor: TokenCursor,
  inside: boolean,
): { condition: HoursCondition; fields: Record<string, SourcePosition> } {
  const ranges: HoursRange[] = [];
  for (;;) {
    const d = days(cursor);
    if (!isSpanWord(cursor.peek()))
      cursor.fail(
        cursor.peek(),
        `expected opening times such as 09:00-18:00, found ${describeToken(cursor.peek())}`,
      );
    for (;;) {
      ranges.push({ days: d, ...span(cursor) });
      if (isSpanWord(cursor.peek())) continue;
      if (cursor.peek().kind === 'comma' && isSpanWord(cursor.peek(1))) cursor.next();
      else break;
    }
    if (cursor.peek().kind === 'comma' && isDayWord(cursor.peek(1))) cursor.next();
    else break;
  }
  const zone = cursor.peek();
  if (zone.kind !== 'word' || reserved.has(zone.value.toLowerCase()))
    cursor.fail(zone, `name the time zone after the hours, e.g. Europe/Vienna; found ${describeToken(zone)}`);
  cursor.next();
  const condition: HoursCondition = { type: 'hours', inside, ranges, zone: zone.value };
  if (cursor.accept('except')) condition.holidays = holidays(cursor);
  return { condition, fields: { zone } };
}
