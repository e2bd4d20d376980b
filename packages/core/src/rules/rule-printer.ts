import type { Action, Condition, HoursRange, Rule, RuleSetJson, Trigger, Weekday } from './rule-schema.js';
import { weekdays } from './rule-schema.js';

/** Quotes a text for the language: `"`, `\` and line breaks escaped. */
export function quote(text: string): string {
  return `"${text
    .replace(/[\\"]/g, (c) => `\\${c}`)
    .replace(/\n/g, '\\n')
    .replace(/\t/g, '\\t')}"`;
}

const structural = new Set(['then', 'and', 'or', 'when', 'rule']);

/** A value as a bare word where it reads back as the same word, in quotes otherwise. */
function value(text: string): string {
  const bare = /^[^\s,()"#/]+$/u.test(text) && !structural.has(text.toLowerCase());
  return bare ? text : quote(text);
}

/** `mon-fri`, `mon-wed, fri`, `daily`: consecutive days as runs. */
function printDays(days: readonly Weekday[]): string {
  const set = new Set(days);
  if (set.size === 7) return 'daily';
  const runs: string[] = [];
  for (let i = 0; i < 7; i++) {
    if (!set.has(weekdays[i]!)) continue;
    let j = i;
    while (j + 1 < 7 && set.has(weekdays[j + 1]!)) j++;
    runs.push(j === i ? weekdays[i]! : `${weekdays[i]}-${weekdays[j]}`);
    i = j;
  }
  return runs.join(', ');
}

/** `mon-fri 09:00-12:00, sat 10:00-14:00` */
export const printRanges = (ranges: readonly HoursRange[]) =>
  ranges.map((r) => `${printDays(r.days)} ${r.from}-${r.to}`).join(', ');

/** A pattern between slashes: a slash inside must be escaped to end up inside. */
const printPattern = (pattern: string) =>
  pattern.replace(/(\\.)|\//g, (_, escaped: string | undefined) => escaped ?? '\\/');

function needsParens(child: Condition, parent: Condition['type']): boolean {
  if (child.type === 'or') return true;
  return child.type === 'and' && (parent === 'and' || parent === 'not');
}

export function printCondition(c: Condition, parent: Condition['type'] | null = null): string {
  const text = printBare(c);
  return parent && needsParens(c, parent) ? `(${text})` : text;
}

function printBare(c: Condition): string {
  switch (c.type) {
    case 'any':
    case 'call':
      return c.type;
    case 'first-message':
      return 'first message';
    case 'window-open':
      return 'window open';
    case 'keyword':
      return `keyword ${value(c.keyword)}`;
    case 'contains':
      return `contains ${value(c.text)}`;
    case 'matches':
      return `text matches /${printPattern(c.pattern)}/${c.flags}`;
    case 'hours': {
      const except = c.holidays?.length ? ` except ${c.holidays.join(', ')}` : '';
      return `${c.inside ? 'inside' : 'outside'} hours ${printRanges(c.ranges)} ${c.zone}${except}`;
    }
    case 'in-channel':
      return `in channel ${value(c.channel)}`;
    case 'on':
      return `on ${value(c.transport)}`;
    case 'media':
      return `media ${c.kind}`;
    case 'and':
    case 'or':
      return c.conditions.map((child) => printCondition(child, c.type)).join(` ${c.type} `);
    case 'not':
      return `not ${printCondition(c.condition, 'not')}`;
  }
}

export function printAction(a: Action): string {
  switch (a.type) {
    case 'reply':
      return `reply ${quote(a.text)}`;
    case 'forward-http':
      return `forward http ${value(a.url)}`;
    case 'forward-email':
      return `forward email ${value(a.to)}`;
    case 'forward-sms':
      return `forward sms ${value(a.to)}`;
    case 'add-to-channel':
      return `add to channel ${value(a.channel)}`;
    case 'remove-from-channel':
      return `remove from channel ${value(a.channel)}`;
    case 'tag':
      return `tag ${value(a.tag)}`;
    case 'assign':
      return `assign to ${value(a.agent)}`;
    case 'do-nothing':
      return 'do nothing';
    case 'stop':
      return 'stop';
  }
}

function printTrigger(t: Trigger): string | null {
  switch (t.type) {
    case 'message':
      return null;
    case 'confirmed':
      return 'confirmed';
    case 'subscribed':
      return t.channel === undefined ? 'subscribed' : `subscribed to ${value(t.channel)}`;
    case 'unsubscribed':
      return t.channel === undefined ? 'unsubscribed' : `unsubscribed from ${value(t.channel)}`;
  }
}

/** One rule on one line, in the language; parses back to the same JSON. */
export function printRule(rule: Rule): string {
  const trigger = rule.trigger ? printTrigger(rule.trigger) : null;
  const condition = printCondition(rule.condition);
  const head =
    trigger === null ? condition : rule.condition.type === 'any' ? trigger : `${trigger} and ${condition}`;
  const name = rule.name === undefined ? '' : `rule ${quote(rule.name)} `;
  return `${name}when ${head} then ${rule.actions.map(printAction).join(', ')}`;
}

/** The text form of a JSON rule set, one rule per line (what `tidings.rules.get()` shows for JSON input). */
export function printRules(set: RuleSetJson): string {
  return set.rules.map((rule) => `${printRule(rule)}\n`).join('');
}
