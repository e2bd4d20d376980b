import { isKnownZone } from './business-hours.js';
import { keywordKey } from './keyword-key.js';
import { patternProblem } from './regex-guard.js';
import { unknownPlaceholders } from './reply-placeholders.js';
import type { Action, Condition, Rule, RuleSetJson } from './rule-schema.js';

/**
 * What the installation offers, for the checks that depend on it. Each part left out is not checked:
 * `compileRules()` without an environment checks only what holds everywhere.
 *
 * An unknown channel is no parse error (the text is well-formed) but a check error when the set is saved:
 * a rule that names a channel which does not exist is almost always a typo. A channel removed later makes
 * its conditions false and its actions skip (logged), it never breaks the running set.
 */
export interface RuleEnvironment {
  channels?: ReadonlySet<string>;
  transports?: ReadonlySet<string>;
  /** Which forwards can be delivered: http needs a signing secret, email and sms a notifier. */
  forwarding?: { http: boolean; email: boolean; sms: boolean };
}

export interface CheckIssue {
  path: string;
  message: string;
}

/** Conditions that need a message; a subscription or confirmation has none. */
const messageOnly = new Set<Condition['type']>([
  'keyword',
  'contains',
  'matches',
  'first-message',
  'media',
  'call',
]);
/** The field an action's problem is about, so the error points at the word that is wrong. */
const actionField: Partial<Record<Action['type'], string>> = {
  reply: 'text',
  'forward-http': 'url',
  'forward-email': 'to',
  'forward-sms': 'to',
  'add-to-channel': 'channel',
  'remove-from-channel': 'channel',
};
const emailPattern = /^[^\s@"<>]+@[^\s@"<>]+\.[^\s@"<>]+$/;
const e164 = /^\+[1-9]\d{6,14}$/;

/** Checks the meaning of a well-formed rule set; returns every problem with its JSON path. */
export function checkRules(set: RuleSetJson, env: RuleEnvironment = {}): CheckIssue[] {
  const issues: CheckIssue[] = [];
  const ids = new Map<string, number>();
  set.rules.forEach((rule, i) => {
    const report = (path: string, message: string) => issues.push({ path: `rules.${i}.${path}`, message });
    if (rule.id !== undefined) {
      const earlier = ids.get(rule.id);
      if (earlier !== undefined) report('id', `the id "${rule.id}" is used by rule ${earlier + 1} already`);
      else ids.set(rule.id, i);
    }
    const trigger = rule.trigger?.type ?? 'message';
    const triggerChannel = rule.trigger && 'channel' in rule.trigger ? rule.trigger.channel : undefined;
    const unknown = triggerChannel === undefined ? null : channelProblem(triggerChannel, env);
    if (unknown) report('trigger.channel', unknown);
    checkCondition(rule.condition, 'condition', trigger, env, report);
    checkActions(rule, env, report);
  });
  return issues;
}

function channelProblem(slug: string, env: RuleEnvironment): string | null {
  if (!env.channels || env.channels.has(slug)) return null;
  const known = [...env.channels].join(', ') || 'none yet';
  return `there is no channel "${slug}" (channels: ${known}); create it first or fix the name`;
}

function checkCondition(
  c: Condition,
  path: string,
  trigger: string,
  env: RuleEnvironment,
  report: (path: string, message: string) => void,
): void {
  if (trigger !== 'message' && messageOnly.has(c.type))
    report(path, `a "${trigger}" rule has no message to look at; "${c.type}" only fits rules for messages`);
  switch (c.type) {
    case 'keyword':
      if (!keywordKey(c.keyword))
        report(
          `${path}.keyword`,
          `the keyword "${c.keyword}" has no letter, digit or emoji, so no message can match it`,
        );
      break;
    case 'contains':
      if (!c.text.trim()) report(`${path}.text`, 'contains needs some text to look for');
      break;
    case 'matches': {
      const problem = patternProblem(c.pattern, c.flags);
      if (problem) report(`${path}.pattern`, problem);
      break;
    }
    case 'hours':
      if (!isKnownZone(c.zone))
        report(`${path}.zone`, `"${c.zone}" is no time zone; use an IANA name such as Europe/Vienna or UTC`);
      break;
    case 'in-channel': {
      const problem = channelProblem(c.channel, env);
      if (problem) report(`${path}.channel`, problem);
      break;
    }
    case 'on':
      if (env.transports && !env.transports.has(c.transport))
        report(
          `${path}.transport`,
          `there is no messenger "${c.transport}" here (${[...env.transports].join(', ')})`,
        );
      break;
    case 'and':
    case 'or':
      for (const [k, child] of c.conditions.entries())
        checkCondition(child, `${path}.conditions.${k}`, trigger, env, report);

      break;
    case 'not':
      checkCondition(c.condition, `${path}.condition`, trigger, env, report);
      break;
    default:
      break;
  }
}

function checkActions(rule: Rule, env: RuleEnvironment, report: (path: string, message: string) => void) {
  const last = rule.actions.length - 1;
  rule.actions.forEach((action, j) => {
    const path = `actions.${j}`;
    const problem = actionProblem(action, env);
    if (problem) report(`${path}.${actionField[action.type] ?? ''}`.replace(/\.$/, ''), problem);
    if (action.type === 'do-nothing' && rule.actions.length > 1)
      report(
        path,
        '"do nothing" stands alone: it is the exception that stops all later rules; use "stop" after actions',
      );
    else if ((action.type === 'stop' || action.type === 'do-nothing') && j < last)
      report(
        `actions.${j + 1}`,
        `actions after "${action.type === 'stop' ? 'stop' : 'do nothing'}" never run`,
      );
  });
}

function actionProblem(action: Action, env: RuleEnvironment): string | null {
  const can = env.forwarding;
  switch (action.type) {
    case 'reply': {
      const unknown = unknownPlaceholders(action.text);
      return unknown.length
        ? `unknown placeholder {${unknown[0]}}: a reply can use {name}, {business}, {channel}, {transport}`
        : null;
    }
    case 'forward-http': {
      const url = URL.canParse(action.url) ? new URL(action.url) : null;
      if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:'))
        return `"${action.url}" is no http(s) URL`;
      return can && !can.http
        ? 'forward http needs a signing secret: createTidings({ forwarding: { secret } })'
        : null;
    }
    case 'forward-email':
      if (!emailPattern.test(action.to)) return `"${action.to}" is no e-mail address`;
      return can && !can.email
        ? 'forward email needs a notifier: createTidings({ forwarding: { email: smtpNotifier({...}) } })'
        : null;
    case 'forward-sms':
      if (!e164.test(action.to)) return `"${action.to}" is no phone number in international format (+43…)`;
      return can && !can.sms
        ? 'forward sms needs a notifier: createTidings({ forwarding: { sms: websmsNotifier({...}) } })'
        : null;
    case 'add-to-channel':
    case 'remove-from-channel':
      return channelProblem(action.channel, env);

    default:
      return null;
  }
}
