import { describe, expect, it } from 'vitest';
import { compileRules, parseRules, printRules, type RuleFacts, TidingsError } from '../src/index.js';
import { EXAMPLES } from './rule-examples.js';

const facts = (over: Partial<RuleFacts> = {}): RuleFacts => ({
  event: 'message',
  channel: null,
  text: '',
  media: null,
  transport: 'sandbox',
  at: Date.parse('2026-06-03T08:00:00Z'), // a Wednesday, 10:00 in Vienna
  firstMessage: false,
  windowOpen: true,
  channels: new Set(),
  ...over,
});

function issuesOf(text: string) {
  try {
    compileRules(text, { channels: new Set(['sport', 'news', 'tanz']), transports: new Set(['sandbox']) });
  } catch (error) {
    if (TidingsError.isInstance(error)) return error.issues.map((i) => [i.line, i.column, i.message]);
    throw error;
  }
  return [];
}

describe('the rule language (F30)', () => {
  it('parses the ten examples to the canonical JSON', () => {
    const { json, issues } = parseRules(EXAMPLES);
    expect(issues).toEqual([]);
    expect(json.rules).toEqual([
      {
        condition: { type: 'keyword', keyword: 'TANZ' },
        actions: [
          { type: 'add-to-channel', channel: 'tanz' },
          { type: 'reply', text: 'Du bist dabei 💃' },
        ],
      },
      {
        condition: { type: 'keyword', keyword: '😡' },
        actions: [
          { type: 'forward-email', to: 'support@example.com' },
          { type: 'reply', text: 'Sorry! Wir melden uns.' },
        ],
      },
      { condition: { type: 'matches', pattern: '^stopp?$', flags: 'i' }, actions: [{ type: 'do-nothing' }] },
      {
        condition: {
          type: 'hours',
          inside: false,
          ranges: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '18:00' }],
          zone: 'Europe/Vienna',
        },
        actions: [{ type: 'reply', text: 'Wir antworten ab 9 Uhr.' }],
      },
      {
        condition: { type: 'first-message' },
        actions: [{ type: 'reply', text: 'Hallo {name}, willkommen!' }],
      },
      {
        condition: {
          type: 'and',
          conditions: [
            { type: 'in-channel', channel: 'sport' },
            { type: 'contains', text: 'Ticket' },
          ],
        },
        actions: [
          { type: 'assign', agent: 'anna' },
          { type: 'tag', tag: 'tickets' },
        ],
      },
      {
        condition: { type: 'media', kind: 'image' },
        actions: [{ type: 'reply', text: 'Danke für das Bild!' }],
      },
      {
        condition: { type: 'any' },
        actions: [{ type: 'forward-http', url: 'https://crm.example.com/hook' }],
      },
      {
        trigger: { type: 'subscribed', channel: 'sport' },
        condition: { type: 'any' },
        actions: [{ type: 'reply', text: 'Anpfiff! ⚽' }],
      },
      {
        condition: { type: 'call' },
        actions: [{ type: 'reply', text: 'Anrufe können wir hier nicht annehmen — schreib uns einfach.' }],
      },
    ]);
    // The text form printed from the JSON reads back as the same JSON.
    expect(parseRules(printRules(json)).json).toEqual(json);
  });

  it('compiles the examples against an installation, and a JSON set the same way', () => {
    const rules = compileRules(EXAMPLES, { channels: new Set(['sport', 'tanz']) });
    expect(rules.rules.map((r) => r.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    const fromJson = compileRules(rules.json);
    expect(fromJson.json).toEqual(rules.json);
    expect(fromJson.text.split('\n')[0]).toBe(
      'when keyword TANZ then add to channel tanz, reply "Du bist dabei 💃"',
    );
  });

  it('accepts blocks over several lines, names, parentheses, several hour ranges and holidays', () => {
    const { json, issues } = parseRules(`
rule "Away" when outside hours mon-fri 08:00-12:00, 13:00-17:00, sat 09:00-12:00 Europe/Vienna
        except 2026-12-24, 2026-12-25
  then reply "Wir sind gerade nicht da.", stop
WHEN Keyword "Hallo Welt" AND NOT (on telegram OR media) THEN tag greeting
when unsubscribed then forward email "crm@example.com"
when unsubscribed from sport and window open then reply "Schade!"
when confirmed then assign to desk`);
    expect(issues).toEqual([]);
    expect(json.rules[0]).toMatchObject({
      name: 'Away',
      condition: {
        ranges: [
          { days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '08:00', to: '12:00' },
          { days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '13:00', to: '17:00' },
          { days: ['sat'], from: '09:00', to: '12:00' },
        ],
        holidays: ['2026-12-24', '2026-12-25'],
      },
    });
    expect(json.rules[1]!.condition).toEqual({
      type: 'and',
      conditions: [
        { type: 'keyword', keyword: 'Hallo Welt' },
        {
          type: 'not',
          condition: {
            type: 'or',
            conditions: [
              { type: 'on', transport: 'telegram' },
              { type: 'media', kind: 'any' },
            ],
          },
        },
      ],
    });
    expect(json.rules.slice(2).map((r) => r.trigger)).toEqual([
      { type: 'unsubscribed' },
      { type: 'unsubscribed', channel: 'sport' },
      { type: 'confirmed' },
    ]);
    expect(parseRules(printRules(json)).json).toEqual(json);
  });

  it('reports every parse error with its line and column, and keeps the rules around them', () => {
    const text = [
      'when keyword then reply "x"',
      'when any then reply "fine"',
      'when foo then reply "y"',
      'when keyword x then reply nope',
      'when outside hours mon-fry 09:00-18:00 Europe/Vienna then reply "z"',
      'when keyword "open then stop',
      'when any then',
      'when any then stop',
    ].join('\n');
    const { json, issues } = parseRules(text);
    expect(issues.map((i) => [i.line, i.column])).toEqual([
      [6, 14],
      [1, 14],
      [3, 6],
      [4, 27],
      [5, 20],
      [7, 1],
      [8, 1],
    ]);
    expect(issues[1]!.message).toContain('expected the keyword');
    expect(issues[3]!.message).toContain('put the reply in double quotes');
    expect(issues[4]!.message).toContain('"mon-fry"');
    expect(json.rules).toHaveLength(2);
  });

  it('reports check errors at the word that is wrong: channels, zones, patterns, placeholders, unreachable actions', () => {
    expect(
      issuesOf(`when in channel sprot then reply "Hi {nmae}"
when outside hours daily 09:00-17:00 Europe/Wien then stop
when text matches /(a+)+$/ then stop
when any then stop, tag x
when any then tag x, do nothing
when on whatsapp then forward http ftp://example.com
when subscribed to sport and keyword x then stop`),
    ).toEqual([
      [1, 17, 'there is no channel "sprot" (channels: sport, news, tanz); create it first or fix the name'],
      [1, 34, 'unknown placeholder {nmae}: a reply can use {name}, {business}, {channel}, {transport}'],
      [2, 38, '"Europe/Wien" is no time zone; use an IANA name such as Europe/Vienna or UTC'],
      [3, 19, expect.stringContaining('exponential')],
      [4, 21, 'actions after "stop" never run'],
      [5, 22, expect.stringContaining('"do nothing" stands alone')],
      [6, 9, 'there is no messenger "whatsapp" here (sandbox)'],
      [6, 36, '"ftp://example.com" is no http(s) URL'],
      [7, 30, expect.stringContaining('"subscribed" rule has no message')],
    ]);
  });

  it('rejects a JSON set by path, and an invalid set with INVALID_RULES naming every issue', () => {
    const error = (() => {
      try {
        compileRules({ rules: [{ condition: { type: 'keyword' }, actions: [] }] } as never);
      } catch (e) {
        return e as TidingsError;
      }
    })();
    expect(error?.code).toBe('INVALID_RULES');
    expect(error?.issues.map((i) => i.field)).toEqual(['rules.0.actions', 'rules.0.condition.keyword']);
    expect(error?.message).toMatch(/^Invalid rules \(nothing was changed\) — rules\.0/);
  });
});

