export { analyzeRules, compileRules } from './analyze-rules.js';
export type { CompiledRule, CompiledRules, RuleExplanation } from './compiled-rules.js';
export {
  awayMessagePreset,
  greetingPreset,
  instantReplyPreset,
  messengerAssistantPreset,
  type OpeningHours,
} from './presets.js';
export { maxPatternInput } from './regex-guard.js';

export type { RuleEnvironment } from './rule-check.js';
export type { RuleEvent, RuleFacts } from './rule-facts.js';
export type { RuleIssue, SourcePosition } from './rule-issue.js';
export { type ParsedRules, parseRules } from './rule-parser.js';
export { printRules } from './rule-printer.js';
export {
  type Action,
  type Condition,
  type HoursRange,
  type MediaCondition,
  type Rule,
  type RuleSetInput,
  type RuleSetJson,
  ruleSetSchema,
  type Trigger,
  type Weekday,
} from './rule-schema.js';
export type { ExplainInput, Explanation, RuleSetView, RulesApi } from './rules-service.js';
