import { type CompiledCondition, compileCondition } from './compile-condition.js';
import { KeywordIndex } from './keyword-index.js';
import { FactsView, type RuleEvent, type RuleFacts } from './rule-facts.js';
import { printAction, printRule } from './rule-printer.js';
import type { Rule, RuleSetJson, Trigger } from './rule-schema.js';

/** One rule ready to run. */
export interface CompiledRule {
  /** 0-based position in the set: rules run in this order. */
  readonly index: number;
  readonly rule: Rule;
  /** The line the rule starts on in the set's text. */
  readonly line: number;
  readonly condition: CompiledCondition;
  /** Ends the run: its last action is `do nothing` or `stop`. */
  readonly halts: boolean;
}

/** Why one rule would or would not run for some facts (F32). */
export interface RuleExplanation {
  index: number;
  name: string | null;
  line: number;
  /** The rule in the language. */
  source: string;
  /** Its trigger fits and its conditions hold. */
  matches: boolean;
  /** It would run: it matches and no earlier rule ended the run. */
  runs: boolean;
  why: string;
  actions: string[];
}

const eventOf = (trigger: Trigger | undefined): RuleEvent => trigger?.type ?? 'message';

function triggerFits(rule: Rule, facts: RuleFacts): boolean {
  const t = rule.trigger;
  if (!t || t.type === 'message') return facts.event === 'message' || facts.event === 'call';
  if (t.type !== facts.event) return false;
  if (t.type === 'confirmed') return true;
  // `unsubscribed` alone is a STOP (no channel); `subscribed` alone is any channel.
  if (t.type === 'unsubscribed') return (t.channel ?? null) === facts.channel;
  return t.channel === undefined || t.channel === facts.channel;
}

function describeEvent(facts: RuleFacts): string {
  if (facts.event === 'message' || facts.event === 'call') return `a ${facts.event}`;
  if (facts.event === 'confirmed') return 'a confirmation';
  if (facts.channel === null)
    return facts.event === 'unsubscribed' ? 'an unsubscribe from everything' : 'a subscription';
  return `${facts.event === 'subscribed' ? 'a subscription to' : 'leaving'} ${facts.channel}`;
}

function describeTrigger(t: Trigger | undefined): string {
  if (!t || t.type === 'message') return 'messages and calls';
  if (t.type === 'confirmed') return 'confirmations';
  if (t.type === 'subscribed')
    return t.channel === undefined ? 'any subscription' : `subscriptions to ${t.channel}`;
  return t.channel === undefined ? 'unsubscribes from everything' : `leaving ${t.channel}`;
}

/**
 * A rule set compiled
 for evaluation: conditions as closures, message rules indexed by keyword, other
 * triggers by event. Built once per set and cached; evaluating it allocates only the result.
 */
export class CompiledRules {
  readonly rules: readonly CompiledRule[];
  readonly #messageIndex = new KeywordIndex<CompiledRule>();
  readonly #byEvent = new Map<RuleEvent, CompiledRule[]>();

  constructor(
    readonly json: RuleSetJson,
    readonly text: string,
    lines: readonly number[],
  ) {
    this.rules = json.rules.map((rule, index) => {
      const last = rule.actions.at(-1)?.type;
      return {
        index,
        rule,
        line: lines[index] ?? index + 1,
        condition: compileCondition(rule.condition),
        halts: last === 'stop' || last === 'do-nothing',
      };
    });
    for (const compiled of this.rules) {
      const event = eventOf(compiled.rule.trigger);
      if (event === 'message') this.#messageIndex.add(compiled, compiled.rule.condition);
      else {
        const list = this.#byEvent.get(event);
        if (list) list.push(compiled);
        else this.#byEvent.set(event, [compiled]);
      }
    }
  }

  /** Whether any rule starts on this event (consent events are only recorded when one does). */
  listensFor(event: RuleEvent): boolean {
    return event === 'message' || event === 'call' ? true : this.#byEvent.has(event);
  }

  /** The rules worth testing for these facts, in order: a superset of those that match. */

  candidates(view: FactsView): readonly CompiledRule[] {
    const { facts } = view;
    if (facts.event !== 'message' && facts.event !== 'call')
      return (this.#byEvent.get(facts.event) ?? []).filter((r) => triggerFits(r.rule, facts));
    return this.#messageIndex.candidates(facts.text ? view.key : '');
  }

  /** The rules that run for these facts, in order, up to and including the first that ends the run. */
  match(facts: RuleFacts): CompiledRule[] {
    const view = new FactsView(facts);
    return this.fire(this.candidates(view), view);
  }

  /** Of `candidates` (from {@link candidates}), those that run. */
  fire(candidates: readonly CompiledRule[], view: FactsView): CompiledRule[] {
    const fired: CompiledRule[] = [];
    for (const candidate of candidates) {
      if (!candidate.condition.test(view)) continue;
      fired.push(candidate);
      if (candidate.halts) break;
    }
    return fired;
  }

  /** Every rule with whether it would run and why, without running anything (F32). */
  explain(facts: RuleFacts): RuleExplanation[] {
    const view = new FactsView(facts);
    let endedBy: CompiledRule | null = null;
    return this.rules.map((compiled) => {
      const { rule } = compiled;
      const fits = triggerFits(rule, facts);
      const matches = fits && compiled.condition.test(view);
      let why = fits
        ? compiled.condition.describe(view, matches)
        : `the rule is for ${describeTrigger(rule.trigger)}; this is ${describeEvent(facts)}`;
      const runs = matches && endedBy === null;
      if (matches && !runs)
        why += `; but rule ${endedBy!.index + 1} (line ${endedBy!.line}) ended the run before it`;
      if (runs && compiled.halts) endedBy = compiled;
      return {
        index: compiled.index,
        name: rule.name ?? null,
        line: compiled.line,
        source: printRule(rule),
        matches,
        runs,
        why,
        actions: rule.actions.map(printAction),
      };
    });
  }
}
