import { CompiledRules } from './compiled-rules.js';
import { type CheckIssue, checkRules, type RuleEnvironment } from './rule-check.js';
import { issueAt, type RuleIssue, rulesError } from './rule-issue.js';
import { parseRules } from './rule-parser.js';
import { printRules } from './rule-printer.js';
import { type RuleSetInput, type RuleSetJson, ruleSetSchema } from './rule-schema.js';
import { positionOf, type SourceMap } from './source-map.js';

/** A rule set read from either form: both forms, each rule's line, and every issue found. */
export interface AnalyzedRules {
  json: RuleSetJson;
  /** The text as given, or the JSON printed one rule per line. */
  text: string;
  /** The line each rule starts on in `text`. */
  lines: number[];
  issues: RuleIssue[];
}

/** A text this long is no hand-written rule set; refusing it keeps a mistake from stalling the check. */
export const maxRulesText = 1_000_000;

const located = (map: SourceMap | null, issues: CheckIssue[]) =>
  issues.map((i) => issueAt(positionOf(map, i.path), i.path, i.message));

/** Parse (text) or validate (JSON), then check: every problem of both steps in one list. */
export function analyzeRules(input: unknown, env?: RuleEnvironment): AnalyzedRules {
  if (typeof input === 'string') {
    if (input.length > maxRulesText) {
      const issue = issueAt(
        null,
        'text',
        `the text has ${input.length} characters; at most ${maxRulesText} are allowed`,
      );
      return { json: { rules: [] }, text: input, lines: [], issues: [issue] };
    }
    const parsed = parseRules(input);
    // The rules that parsed are checked too, so one pass reports parse and check errors together.
    const issues = [...parsed.issues, ...located(parsed.sourceMap, checkRules(parsed.json, env))];
    const lines = parsed.json.rules.map((_, i) => parsed.sourceMap.get(`rules.${i}`)?.line ?? i + 1);
    return { json: parsed.json, text: input, lines, issues };
  }
  const result = ruleSetSchema.safeParse(Array.isArray(input) ? { rules: input } : input);
  if (!result.success) {
    const issues = result.error.issues.map((i) =>
      issueAt(null, i.path.map(String).join('.') || '(root)', i.message),
    );
    return { json: { rules: [] }, text: '', lines: [], issues };
  }
  const json = result.data;
  return {
    json,
    text: printRules(json),
    lines: json.rules.map((_, i) => i + 1),
    issues: located(null, checkRules(json, env)),
  };
}

/**
 * Parses, checks and compiles a rule set — text or JSON — for evaluation; throws INVALID_RULES with every
 * issue. Without an environment only what holds everywhere is checked (not whether channels exist).
 *
 * @example
 * const rules = compileRules('when keyword TANZ then reply "Du bist dabei 💃"');
 * rules.match({ event: 'message', text: 'tanz!', ... }); // [the rule]
 */
export function compileRules(input: string | RuleSetInput, env?: RuleEnvironment): CompiledRules {
  const analyzed = analyzeRules(input, env);
  if (analyzed.issues.length > 0) throw rulesError(analyzed.issues);
  return new CompiledRules(analyzed.json, analyzed.text, analyzed.lines);
}
