import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Action,
  type Condition,
  compileRules,
  type Logger,
  parseRules,
  printRules,
  type Rule,
  type RuleFacts,
  TidingsError,
  type Trigger,
  type Weekday,
} from '../src/index.js';
import { EXAMPLES } from './rule-examples.js';
import { rulesSetup } from './rules-setup.js';

/** Words and marks of the language, so random text often gets deep into the parser. */
const pieces = [
  'when',
  'then',
  'rule',
  'keyword',
  'contains',
  'text',
  'matches',
  '/^a+$/i',
  '/(',
  'first',
  'message',
  'inside',
  'outside',
  'hours',
  'mon-fri',
  'sat',
  'daily',
  '09:00-18:00',
  '22:00-02:00',
  '25:00-26:00',
  'Europe/Vienna',
  'except',
  '2026-12-25',
  '2026-02-30',
  'in',
  'channel',
  'sport',
  'on',
  'sandbox',
  'media',
  'image',
  'call',
  'window',
  'open',
  'and',
  'or',
  'not',
  '(',
  ')',
  ',',
  '"',
  '"Hallo {name}"',
  '"\\"',
  'reply',
  'forward',
  'http',
  'https://x.example/h',
  'email',
  'a@b.co',
  'sms',
  '+436641234567',
  'add',
  'to',
  'remove',
  'from',
  'tag',
  'assign',
  'do',
  'nothing',
  'stop',
  'subscribed',
  'unsubscribed',
  'confirmed',
  'any',
  '😡',
  'TANZ',
  '#',
  '\n',
  '\t',
  '„',
];
const soup = fc
  .array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 6 })), { maxLength: 60 })
  .chain((words) => fc.constantFrom(' ', '\n', '  ').map((sep) => words.join(sep)));

const text = fc.string({
  minLength: 1,
  maxLength: 12,
  unit: fc.constantFrom('a', 'Z', ' ', '"', '\\', ',', 'é', '😡', '#', '/', '(', 'x'),
});
const slug = fc.constantFrom('sport', 'news', 'tanz');
const days = fc
  .subarray(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as Weekday[], { minLength: 1 })
  .map((d) => [...d]);
const hhmm = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 59));
const time = hhmm.map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);

const leaf: fc.Arbitrary<Condition> = fc.oneof(
  fc.constant({ type: 'any' as const }),
  text.map((keyword) => ({ type: 'keyword' as const, keyword })),
  text.map((t) => ({ type: 'contains' as const, text: t })),
  fc
    .record({
      pattern: fc.constantFrom('^stopp?$', 'a/b', '\\d+', '[/]x', 'ä|ü'),
      flags: fc.constantFrom('', 'i', 'iu'),
    })
    .map((r) => ({ type: 'matches' as const, ...r })),
  fc.constant({ type: 'first-message' as const }),
  fc
    .record({
      inside: fc.boolean(),
      ranges: fc.array(
        fc.record({ days, from: time, to: time }).filter((r) => r.from !== r.to),
        { minLength: 1, maxLength: 3 },
      ),
      zone: fc.constantFrom('Europe/Vienna', 'UTC', 'America/New_York'),
      holidays: fc.option(fc.constant<string[]>(['2026-12-24', '2026-12-25']), { nil: undefined }),
    })
    .map(({ holidays, ...h }) => ({ type: 'hours' as const, ...h, ...(holidays ? { holidays } : {}) })),
  slug.map((channel) => ({ type: 'in-channel' as const, channel })),
  fc.constantFrom('sandbox', 'telegram').map((transport) => ({ type: 'on' as const, transport })),
  fc.constantFrom('image', 'audio', 'any' as const).map((kind) => ({ type: 'media' as const, kind })),
  fc.constant({ type: 'call' as const }),
  fc.constant({ type: 'window-open' as const }),
);
const condition: fc.Arbitrary<Condition> = fc.letrec<{ c: Condition }>((tie) => ({
  c: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc
      .array(tie('c'), { minLength: 2, maxLength: 3 })
      .map((conditions) => ({ type: 'and' as const, conditions })),
    fc
      .array(tie('c'), { minLength: 2, maxLength: 3 })
      .map((conditions) => ({ type: 'or' as const, conditions })),
    tie('c').map((c) => ({ type: 'not' as const, condition: c })),
  ),
})).c;
const action: fc.Arbitrary<Action> = fc.oneof(
  text.map((t) => ({ type: 'reply' as const, text: t })),
  fc.constant({ type: 'forward-http' as const, url: 'https://crm.example.com/hook' }),
  fc.constant({ type: 'forward-email' as const, to: 'support@example.com' }),
  fc.constant({ type: 'forward-sms' as const, to: '+436641234567' }),
  slug.map((channel) => ({ type: 'add-to-channel' as const, channel })),
  slug.map((channel) => ({ type: 'remove-from-channel' as const, channel })),
  text.map((tag) => ({ type: 'tag' as const, tag })),
  text.map((agent) => ({ type: 'assign' as const, agent })),
);
const trigger: fc.Arbitrary<Trigger | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constant<Trigger>({ type: 'confirmed' }),
  fc
    .option(slug, { nil: undefined })
    .map((channel): Trigger => (channel ? { type: 'subscribed', channel } : { type: 'subscribed' })),
  fc
    .option(slug, { nil: undefined })
    .map((channel): Trigger => (channel ? { type: 'unsubscribed', channel } : { type: 'unsubscribed' })),
);
const rule: fc.Arbitrary<Rule> = fc
  .record({
    name: fc.option(text, { nil: undefined }),
    trigger,
    condition,
    actions: fc.array(action, { minLength: 1, maxLength: 3 }),
    end: fc.constantFrom(null, 'stop' as const, 'do-nothing' as const),
  })
  .map(({ name, trigger: t, condition: c, actions, end }) => {
    const r: Rule = {
      condition: c,
      actions: end === 'do-nothing' ? [{ type: 'do-nothing' }] : end ? [...actions, { type: end }] : actions,
    };
    if (name !== undefined) r.name = name;
    if (t) r.trigger = t;
    return r;
  });

