import { z } from 'zod';

/**
 * The canonical JSON form of rules (F30). The text language compiles to exactly this; the store keeps it;
 * `tidings.rules.set()` takes either. Structure is checked here, meaning (channels that exist, safe patterns,
 * known time zones) in `checkRules`.
 */

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof weekdays)[number];

const time = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'a time as HH:MM, 00:00 to 24:00');
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
const name = z.string().min(1).max(200);

/** Opening hours on some weekdays, local time; `to` ≤ `from` runs past midnight into the next day. */
export interface HoursRange {
  days: Weekday[];
  from: string;
  to: string;
}

export type MediaCondition = 'image' | 'audio' | 'video' | 'document' | 'any';

export type Condition =
  | { type: 'any' }
  /** The whole message is the keyword: case, spacing and punctuation aside; emoji compare as emoji. */
  | { type: 'keyword'; keyword: string }
  /** Case-insensitive substring. */
  | { type: 'contains'; text: string }
  | { type: 'matches'; pattern: string; flags: string }
  | { type: 'first-message' }
  | {
      type: 'hours';
      inside: boolean;
      ranges: HoursRange[];
      /** An IANA zone, e.g. `Europe/Vienna`. */
      zone: string;
      /** Local dates (YYYY-MM-DD) that count as closed all day. */
      holidays?: string[] | undefined;
    }
  | { type: 'in-channel'; channel: string }
  | { type: 'on'; transport: string }
  | { type: 'media'; kind: MediaCondition }
  | { type: 'call' }
  | { type: 'window-open' }
  | { type: 'and'; conditions: Condition[] }
  | { type: 'or'; conditions: Condition[] }
  | { type: 'not'; condition: Condition };

export type Action =
  | { type: 'reply'; text: string }
  | { type: 'forward-http'; url: string }
  | { type: 'forward-email'; to: string }
  | { type: 'forward-sms'; to: string }
  | { type: 'add-to-channel'; channel: string }
  | { type: 'remove-from-channel'; channel: string }
  | { type: 'tag'; tag: string }
  | { type: 'assign'; agent: string }
  /** Ends the run here: no later rule runs (the exception mechanism). Alone in its rule. */
  | { type: 'do-nothing' }
  /** Ends the run after the actions before it. */
  | { type: 'stop' };

/** What starts a run: an inbound message or call (the default), or a change of consent. */
export type Trigger =
  | { type: 'message' }
  /** Joined a channel (any channel when none is named). */
  | { type: 'subscribed'; channel?: string | undefined }
  | { type: 'confirmed' }
  /** Left a channel; without a channel: unsubscribed from everything (STOP). */
  | { type: 'unsubscribed'; channel?: string | undefined };

export interface Rule {
  id?: string | undefined;
  name?: string | undefined;
  /** Absent: an inbound message or call. */
  trigger?: Trigger | undefined;
  condition: Condition;
  actions: Action[];
}

export interface RuleSetJson {
  rules: Rule[];
}

const hoursRange: z.ZodType<HoursRange> = z.object({
  days: z.array(z.enum(weekdays)).min(1),
  from: time,
  to: time,
});

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('any') }),
    z.object({ type: z.literal('keyword'), keyword: z.string().min(1).max(200) }),
    z.object({ type: z.literal('contains'), text: z.string().min(1).max(200) }),
    z.object({ type: z.literal('matches'), pattern: z.string().min(1).max(200), flags: z.string().max(6) }),
    z.object({ type: z.literal('first-message') }),
    z.object({
      type: z.literal('hours'),
      inside: z.boolean(),
      ranges: z.array(hoursRange).min(1).max(50),
      zone: z.string().min(1).max(64),
      holidays: z.array(date).max(400).optional(),
    }),
    z.object({ type: z.literal('in-channel'), channel: name }),
    z.object({ type: z.literal('on'), transport: name }),
    z.object({ type: z.literal('media'), kind: z.enum(['image', 'audio', 'video', 'document', 'any']) }),
    z.object({ type: z.literal('call') }),
    z.object({ type: z.literal('window-open') }),
    z.object({ type: z.literal('and'), conditions: z.array(conditionSchema).min(1).max(100) }),
    z.object({ type: z.literal('or'), conditions: z.array(conditionSchema).min(1).max(100) }),
    z.object({ type: z.literal('not'), condition: conditionSchema }),
  ]),
);

export const actionSchema: z.ZodType<Action> = z.discriminatedUnion('type', [
  z.object({ type: z.literal('reply'), text: z.string().min(1).max(4096) }),
  z.object({ type: z.literal('forward-http'), url: z.string().min(1).max(2048) }),
  z.object({ type: z.literal('forward-email'), to: z.string().min(1).max(320) }),
  z.object({ type: z.literal('forward-sms'), to: z.string().min(1).max(40) }),
  z.object({ type: z.literal('add-to-channel'), channel: name }),
  z.object({ type: z.literal('remove-from-channel'), channel: name }),
  z.object({ type: z.literal('tag'), tag: z.string().min(1).max(64) }),
  z.object({ type: z.literal('assign'), agent: z.string().min(1).max(100) }),
  z.object({ type: z.literal('do-nothing') }),
  z.object({ type: z.literal('stop') }),
]);

export const triggerSchema: z.ZodType<Trigger> = z.discriminatedUnion('type', [
  z.object({ type: z.literal('message') }),
  z.object({ type: z.literal('subscribed'), channel: name.optional() }),
  z.object({ type: z.literal('confirmed') }),
  z.object({ type: z.literal('unsubscribed'), channel: name.optional() }),
]);

export const ruleSchema: z.ZodType<Rule> = z.object({
  id: z.string().min(1).max(100).optional(),
  name: z.string().min(1).max(200).optional(),
  trigger: triggerSchema.optional(),
  condition: conditionSchema,
  actions: z.array(actionSchema).min(1).max(20),
});

/** The most rules one set may hold: far beyond a hand-written set, small enough to check in milliseconds. */
export const maxRules = 10_000;

export const ruleSetSchema: z.ZodType<RuleSetJson> = z.object({
  rules: z.array(ruleSchema).max(maxRules),
});

/** A set as JSON: `{ rules: [...] }`, or the bare list. */
export type RuleSetInput = RuleSetJson | Rule[];
