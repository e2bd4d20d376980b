import { describeLocal, localTime, openingHours } from './business-hours.js';
import { keywordKey } from './keyword-key.js';
import type { FactsView } from './rule-facts.js';
import { printRanges } from './rule-printer.js';
import type { Condition } from './rule-schema.js';

/**
 * A condition compiled to closures: `test` is the hot path (no allocation beyond the facts' memo),
 * `describe` says in words why it holds or not, for `explain` (F32).
 */
export interface CompiledCondition {
  test(v: FactsView): boolean;
  /** The fact behind the outcome `ok` (which `test` gave). */
  describe(v: FactsView, ok: boolean): string;
  /** Reads the contact's channels (so the engine loads them first). */
  needsChannels: boolean;
}

const hasText = (v: FactsView) => v.facts.text.length > 0;

function leaf(
  test: (v: FactsView) => boolean,
  yes: string | ((v: FactsView) => string),
  no: string | ((v: FactsView) => string),
  needsChannels = false,
): CompiledCondition {
  const say = (s: string | ((v: FactsView) => string), v: FactsView) => (typeof s === 'string' ? s : s(v));
  return { test, describe: (v, ok) => say(ok ? yes : no, v), needsChannels };
}

export function compileCondition(c: Condition): CompiledCondition {
  switch (c.type) {
    case 'any':
      return leaf(() => true, 'any message matches', '');
    case 'keyword': {
      const key = keywordKey(c.keyword);
      return leaf(
        (v) => v.key === key,
        `the message is the keyword "${c.keyword}"`,
        (v) => `the message ("${v.facts.text.slice(0, 40)}") is not the keyword "${c.keyword}"`,
      );
    }
    case 'contains': {
      const needle = c.text.normalize('NFKC').toLowerCase();
      return leaf(
        (v) => hasText(v) && v.lower.includes(needle),
        `the text contains "${c.text}"`,
        `the text does not contain "${c.text}"`,
      );
    }
    case 'matches': {
      // No g or y flag is allowed, so `test` keeps no state between messages.
      const pattern = new RegExp(c.pattern, c.flags);
      return leaf(
        (v) => hasText(v) && pattern.test(v.patternInput),
        `the text matches /${c.pattern}/${c.flags}`,
        `the text does not match /${c.pattern}/${c.flags}`,
      );
    }
    case 'first-message':
      return leaf(
        (v) => v.facts.firstMessage,
        'it is the contact’s first message',
        'it is not the contact’s first message',
      );
    case 'hours': {
      const where = printRanges(c.ranges);
      const open = openingHours(c);
      const at = (v: FactsView) => localTime(c.zone, v.facts.at);
      const say = (v: FactsView) => {
        const local = at(v);
        const state = c.holidays?.includes(local.date) ? 'a holiday' : open(local) ? 'open' : 'closed';
        return `it is ${describeLocal(local)} in ${c.zone}: ${state} by ${where}`;
      };
      return leaf((v) => open(at(v)) === c.inside, say, say);
    }
    case 'in-channel':
      return leaf(
        (v) => v.facts.channels.has(c.channel),
        `the contact is in channel ${c.channel}`,
        `the contact is not in channel ${c.channel}`,
        true,
      );
    case 'on':
      return leaf(
        (v) => v.facts.transport === c.transport,
        `it came on ${c.transport}`,
        (v) => `it came on ${v.facts.transport}, not ${c.transport}`,
      );
    case 'media':
      return leaf(
        (v) => (c.kind === 'any' ? v.facts.media !== null : v.facts.media === c.kind),
        (v) => `the message has media: ${v.facts.media}`,
        c.kind === 'any' ? 'the message has no media' : `the message has no ${c.kind}`,
      );
    case 'call':
      return leaf((v) => v.facts.event === 'call', 'it is a call', 'it is not a call');
    case 'window-open':
      return leaf((v) => v.facts.windowOpen, 'the service window is open', 'the service window is closed');
    case 'not': {
      const inner = compileCondition(c.condition);
      return {
        test: (v) => !inner.test(v),
        describe: (v, ok) => inner.describe(v, !ok),
        needsChannels: inner.needsChannels,
      };
    }
    case 'and':
    case 'or':
      return combine(c.type, c.conditions.map(compileCondition));
  }
}

function combine(kind: 'and' | 'or', parts: CompiledCondition[]): CompiledCondition {
  const all = kind === 'and';
  return {
    test: all ? (v) => parts.every((p) => p.test(v)) : (v) => parts.some((p) => p.test(v)),
    // "and" holds by all parts and fails by the first that fails; "or" the other way round.
    describe(v, ok) {
      if (ok !== all) {
        const decisive = parts.find((p) => p.test(v) === ok)!;
        return decisive.describe(v, ok);
      }
      return parts.map((p) => p.describe(v, ok)).join(all ? ' and ' : ', and ');
    },
    needsChannels: parts.some((p) => p.needsChannels),
  };
}