const facts: fc.Arbitrary<RuleFacts> = fc.record({
  event: fc.constantFrom('message', 'message', 'call', 'subscribed', 'unsubscribed', 'confirmed' as const),
  channel: fc.option(slug, { nil: null }),
  text: fc.oneof(
    text,
    fc.constantFrom('TANZ', 'tanz!', '😡', 'Stopp', 'Ticket bitte', ''),
    fc.string({ maxLength: 30 }),
  ),
  media: fc.option(fc.constantFrom('image', 'audio', 'video', 'document' as const), { nil: null }),
  transport: fc.constantFrom('sandbox', 'telegram'),
  at: fc.integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2027-01-01T00:00:00Z') }),
  firstMessage: fc.boolean(),
  windowOpen: fc.boolean(),
  channels: fc.subarray(['sport', 'news', 'tanz']).map((s) => new Set(s)),
});

describe('rules under random input (property tests)', () => {
  it('the parser never throws or hangs on random text, and every issue points into the text', () => {
    fc.assert(
      fc.property(fc.oneof(soup, fc.string({ maxLength: 200 })), (input) => {
        const started = performance.now();
        const { issues } = parseRules(input);
        expect(performance.now() - started).toBeLessThan(250);
        const lines = input.split('\n');
        for (const issue of issues) {
          expect(issue.line).toBeGreaterThanOrEqual(1);
          expect(issue.line!).toBeLessThanOrEqual(lines.length);
          expect(issue.column).toBeGreaterThanOrEqual(1);
          expect(issue.column!).toBeLessThanOrEqual(Array.from(lines[issue.line! - 1]!).length + 1);
        }
        try {
          compileRules(input);
        } catch (error) {
          expect(TidingsError.isInstance(error) && error.code === 'INVALID_RULES').toBe(true);
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it('JSON printed as text parses back to the same JSON', () => {
    fc.assert(
      fc.property(fc.array(rule, { minLength: 1, maxLength: 4 }), (rules) => {
        const text = printRules({ rules });
        const parsed = parseRules(text);
        expect(parsed.issues).toEqual([]);
        expect(parsed.json.rules).toEqual(rules);
      }),
      { numRuns: 500 },
    );
  });

  it('evaluation never throws, and match agrees with explain (the keyword index loses nothing)', () => {
    const compiled = (rules: Rule[]) => {
      try {
        return compileRules({ rules });
      } catch {
        return null; // a random set may be invalid (a keyword of punctuation only): not the point here
      }
    };
    fc.assert(
      fc.property(
        fc.array(rule, { minLength: 1, maxLength: 8 }),
        fc.array(facts, { minLength: 1, maxLength: 5 }),
        (rules, list) => {
          const set = compiled(rules) ?? compileRules(EXAMPLES);
          for (const f of list) {
            const fired = set.match(f).map((r) => r.index);
            const explained = set.explain(f);
            expect(fired).toEqual(explained.filter((r) => r.runs).map((r) => r.index));
            for (const r of explained) expect(typeof r.why).toBe('string');
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('random messages, media and calls through the pipeline with the examples loaded: no error, no hang', async () => {
    const errors: unknown[] = [];
    const logger: Logger = {
      debug() {},
      info() {},
      warn() {},
      error: (message, context) => void errors.push({ message, context }),
    };
    const { tidings, sandbox, clock } = await rulesSetup(EXAMPLES, { logger });
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            from: fc.constantFrom('+436641234567', '+436649876543', '+4915112345678'),
            kind: fc.constantFrom('text', 'text', 'text', 'media', 'call' as const),
            text: fc.oneof(
              fc.string({ maxLength: 40 }),
              fc.constantFrom('STOP', 'START', 'TANZ', '😡', 'Ticket', 'SPORT'),
            ),
            waitMs: fc.integer({ min: 0, max: 6 * 60 * 60 * 1000 }),
          }),
          { minLength: 1, maxLength: 15 },
        ),
        async (messages) => {
          for (const m of messages) {
            await clock.advance(m.waitMs);
            const started = performance.now();
            if (m.kind === 'call') await sandbox.simulateCall(m.from);
            else if (m.kind === 'media')
              await sandbox.simulateInbound({
                from: m.from,
                media: { kind: 'image', url: 'https://x/y.jpg', caption: m.text },
              });
            else await sandbox.simulateInbound({ from: m.from, text: m.text });
            await tidings.drain();
            expect(performance.now() - started).toBeLessThan(1_000);
          }
          expect(errors).toEqual([]);
        },
      ),
      { numRuns: 40 },
    );
  });
});