describe('evaluation', () => {
  const rules = compileRules(EXAMPLES);
  const fired = (over: Partial<RuleFacts>) => rules.match(facts(over)).map((r) => r.index + 1);

  it('matches keywords whatever the case, spacing and punctuation; emoji by their sequence', () => {
    expect(fired({ text: 'Tanz!' })).toEqual([1, 8]);
    expect(fired({ text: '  tAnZ ' })).toEqual([1, 8]);
    expect(fired({ text: 'Tanzen' })).toEqual([8]);
    expect(fired({ text: '😡' })).toEqual([2, 8]);
    expect(fired({ text: '😡!!' })).toEqual([2, 8]);
    expect(fired({ text: 'So 😡' })).toEqual([8]);
  });

  it('runs in order until "do nothing": the exception stops later rules', () => {
    expect(fired({ text: 'Stopp' })).toEqual([3]);
    expect(fired({ text: 'stoppt' })).toEqual([8]);
  });

  it('knows media, calls, channels, first messages and subscription triggers', () => {
    expect(fired({ media: 'image' })).toEqual([7, 8]);
    expect(fired({ event: 'call' })).toEqual([8, 10]);
    expect(fired({ text: 'Ein Ticket bitte', channels: new Set(['sport']) })).toEqual([6, 8]);
    expect(fired({ text: 'Ein Ticket bitte' })).toEqual([8]);
    expect(fired({ text: 'Hi', firstMessage: true })).toEqual([5, 8]);
    expect(fired({ event: 'subscribed', channel: 'sport' })).toEqual([9]);
    expect(fired({ event: 'subscribed', channel: 'news' })).toEqual([]);
  });

  it('explains which rules run and why, in agreement with match', () => {
    const explained = rules.explain(facts({ text: 'Stopp', at: Date.parse('2026-06-06T08:00:00Z') }));
    expect(explained.filter((r) => r.runs).map((r) => r.index)).toEqual([2]);
    expect(explained[2]).toMatchObject({ line: 4, matches: true, why: 'the text matches /^stopp?$/i' });
    expect(explained[3]).toMatchObject({
      matches: true,
      runs: false,
      why: 'it is Sat 2026-06-06 10:00 in Europe/Vienna: closed by mon-fri 09:00-18:00; but rule 3 (line 4) ended the run before it',
    });
    expect(explained[0]!.why).toBe('the message ("Stopp") is not the keyword "TANZ"');
    expect(explained[8]!.why).toBe('the rule is for subscriptions to sport; this is a message');
    expect(explained[5]!.why).toBe('the contact is not in channel sport');
  });
});

