import { type SafeResult, toSafe } from '../errors/safe.js';
import { TidingsError } from '../errors/tidings-error.js';
import type { ForwardWorker } from '../forwarding/forward-worker.js';
import type { MediaKind } from '../model/content.js';
import type { Forward, ForwardStatus } from '../ports/rule-store.js';
import type { Page } from '../ports/store.js';
import type { CoreContext } from '../services/core-context.js';
import { analyzeRules } from './analyze-rules.js';
import { CompiledRules, type RuleExplanation } from './compiled-rules.js';
import type { RuleCache } from './rule-cache.js';
import type { RuleEnvironment } from './rule-check.js';
import type { RuleFacts } from './rule-facts.js';
import { type RuleIssue, rulesError } from './rule-issue.js';
import type { RuleSetInput, RuleSetJson } from './rule-schema.js';

/** The rule set in both forms. */
export interface RuleSetView {
  /** The text as set, or the JSON printed one rule per line. */
  text: string;
  json: RuleSetJson;
  /** 0 before any set. */
  version: number;
  updatedAt: number | null;
}

/** A message to explain: what it says, and who sent it (an existing contact by address) or their traits. */
export interface ExplainInput {
  text?: string;
  media?: MediaKind;
  /** A call instead of a message. */
  call?: boolean;
  /** Default: the first transport. */
  transport?: string;
  /** The address of a known contact: their channels, first message and service window count. */
  from?: string;
  firstMessage?: boolean;
  /** Channel slugs the sender is in (instead of a known contact's). */
  channels?: string[];
  windowOpen?: boolean;
  /** Explain a consent event instead of a message. */
  trigger?: { type: 'subscribed' | 'unsubscribed'; channel?: string } | { type: 'confirmed' };
}

export interface Explanation {
  at: number;
  /** The facts the rules were evaluated on. */
  facts: Omit<RuleFacts, 'channels'> & { channels: string[] };
  /** Every rule, in order. */
  rules: RuleExplanation[];
  /** The indexes of the rules that would run. */
  runs: number[];
}

/** `tidings.rules`: the auto-reply rules (F30–F32). */
export interface RulesApi {
  /**
   * Replaces the rule set atomically, from text or JSON. An invalid set changes nothing and throws
   * INVALID_RULES with every problem (`issues`, with line and column for text).
   * @example
   * await tidings.rules.set(`
   *   when keyword TANZ then add to channel tanz, reply "Du bist dabei 💃"
   *   when outside hours mon-fri 09:00-18:00 Europe/Vienna then reply "Wir antworten ab 9 Uhr."
   * `);
   */
  set(rules: string | RuleSetInput): Promise<RuleSetView>;
  safeSet(rules: string | RuleSetInput): Promise<SafeResult<RuleSetView>>;
  /** The problems `set` would report, without setting anything (empty: valid). */
  check(rules: string | RuleSetInput): Promise<RuleIssue[]>;
  get(): Promise<RuleSetView>;
  /** Which rules a message would run and why, without running anything (F32). `at` defaults to now. */
  explain(message: ExplainInput, at?: number): Promise<Explanation>;
  /** Forwards waiting for a retry (`queued`) or failed for good (`failed`), oldest first. */
  listForwards(query?: {
    status?: ForwardStatus;
    limit?: number;
    cursor?: string | null;
  }): Promise<Page<Forward>>;
  /** Queues a failed forward again, due now (a replay). */
  retryForward(id: string): Promise<Forward>;
}

export function rulesApi(ctx: CoreContext, cache: RuleCache, forwards: ForwardWorker): RulesApi {
  const { store, workspaceId, clock } = ctx;

  const environment = async (): Promise<RuleEnvironment> => ({
    channels: new Set((await ctx.channels.get()).channels.map((c) => c.slug)),
    transports: new Set(ctx.transports.keys()),
    forwarding: {
      http: ctx.options.forwarding.secret !== undefined,
      email: ctx.options.forwarding.email !== undefined,
      sms: ctx.options.forwarding.sms !== undefined,
    },
  });

  const set = async (input: string | RuleSetInput): Promise<RuleSetView> => {
    const analyzed = analyzeRules(input, await environment());
    if (analyzed.issues.length > 0) throw rulesError(analyzed.issues);
    const source = typeof input === 'string' ? 'text' : 'json';
    const stored = await store.rules.replace(
      workspaceId,
      { source, text: analyzed.text, json: analyzed.json },
      clock.now(),
    );
    cache.put(stored, new CompiledRules(analyzed.json, analyzed.text, analyzed.lines));
    return { text: stored.text, json: stored.json, version: stored.version, updatedAt: stored.updatedAt };
  };

  const factsFor = async (input: ExplainInput, at: number): Promise<RuleFacts> => {
    const transport = input.transport ?? [...ctx.transports.keys()][0]!;
    const contact = input.from
      ? await store.contacts.findByAddress(workspaceId, transport, input.from)
      : null;
    let channels = input.channels ?? [];
    if (contact && !input.channels) {
      const ids = new Set(
        (await store.subscriptions.listByContact(workspaceId, contact.id)).map((s) => s.channelId),
      );
      channels = (await ctx.channels.get()).channels.filter((c) => ids.has(c.id)).map((c) => c.slug);
    }
    const windowMs = ctx.transports.get(transport)?.capabilities.serviceWindowMs ?? null;
    const lastIn = contact?.lastInboundAt ?? null;
    const trigger = input.trigger;
    return {
      event: trigger ? trigger.type : input.call ? 'call' : 'message',
      channel: trigger && 'channel' in trigger ? (trigger.channel ?? null) : null,
      text: trigger ? '' : (input.text ?? ''),
      media: trigger ? null : (input.media ?? null),
      transport,
      at,
      firstMessage: input.firstMessage ?? (input.from !== undefined && contact === null),
      windowOpen: input.windowOpen ?? (windowMs === null || (lastIn !== null && at - lastIn < windowMs)),
      channels: new Set(channels),
    };
  };

  return {
    set,
    safeSet: (input) => toSafe(() => set(input)),
    async check(input) {
      return analyzeRules(input, await environment()).issues;
    },
    async get() {
      const stored = await store.rules.get(workspaceId);
      if (!stored) return { text: '', json: { rules: [] }, version: 0, updatedAt: null };
      return { text: stored.text, json: stored.json, version: stored.version, updatedAt: stored.updatedAt };
    },
    async explain(input, at = clock.now()) {
      const facts = await factsFor(input, at);
      const compiled = await cache.get();
      const rules = compiled ? compiled.explain(facts) : [];
      return {
        at,
        facts: { ...facts, channels: [...facts.channels] },
        rules,
        runs: rules.filter((r) => r.runs).map((r) => r.index),
      };
    },
    listForwards: (query = {}) =>
      store.forwards.list(workspaceId, {
        limit: Math.min(Math.max(query.limit ?? 50, 1), 500),
        ...(query.status ? { status: query.status } : {}),
        cursor: query.cursor ?? null,
      }),
    async retryForward(id) {
      const forward = await store.forwards.retry(workspaceId, id, clock.now());
      if (!forward)
        throw new TidingsError('NOT_FOUND', `No failed forward ${id}; only failed forwards can be retried.`);
      forwards.kick();
      return forward;
    },
  };
}
