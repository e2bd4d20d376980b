import { parseActions } from './parse-actions.js';
import { parseCondition } from './parse-condition.js';
import { issueAt, type RuleIssue } from './rule-issue.js';
import { type Condition, type Rule, type RuleSetJson, ruleSetSchema, type Trigger } from './rule-schema.js';
import type { Token } from './rule-tokens.js';
import { tokenize } from './rule-tokens.js';
import { positionOf, type SourceMap, SourceMarks } from './source-map.js';
import { describeToken, ParseFailure, TokenCursor } from './token-cursor.js';

export interface ParsedRules {
  /** The rules that parsed; with issues present, the set as a whole is invalid. */
  json: RuleSetJson;
  sourceMap: SourceMap;
  issues: RuleIssue[];
}

const startsRule = (t: Token) => t.kind === 'word' && ['when', 'rule'].includes(t.value.toLowerCase());

/**
 * Parses the rule language into the canonical JSON form, collecting every error with its line and column:
 * after an error it resumes at the next line that starts with `when` (or `rule`).
 *
 * ```
 * # comments start with #
 * rule "Tanz" when keyword TANZ then add to channel tanz, reply "Du bist dabei 💃"
 * when outside hours mon-fri 09:00-18:00 Europe/Vienna
 *   then reply "Wir antworten ab 9 Uhr."
 * ```
 */
export function parseRules(text: string): ParsedRules {
  const { tokens, issues } = tokenize(text);
  const cursor = new TokenCursor(tokens);
  const marks = new SourceMarks();
  const rules: Rule[] = [];
  while (cursor.peek().kind !== 'end') {
    const start = cursor.pos;
    try {
      rules.push(parseRule(cursor, marks));
    } catch (error) {
      if (!(error instanceof ParseFailure)) throw error;
      issues.push(issueAt(error.at, 'text', error.message));
      cursor.pos = Math.max(start + 1, error.index);
      while (cursor.peek().kind !== 'end' && !(cursor.peek().lineStart && startsRule(cursor.peek())))
        cursor.pos++;
    }
  }
  const sourceMap = marks.toSourceMap(rules);
  // The parser builds well-formed rules; the schema adds its limits (text lengths, counts) with the same paths.
  const checked = ruleSetSchema.safeParse({ rules });
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const path = issue.path.map(String).join('.');
      issues.push(issueAt(positionOf(sourceMap, path), path, issue.message));
    }
  }
  return { json: { rules }, sourceMap, issues };
}

function parseRule(cursor: TokenCursor, marks: SourceMarks): Rule {
  const first = cursor.peek();
  let name: string | undefined;
  if (cursor.accept('rule')) {
    const label = cursor.peek();
    if (label.kind !== 'string')
      cursor.fail(
        label,
        `give the rule's name in quotes: rule "Away message" when …; found ${describeToken(label)}`,
      );
    cursor.next();
    name = label.value;
  }
  cursor.expectWord('when', 'to start a rule (when <condition> then <actions>)');
  const { trigger, condition } = parseHead(cursor, marks);
  cursor.expectWord('then', 'before the actions');
  const actions = parseActions(cursor, marks);
  const next = cursor.peek();
  if (next.kind !== 'end' && !startsRule(next))
    cursor.fail(
      next,
      `expected a comma and another action, or a new rule ("when …"); found ${describeToken(next)}`,
    );
  const rule: Rule = { condition, actions };
  if (name !== undefined) rule.name = name;
  if (trigger) rule.trigger = trigger;
  return marks.mark(rule, first);
}

/** `subscribed [to <channel>]`, `confirmed`, `unsubscribed [from <channel>]` — or a message condition. */
function parseHead(cursor: TokenCursor, marks: SourceMarks): { trigger?: Trigger; condition: Condition } {
  const at = cursor.peek();
  const word = at.kind === 'word' ? at.value.toLowerCase() : '';
  if (word !== 'subscribed' && word !== 'unsubscribed' && word !== 'confirmed')
    return { condition: parseCondition(cursor, marks) };
  cursor.next();
  let trigger: Trigger;
  if (word === 'confirmed') trigger = marks.mark({ type: 'confirmed' }, at);
  else {
    const preposition = word === 'subscribed' ? 'to' : 'from';
    const slug = cursor.accept(preposition)
      ? cursor.expectValue(`a channel, e.g. ${word} ${preposition} sport`)
      : null;
    trigger = marks.mark(
      slug ? { type: word, channel: slug.value } : { type: word },
      at,
      slug ? { channel: slug } : {},
    );
  }
  if (cursor.accept('and')) return { trigger, condition: parseCondition(cursor, marks) };
  if (!cursor.isWord('then'))
    cursor.fail(
      cursor.peek(),
      `expected "and <condition>" or "then" after "${word}", found ${describeToken(cursor.peek())}`,
    );
  return { trigger, condition: marks.mark({ type: 'any' }, at) };
}