describe('pattern safety', () => {
  const problem = (pattern: string, flags = '') => {
    try {
      compileRules({
        rules: [{ condition: { type: 'matches', pattern, flags }, actions: [{ type: 'stop' }] }],
      });
      return null;
    } catch (error) {
      return (error as TidingsError).issues[0]!.message;
    }
  };

  it.each([
    ['(a+)+$', 'exponential'],
    ['(x*)*y', 'exponential'],
    ['((ab)+c)*', 'exponential'],
    ['(a|ab)*c', 'alternatives'],
    ['(\\w+\\s?)+$', 'exponential'],
    ['(.)\\1', 'backreferences'],
    ['(?<x>a)\\k<x>', 'backreferences'],
    ['.*a.*b.*c', 'unbounded'],
    ['a{1,100}b{1,100}c{1,100}', 'unbounded'],
    ['[', 'does not compile'],
  ])('refuses /%s/', (pattern, reason) => {
    expect(problem(pattern)).toContain(reason);
  });

  it('refuses the g and y flags, which would make matching depend on earlier messages', () => {
    expect(problem('x', 'g')).toContain('not allowed');
    expect(problem('x', 'y')).toContain('not allowed');
  });

  it.each([
    '^stopp?$',
    '\\b(rechnung|invoice)\\b.*\\d+',
    '^(?:hi|hallo)[!.]*$',
    '^\\+?[0-9 ]{6,20}$',
    '(ab){2,5}',
    '[(|)+*]+x',
    '\\p{Emoji}+',
  ])('accepts /%s/', (pattern) => {
    expect(problem(pattern, 'iu')).toBeNull();
  });

  it('bounds what a pattern sees, so a hostile message cannot stall it', () => {
    const set = compileRules('when text matches /^(a|b)c?.*x.*y$/ then stop');
    const started = performance.now();
    expect(set.match(facts({ text: 'a'.repeat(200_000) }))).toEqual([]);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
